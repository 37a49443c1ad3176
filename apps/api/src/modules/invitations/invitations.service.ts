import { Injectable, Logger } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { InjectDataSource } from '@nestjs/typeorm';
import { CityRole, LIMITS } from '@passerelle/domain';
import { isUUID } from 'class-validator';
import { DataSource, QueryFailedError } from 'typeorm';
import { AccessService } from '../../core/access/access.service';
import type { AuthUser } from '../../core/auth/auth-user';
import { AppConfig } from '../../core/config/config';
import { badRequest, conflict, DomainException, forbidden, unauthorized } from '../../core/errors/domain.exception';
import { AuditService } from '../audit/audit.service';
import type { ClientMeta } from '../audit/request-meta.decorator';
import { AuthService, IssuedSession } from '../auth/auth.service';
import { newOpaqueToken, sha256 } from '../auth/opaque-token';
import { CitiesService } from '../cities/cities.service';
import { MEMBERSHIP_CHANGED, MembershipChangedEvent } from '../cities/membership-events';
import { PasswordService } from '../users/password.service';
import type { UserEntity } from '../users/user.entity';
import { isHigherRole, UsersService } from '../users/users.service';
import {
  AcceptInvitationDto,
  CreatedInvitationBody,
  CreateInvitationDto,
  InvitationPreviewBody,
  PendingInvitationBody,
} from './dto/invitation.dto';
import { toCreatedInvitationDto, toInvitationPreviewDto, toPendingInvitationDto } from './invitations.mapper';
import { InvitationRow, InvitationsRepository } from './invitations.repository';

const invalidLink = () => new DomainException('not_found', 'This invitation does not exist, was used, or has expired');

/**
 * Invitations by email address (there is no mail server: the one-time link is answered to the
 * inviter and written to the log). Accepting creates the account, or adds the membership to an
 * existing one once its password is given, and signs the person in.
 */
@Injectable()
export class InvitationsService {
  private readonly logger = new Logger('Invitations');

