import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { LIMITS, LoginResponseDto } from '@passerelle/domain';
import type { AccessTokenPayload, AuthUser } from '../../core/auth/auth-user';
import { AppConfig } from '../../core/config/config';
import { badRequest, unauthorized } from '../../core/errors/domain.exception';
import { AuditService } from '../audit/audit.service';
import type { ClientMeta } from '../audit/request-meta.decorator';
import { PasswordService } from '../users/password.service';
import type { UserEntity } from '../users/user.entity';
import { toUserDto } from '../users/users.mapper';
import { UsersService } from '../users/users.service';
import { ChangePasswordDto, LoginDto } from './dto/auth.dto';
import { newOpaqueToken, sha256 } from './opaque-token';
import { SessionsRepository } from './sessions.repository';

/** What a sign-in yields: the response body and the refresh token for the cookie. */
export interface IssuedSession {
  body: LoginResponseDto;
  refreshToken: string;
}

const INVALID_CREDENTIALS = 'Invalid email or password';
const SESSION_ENDED = 'Your session has ended, please sign in again';

/**
 * Sign-in, refresh-token rotation, sign-out and password change. Access tokens are short-lived
 * JWTs carrying the account's token version; refresh tokens are random, stored hashed, and
 * rotated on every use so that a stolen one is detected the moment either copy is used again.
 */
@Injectable()
export class AuthService {
  constructor(
    private readonly users: UsersService,
    private readonly passwords: PasswordService,
    private readonly sessions: SessionsRepository,
    private readonly jwt: JwtService,
    private readonly config: AppConfig,
    private readonly audit: AuditService,
  ) {}

  async login(dto: LoginDto, meta: ClientMeta): Promise<IssuedSession> {
    const email = dto.email.trim();
    const user = await this.users.findByEmail(email);
    // Always verify (against a dummy hash when there is no account) so timing tells nothing.
    const passwordOk = await this.passwords.verify(user?.passwordHash, dto.password);
    if (!user || !passwordOk || !user.active) {
      const reason = !user ? 'unknown_account' : !passwordOk ? 'wrong_password' : 'inactive';
      await this.audit.record({
        action: 'auth.login_failed',
        targetType: user ? 'user' : null,
        targetId: user?.id ?? null,
        details: { email: email.slice(0, LIMITS.emailMaxLength), reason },
        ip: meta.ip,
      });
      throw unauthorized(INVALID_CREDENTIALS);
    }
    await this.audit.record({
      actorId: user.id,
      action: 'auth.login',
      targetType: 'user',
      targetId: user.id,
      ip: meta.ip,
    });
    return this.issueSession(user, meta);
  }

  /** Exchanges a refresh token for a new access token and a new refresh token. */
  async refresh(token: string | undefined, meta: ClientMeta): Promise<IssuedSession> {
    if (!token) throw unauthorized('No session');
    const session = await this.sessions.findByHash(sha256(token));
    if (!session) throw unauthorized(SESSION_ENDED);
    if (session.revokedAt) {
      // A rotated-away token came back: whoever holds it may be an attacker, so end every session.
      await this.reuseDetected(session.userId, meta);
      throw unauthorized(SESSION_ENDED);
    }
    if (session.expiresAt.getTime() <= Date.now()) throw unauthorized(SESSION_ENDED);
    if (!(await this.sessions.markRotated(session.id))) {
      await this.reuseDetected(session.userId, meta);
      throw unauthorized(SESSION_ENDED);
    }
    const user = await this.users.findById(session.userId);
    if (!user || !user.active) throw unauthorized(SESSION_ENDED);
    return this.issueSession(user, meta);
  }

  async logout(token: string | undefined): Promise<void> {
    if (!token) return;
    const session = await this.sessions.findByHash(sha256(token));
    if (session && !session.revokedAt) await this.sessions.delete(session.id);
  }

  /**
   * Sets a new password. Every access token and refresh session issued before ends (on every
   * device, this one included); this device gets a fresh session in the answer.
   */
  async changePassword(actor: AuthUser, dto: ChangePasswordDto, meta: ClientMeta): Promise<IssuedSession> {
    const user = await this.users.findById(actor.id);
    if (!user || !user.active) throw unauthorized();
    if (!(await this.passwords.verify(user.passwordHash, dto.currentPassword))) {
      throw badRequest('currentPassword is not the current password', ['currentPassword']);
    }
    await this.users.setPassword(user.id, await this.passwords.hash(dto.newPassword));
    await this.sessions.deleteAllForUser(user.id);
    await this.audit.record({
      actorId: user.id,
      action: 'auth.password_changed',
      targetType: 'user',
      targetId: user.id,
      ip: meta.ip,
    });
    this.users.notifyAccessChanged(user);
    return this.issueSession((await this.users.findById(user.id))!, meta);
  }

  /** A new access token and refresh session for this person (after sign-in or invitation). */
  async issueSession(user: UserEntity, meta: ClientMeta): Promise<IssuedSession> {
    const payload: AccessTokenPayload = { sub: user.id, ver: user.tokenVersion };
    const accessToken = await this.jwt.signAsync(payload);
    const refreshToken = newOpaqueToken();
    await this.sessions.create({
      userId: user.id,
      tokenHash: sha256(refreshToken),
      expiresAt: new Date(Date.now() + LIMITS.refreshTokenTtlSeconds * 1000),
      userAgent: meta.userAgent,
    });
    return {
      body: { accessToken, expiresIn: this.config.ACCESS_TOKEN_TTL_SECONDS, user: toUserDto(user) },
      refreshToken,
    };
  }

  private async reuseDetected(userId: string, meta: ClientMeta): Promise<void> {
    await this.sessions.deleteAllForUser(userId);
    await this.audit.record({
      action: 'auth.refresh_reused',
      targetType: 'user',
      targetId: userId,
      ip: meta.ip,
    });
  }
}
