import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { RefreshSessionEntity } from './refresh-session.entity';

/**
 * Refresh sessions: one row per signed-in device, found by the SHA-256 of its cookie. `revoked_at`
 * is set only by rotation; ended sessions are deleted.
 */
@Injectable()
export class SessionsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async create(fields: {
    userId: string;
    tokenHash: string;
    expiresAt: Date;
    userAgent: string | null;
  }): Promise<void> {
    // Expired rows are no longer needed even for reuse detection: an expired token is refused anyway.
    await this.db.query(`DELETE FROM refresh_sessions WHERE user_id = $1 AND expires_at < now()`, [fields.userId]);
    await this.db.query(
      `INSERT INTO refresh_sessions (user_id, token_hash, expires_at, user_agent) VALUES ($1, $2, $3, $4)`,
      [fields.userId, fields.tokenHash, fields.expiresAt, fields.userAgent],
    );
  }

  findByHash(tokenHash: string): Promise<RefreshSessionEntity | null> {
    return this.db.getRepository(RefreshSessionEntity).findOneBy({ tokenHash });
  }

  /**
   * Marks the session as rotated away. The row stays until it expires, so that a later use of its
   * token is recognised as reuse. True when this call did it; false when a concurrent use did.
   */
  async markRotated(id: string): Promise<boolean> {
    // TypeORM answers an UPDATE with [rows, affected count].
    const [, affected]: [unknown[], number] = await this.db.query(
      `UPDATE refresh_sessions SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL`,
      [id],
    );
    return affected > 0;
  }

  /**
   * Ending sessions deletes them: a later use of their token is then merely unknown, not reuse,
   * so another device of the person does not set off theft detection after a sign-out elsewhere.
   */
  async delete(id: string): Promise<void> {
    await this.db.query(`DELETE FROM refresh_sessions WHERE id = $1`, [id]);
  }

  async deleteAllForUser(userId: string): Promise<void> {
    await this.db.query(`DELETE FROM refresh_sessions WHERE user_id = $1`, [userId]);
  }
}
