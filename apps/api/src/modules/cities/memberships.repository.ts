import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { CityRole } from '@passerelle/domain';
import { DataSource } from 'typeorm';

export interface MemberRow {
  userId: string;
  name: string;
  email: string;
  role: CityRole;
  organisationId: string | null;
}

const MEMBER_COLUMNS = `u.id AS "userId", u.name, u.email, m.role, m.organisation_id AS "organisationId"`;

/** Memberships joined with the people they belong to. */
@Injectable()
export class MembershipsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  listByCity(cityId: string): Promise<MemberRow[]> {
    return this.db.query(
      `SELECT ${MEMBER_COLUMNS}
         FROM memberships m JOIN users u ON u.id = m.user_id
        WHERE m.city_id = $1
        ORDER BY lower(u.name), u.id`,
      [cityId],
    );
  }

  async find(cityId: string, userId: string): Promise<MemberRow | null> {
    const rows: MemberRow[] = await this.db.query(
      `SELECT ${MEMBER_COLUMNS}
         FROM memberships m JOIN users u ON u.id = m.user_id
        WHERE m.city_id = $1 AND m.user_id = $2`,
      [cityId, userId],
    );
    return rows[0] ?? null;
  }

  async userExists(userId: string): Promise<boolean> {
    const rows: unknown[] = await this.db.query(`SELECT 1 FROM users WHERE id = $1`, [userId]);
    return rows.length > 0;
  }

  /**
   * Creates the membership or changes its role. `organisationId` undefined keeps the current
   * organisation (none for a new membership); null clears it.
   */
  async upsert(
    cityId: string,
    userId: string,
    role: CityRole,
    organisationId: string | null | undefined,
  ): Promise<MemberRow> {
    await this.db.query(
      `INSERT INTO memberships (user_id, city_id, role, organisation_id)
       VALUES ($1, $2, $3, $4)
       ON CONFLICT (user_id, city_id) DO UPDATE
         SET role = EXCLUDED.role,
             organisation_id = CASE WHEN $5 THEN EXCLUDED.organisation_id ELSE memberships.organisation_id END`,
      [userId, cityId, role, organisationId ?? null, organisationId !== undefined],
    );
    return (await this.find(cityId, userId))!;
  }

  /** True when there was a membership to remove. */
  async remove(cityId: string, userId: string): Promise<boolean> {
    // TypeORM answers a DELETE with [rows, affected count].
    const [, affected]: [unknown[], number] = await this.db.query(
      `DELETE FROM memberships WHERE city_id = $1 AND user_id = $2`,
      [cityId, userId],
    );
    return affected > 0;
  }
}
