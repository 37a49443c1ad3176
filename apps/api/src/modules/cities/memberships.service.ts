import { Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { isUUID } from 'class-validator';
import { AccessService } from '../../core/access/access.service';
import type { AuthUser } from '../../core/auth/auth-user';
import { badRequest, notFound } from '../../core/errors/domain.exception';
import { ProgrammeService } from '../programme/programme.service';
import { CitiesService } from './cities.service';
import { MemberResponse, PutMemberDto } from './dto/membership.dto';
import { MEMBERSHIP_CHANGED, MembershipChangedEvent } from './membership-events';
import { MembershipsRepository } from './memberships.repository';

/** Who works in a city and in which role (editor, stakeholder, observer). */
@Injectable()
export class MembershipsService {
  constructor(
    private readonly repo: MembershipsRepository,
    private readonly cities: CitiesService,
    private readonly programme: ProgrammeService,
    private readonly access: AccessService,
    private readonly events: EventEmitter2,
  ) {}

  async list(user: AuthUser, cityIdOrSlug: string): Promise<MemberResponse[]> {
    const city = await this.cities.resolve(cityIdOrSlug);
    this.access.assertCity(user, 'view_workspace', city.id);
    return this.repo.listByCity(city.id);
  }

  /** Creates or changes a membership; `created` tells the controller which status to answer. */
  async put(
    user: AuthUser,
    cityIdOrSlug: string,
    userId: string,
    dto: PutMemberDto,
  ): Promise<{ member: MemberResponse; created: boolean }> {
    const city = await this.cities.resolve(cityIdOrSlug);
    this.access.assertCity(user, 'manage_members', city.id);
    if (!isUUID(userId) || !(await this.repo.userExists(userId))) throw notFound('User');
    if (dto.organisationId) {
      const organisation = await this.programme.findOrganisation(dto.organisationId);
      if (!organisation) throw notFound('Organisation');
      if (organisation.cityId !== null && organisation.cityId !== city.id) {
        throw badRequest('organisationId names an organisation of another city', ['organisationId']);
      }
    }
    const before = await this.repo.find(city.id, userId);
    const member = await this.repo.upsert(city.id, userId, dto.role, dto.organisationId);
    if (before?.role !== member.role || before?.organisationId !== member.organisationId) {
      this.emit({
        actorId: user.id,
        userId,
        cityId: city.id,
        role: member.role,
        previousRole: before?.role ?? null,
        organisationId: member.organisationId,
      });
    }
    return { member, created: before === null };
  }

  async remove(user: AuthUser, cityIdOrSlug: string, userId: string): Promise<void> {
    const city = await this.cities.resolve(cityIdOrSlug);
    this.access.assertCity(user, 'manage_members', city.id);
    const before = isUUID(userId) ? await this.repo.find(city.id, userId) : null;
    if (!before || !(await this.repo.remove(city.id, userId))) throw notFound('Membership');
    this.emit({
      actorId: user.id,
      userId,
      cityId: city.id,
      role: null,
      previousRole: before.role,
      organisationId: null,
    });
  }

  private emit(event: MembershipChangedEvent): void {
    this.events.emit(MEMBERSHIP_CHANGED, event);
  }
}