  constructor(
    private readonly repo: InvitationsRepository,
    private readonly users: UsersService,
    private readonly passwords: PasswordService,
    private readonly cities: CitiesService,
    private readonly auth: AuthService,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
    private readonly events: EventEmitter2,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  async create(actor: AuthUser, dto: CreateInvitationDto, meta: ClientMeta): Promise<CreatedInvitationBody> {
    this.access.assertProgramme(actor, 'invite');
    const globalRole = dto.globalRole ?? 'member';
    if (globalRole !== 'member') this.assertMayGrant(actor);
    const city = dto.cityId ? await this.cities.resolve(dto.cityId) : null;
    const existing = await this.users.findByEmail(dto.email);
    if (existing) {
      if (!existing.active) throw conflict('This person has a deactivated account: reactivate it instead');
      if (city && (await this.users.isMember(existing.id, city.id))) {
        throw conflict(`This person is already a member of ${city.name}`);
      }
      if (!city && !isHigherRole(globalRole, existing.role)) throw conflict('This person already has an account');
    }
    const token = newOpaqueToken();
    const invitation = await this.repo.insert({
      tokenHash: sha256(token),
      email: dto.email,
      cityId: city?.id ?? null,
      cityRole: city ? dto.cityRole! : null,
      globalRole,
      invitedBy: actor.id,
      expiresAt: new Date(Date.now() + LIMITS.invitationTtlSeconds * 1000),
    });
    const link = `${this.config.publicUrl.replace(/\/+$/, '')}/invite/${token}`;
    this.logger.log(`Invitation for ${invitation.email}${city ? ` to ${city.name} (${dto.cityRole})` : ''}: ${link}`);
    await this.audit.record({
      actorId: actor.id,
      action: 'invitation.created',
      targetType: 'invitation',
      targetId: invitation.id,
      details: { email: invitation.email, cityId: invitation.cityId, cityRole: invitation.cityRole, globalRole },
      ip: meta.ip,
    });
    return toCreatedInvitationDto(invitation, link);
  }

  async listPending(actor: AuthUser): Promise<PendingInvitationBody[]> {
    this.access.assertProgramme(actor, 'invite');
    return (await this.repo.listPending()).map(toPendingInvitationDto);
  }

  async revoke(actor: AuthUser, id: string, meta: ClientMeta): Promise<void> {
    this.access.assertProgramme(actor, 'invite');
    const revoked = isUUID(id) ? await this.repo.revoke(id, actor.id) : null;
    if (!revoked) throw new DomainException('not_found', 'No pending invitation with this id');
    await this.audit.record({
      actorId: actor.id,
      action: 'invitation.revoked',
      targetType: 'invitation',
      targetId: revoked.id,
      details: { email: revoked.email },
      ip: meta.ip,
    });
  }

  async preview(token: string): Promise<InvitationPreviewBody> {
    const invitation = await this.findPending(token);
    const existing = await this.users.findByEmail(invitation.email);
    return toInvitationPreviewDto(invitation, existing?.active === true);
  }

  async accept(token: string, dto: AcceptInvitationDto, meta: ClientMeta): Promise<IssuedSession> {
    const invitation = await this.findPending(token);
    const existing = await this.users.findByEmail(invitation.email);
    // Password work happens before the transaction, so that it holds no connection while hashing.
    let newPasswordHash: string | null = null;
    if (existing) {
      if (!existing.active) throw conflict('This account is deactivated');
      if (!(await this.passwords.verify(existing.passwordHash, dto.password))) {
        throw unauthorized('The password does not match the existing account');
      }
    } else {
      if (!dto.name) throw badRequest('name is required to create the account', ['name']);
      if (dto.password.length < LIMITS.passwordMinLength) {
        throw badRequest(`password must be at least ${LIMITS.passwordMinLength} characters long`, ['password']);
      }
      newPasswordHash = await this.passwords.hash(dto.password);
    }

    const outcome = await this.db
      .transaction(async (tx) => {
        if (!(await this.repo.claim(invitation.tokenHash, tx))) throw invalidLink();
        const user: UserEntity = existing
          ? existing
          : await this.users.createAccount(
              { email: invitation.email, name: dto.name!, passwordHash: newPasswordHash!, role: invitation.globalRole },
              tx,
            );
        const roleRaised = existing ? await this.users.raiseRole(existing, invitation.globalRole, tx) : false;
        let previousRole: CityRole | null = null;
        if (invitation.cityId && invitation.cityRole) {
          previousRole = await this.users.addMembership(user.id, invitation.cityId, invitation.cityRole, tx);
        }
        await this.repo.setAcceptedUser(invitation.id, user.id, tx);
        return { userId: user.id, created: !existing, roleRaised, previousRole };
      })
      .catch((error: unknown) => {
        // Two acceptances racing to create the same account: the unique email index decides.
        if (error instanceof QueryFailedError && (error.driverError as { code?: string }).code === '23505') {
          throw conflict('An account with this email address already exists');
        }
        throw error;
      });

    const user = (await this.users.findById(outcome.userId))!;
    if (invitation.cityId && invitation.cityRole && outcome.previousRole !== invitation.cityRole) {
      const event: MembershipChangedEvent = {
        actorId: invitation.invitedBy ?? user.id,
        userId: user.id,
        cityId: invitation.cityId,
        role: invitation.cityRole,
        previousRole: outcome.previousRole,
        organisationId: null,
      };
      this.events.emit(MEMBERSHIP_CHANGED, event);
    }
    if (outcome.roleRaised) this.users.notifyAccessChanged(user);
    await this.audit.record({
      actorId: user.id,
      action: 'invitation.accepted',
      targetType: 'invitation',
      targetId: invitation.id,
      details: { email: invitation.email, newAccount: outcome.created, invitedBy: invitation.invitedBy },
      ip: meta.ip,
    });
    return this.auth.issueSession(user, meta);
  }

  private async findPending(token: string): Promise<InvitationRow> {
    if (token.length > 200) throw invalidLink();
    const invitation = await this.repo.findPendingByHash(sha256(token));
    if (!invitation) throw invalidLink();
    return invitation;
  }

  /** Granting a global role is managing users: admins only. */
  private assertMayGrant(actor: AuthUser): void {
    try {
      this.access.assertProgramme(actor, 'manage_users');
    } catch {
      throw forbidden('Only admins may invite coordinators or admins');
    }
  }
}
