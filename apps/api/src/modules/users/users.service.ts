import { Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import type { CityRole, GlobalRole, MeDto } from '@passerelle/domain';
import { EntityManager } from 'typeorm';
import { AccessService } from '../../core/access/access.service';
import type { AuthUser } from '../../core/auth/auth-user';
import { conflict, notFound } from '../../core/errors/domain.exception';
import type { ClientMeta } from '../audit/request-meta.decorator';
import { AuditService } from '../audit/audit.service';
import { AdminUserBody } from './dto/user-responses.dto';
import { UpdateMeDto } from './dto/update-me.dto';
import { UpdateUserDto } from './dto/update-user.dto';
import { UserEntity } from './user.entity';
import { USER_ACCESS_CHANGED, UserAccessChangedEvent } from './users.events';
import { toAdminUserDto, toMeDto } from './users.mapper';
import { UsersRepository } from './users.repository';

const ROLE_RANK: Record<GlobalRole, number> = { member: 0, coordinator: 1, admin: 2 };
export const isHigherRole = (candidate: GlobalRole, current: GlobalRole) => ROLE_RANK[candidate] > ROLE_RANK[current];

/** Accounts: the person's own profile, the user list, and the admins' role and activity changes. */
@Injectable()
export class UsersService {
  constructor(
    private readonly repo: UsersRepository,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly events: EventEmitter2,
  ) {}

  findById(id: string, tx?: EntityManager): Promise<UserEntity | null> {
    return this.repo.findById(id, tx);
  }

  findByEmail(email: string, tx?: EntityManager): Promise<UserEntity | null> {
    return this.repo.findByEmail(email, tx);
  }

  createAccount(
    fields: { email: string; name: string; passwordHash: string; role: GlobalRole },
    tx?: EntityManager,
  ): Promise<UserEntity> {
    return this.repo.insert(fields, tx);
  }

  setPassword(userId: string, passwordHash: string): Promise<void> {
    return this.repo.setPassword(userId, passwordHash);
  }

  /** Raises (never lowers) the global role; used when an invitation grants more than the person has. */
  async raiseRole(user: UserEntity, role: GlobalRole, tx?: EntityManager): Promise<boolean> {
    if (!isHigherRole(role, user.role)) return false;
    await this.repo.updateAccess(user.id, { role, active: user.active }, tx);
    return true;
  }

  /** Returns the role the person had in the city before (null when the membership is new). */
  addMembership(userId: string, cityId: string, role: CityRole, tx?: EntityManager): Promise<CityRole | null> {
    return this.repo.upsertMembership(userId, cityId, role, tx);
  }

  async isMember(userId: string, cityId: string): Promise<boolean> {
    const memberships = await this.repo.memberships([userId]);
    return memberships.some((m) => m.cityId === cityId);
  }

  notifyAccessChanged(user: Pick<UserEntity, 'id' | 'role' | 'active'>): void {
    const event: UserAccessChangedEvent = { userId: user.id, role: user.role, active: user.active };
    this.events.emit(USER_ACCESS_CHANGED, event);
  }

  async getMe(userId: string): Promise<MeDto> {
    const user = await this.repo.findById(userId);
    if (!user) throw notFound('User');
    return toMeDto(user, await this.repo.memberships([user.id]));
  }

  async updateMe(userId: string, dto: UpdateMeDto): Promise<MeDto> {
    await this.repo.updateProfile(userId, { name: dto.name ?? undefined, language: dto.language });
    return this.getMe(userId);
  }

  /** Coordinators need the list to manage memberships, so it follows the `invite` permission. */
  async list(actor: AuthUser): Promise<AdminUserBody[]> {
    this.access.assertProgramme(actor, 'invite');
    const users = await this.repo.listAll();
    const memberships = await this.repo.memberships(users.map((u) => u.id));
    return users.map((u) => toAdminUserDto(u, memberships));
  }

  /**
   * Changes a person's global role or activity. Either change raises the token version, so every
   * access token they hold stops working on the next request; the refresh flow then hands out
   * tokens with the new role, or refuses a deactivated account.
   */
  async updateAccess(actor: AuthUser, userId: string, dto: UpdateUserDto, meta: ClientMeta): Promise<AdminUserBody> {
    this.access.assertProgramme(actor, 'manage_users');
    const user = await this.repo.findById(userId);
    if (!user) throw notFound('User');
    const role = dto.role ?? user.role;
    const active = dto.active ?? user.active;
    if (user.id === actor.id && !active) throw conflict('You cannot deactivate your own account');
    if (user.id === actor.id && role !== user.role) throw conflict('You cannot change your own role');
    if (role !== user.role || active !== user.active) {
      await this.repo.updateAccess(user.id, { role, active });
      if (role !== user.role) {
        await this.audit.record({
          actorId: actor.id,
          action: 'user.role_changed',
          targetType: 'user',
          targetId: user.id,
          details: { from: user.role, to: role },
          ip: meta.ip,
        });
      }
      if (active !== user.active) {
        await this.audit.record({
          actorId: actor.id,
          action: active ? 'user.reactivated' : 'user.deactivated',
          targetType: 'user',
          targetId: user.id,
          ip: meta.ip,
        });
      }
      this.notifyAccessChanged({ id: user.id, role, active });
    }
    const updated = (await this.repo.findById(user.id))!;
    return toAdminUserDto(updated, await this.repo.memberships([user.id]));
  }
}
