import type { JwtService } from '@nestjs/jwt';
import type { AppConfig } from '../../core/config/config';
import type { AuditService } from '../audit/audit.service';
import type { PasswordService } from '../users/password.service';
import type { UserEntity } from '../users/user.entity';
import type { UsersService } from '../users/users.service';
import { AuthService } from './auth.service';
import { sha256 } from './opaque-token';
import type { RefreshSessionEntity } from './refresh-session.entity';
import type { SessionsRepository } from './sessions.repository';

const meta = { ip: '127.0.0.1', userAgent: 'jest' };
const user = { id: 'u1', email: 'a@b.test', name: 'A', role: 'member', active: true, tokenVersion: 3 } as UserEntity;

function setup(session: Partial<RefreshSessionEntity> | null, rotated = true) {
  const sessions = {
    findByHash: jest
      .fn()
      .mockResolvedValue(
        session && { id: 's1', userId: 'u1', revokedAt: null, expiresAt: new Date(Date.now() + 60_000), ...session },
      ),
    markRotated: jest.fn().mockResolvedValue(rotated),
    deleteAllForUser: jest.fn().mockResolvedValue(undefined),
    create: jest.fn().mockResolvedValue(undefined),
  };
  const users = { findById: jest.fn().mockResolvedValue(user) };
  const jwt = { signAsync: jest.fn().mockResolvedValue('signed') };
  const audit = { record: jest.fn().mockResolvedValue(undefined) };
  const service = new AuthService(
    users as unknown as UsersService,
    {} as PasswordService,
    sessions as unknown as SessionsRepository,
    jwt as unknown as JwtService,
    { ACCESS_TOKEN_TTL_SECONDS: 900 } as AppConfig,
    audit as unknown as AuditService,
  );
  return { service, sessions, jwt, audit };
}

describe('AuthService.refresh', () => {
  it('looks the session up by the digest of the token, rotates it and signs the current token version', async () => {
    const { service, sessions, jwt } = setup({});
    const issued = await service.refresh('the-token', meta);
    expect(sessions.findByHash).toHaveBeenCalledWith(sha256('the-token'));
    expect(sessions.markRotated).toHaveBeenCalledWith('s1');
    expect(jwt.signAsync).toHaveBeenCalledWith({ sub: 'u1', ver: 3 });
    expect(issued.body).toEqual({
      accessToken: 'signed',
      expiresIn: 900,
      user: { id: 'u1', email: 'a@b.test', name: 'A', role: 'member' },
    });
    expect(sessions.create).toHaveBeenCalledWith(
      expect.objectContaining({ userId: 'u1', tokenHash: sha256(issued.refreshToken) }),
    );
  });

  it('treats a token that a concurrent request rotated first as reuse: every session ends', async () => {
    const { service, sessions, audit } = setup({}, false);
    await expect(service.refresh('the-token', meta)).rejects.toMatchObject({ code: 'unauthorized' });
    expect(sessions.deleteAllForUser).toHaveBeenCalledWith('u1');
    expect(sessions.create).not.toHaveBeenCalled();
    expect(audit.record).toHaveBeenCalledWith(
      expect.objectContaining({ action: 'auth.refresh_reused', targetId: 'u1' }),
    );
  });

  it('refuses an expired session without rotating it or touching other sessions', async () => {
    const { service, sessions } = setup({ expiresAt: new Date(Date.now() - 1000) });
    await expect(service.refresh('the-token', meta)).rejects.toMatchObject({ code: 'unauthorized' });
    expect(sessions.markRotated).not.toHaveBeenCalled();
    expect(sessions.deleteAllForUser).not.toHaveBeenCalled();
  });
});
