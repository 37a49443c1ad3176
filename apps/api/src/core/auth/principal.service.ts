import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AccessTokenPayload, AuthUser } from './auth-user';

/**
 * Turns an access token into the person behind it, checked against the database every time:
 * a deactivated account, or a token older than the account's token version, is refused at once.
 * Used by the HTTP guard and the collaboration socket alike.
 */
@Injectable()
export class PrincipalService {
  constructor(
    private readonly jwt: JwtService,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  async fromToken(token: string | undefined): Promise<AuthUser | null> {
    if (!token) return null;
    let payload: AccessTokenPayload;
    try {
      payload = await this.jwt.verifyAsync<AccessTokenPayload>(token);
    } catch {
      return null;
    }
    if (typeof payload.sub !== 'string' || typeof payload.ver !== 'number') return null;
    return this.load(payload.sub, payload.ver);
  }

  /** The user with memberships; null when missing, inactive or (with `tokenVersion`) revoked. */
  async load(userId: string, tokenVersion?: number): Promise<AuthUser | null> {
    const rows: Array<{
      id: string;
      email: string;
      name: string;
      role: AuthUser['role'];
      token_version: number;
      city_id: string | null;
      city_slug: string | null;
      city_role: AuthUser['memberships'][number]['role'] | null;
    }> = await this.db.query(
      `SELECT u.id, u.email, u.name, u.role, u.token_version, m.city_id, c.slug AS city_slug, m.role AS city_role
         FROM users u
         LEFT JOIN memberships m ON m.user_id = u.id
         LEFT JOIN cities c ON c.id = m.city_id
        WHERE u.id = $1 AND u.active`,
      [userId],
    );
    if (rows.length === 0) return null;
    const first = rows[0];
    if (tokenVersion !== undefined && first.token_version !== tokenVersion) return null;
    return {
      id: first.id,
      email: first.email,
      name: first.name,
      role: first.role,
      memberships: rows
        .filter((r) => r.city_id !== null)
        .map((r) => ({ cityId: r.city_id!, citySlug: r.city_slug!, role: r.city_role! })),
    };
  }
}
