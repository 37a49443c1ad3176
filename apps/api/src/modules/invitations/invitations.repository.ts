import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { CityRole, GlobalRole } from '@passerelle/domain';
import { DataSource, EntityManager } from 'typeorm';
import { InvitationEntity } from './invitation.entity';

/** An invitation with the names the lists and the preview show. */
export interface InvitationRow extends InvitationEntity {
  cityName: string | null;
  invitedByName: string | null;
}

/** Pending = neither accepted nor revoked, and not expired. */
const PENDING = `i.accepted_at IS NULL AND i.revoked_at IS NULL AND i.expires_at > now()`;
const SELECT_ROW = `
  SELECT i.id, i.token_hash AS "tokenHash", i.email, i.city_id AS "cityId", i.city_role AS "cityRole",
         i.global_role AS "globalRole", i.invited_by AS "invitedBy", i.expires_at AS "expiresAt",
         i.accepted_at AS "acceptedAt", i.accepted_user_id AS "acceptedUserId", i.revoked_at AS "revokedAt",
         i.revoked_by AS "revokedBy", i.created_at AS "createdAt", c.name AS "cityName", u.name AS "invitedByName"
    FROM invitations i
    LEFT JOIN cities c ON c.id = i.city_id
    LEFT JOIN users u ON u.id = i.invited_by`;

@Injectable()
export class InvitationsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async insert(fields: {
    tokenHash: string;
    email: string;
    cityId: string | null;
    cityRole: CityRole | null;
    globalRole: GlobalRole;
    invitedBy: string;
    expiresAt: Date;
  }): Promise<InvitationEntity> {
    const repo = this.db.getRepository(InvitationEntity);
    return repo.save(
      repo.create({ ...fields, acceptedAt: null, acceptedUserId: null, revokedAt: null, revokedBy: null }),
    );
  }

  listPending(): Promise<InvitationRow[]> {
    return this.db.query(`${SELECT_ROW} WHERE ${PENDING} ORDER BY i.created_at DESC`);
  }

  async findPendingByHash(tokenHash: string): Promise<InvitationRow | null> {
    const rows: InvitationRow[] = await this.db.query(`${SELECT_ROW} WHERE i.token_hash = $1 AND ${PENDING}`, [
      tokenHash,
    ]);
    return rows[0] ?? null;
  }

  /** Marks the invitation used, once: a second (or concurrent) claim finds nothing. */
  async claim(tokenHash: string, tx: EntityManager): Promise<string | null> {
    // TypeORM answers an UPDATE with [rows, affected count].
    const [rows]: [Array<{ id: string }>, number] = await tx.query(
      `UPDATE invitations i SET accepted_at = now() WHERE i.token_hash = $1 AND ${PENDING} RETURNING i.id`,
      [tokenHash],
    );
    return rows[0]?.id ?? null;
  }

  async setAcceptedUser(id: string, userId: string, tx: EntityManager): Promise<void> {
    await tx.query(`UPDATE invitations SET accepted_user_id = $2 WHERE id = $1`, [id, userId]);
  }

  /** Revokes a pending invitation; null when there is no such pending invitation. */
  async revoke(id: string, revokedBy: string): Promise<InvitationEntity | null> {
    const [, affected]: [unknown[], number] = await this.db.query(
      `UPDATE invitations i SET revoked_at = now(), revoked_by = $2 WHERE i.id = $1 AND ${PENDING}`,
      [id, revokedBy],
    );
    return affected > 0 ? this.db.getRepository(InvitationEntity).findOneBy({ id }) : null;
  }
}
