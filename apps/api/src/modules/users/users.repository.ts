import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { CityRole, GlobalRole, Language } from '@passerelle/domain';
import { DataSource, EntityManager } from 'typeorm';
import { UserEntity } from './user.entity';

export interface MembershipRow {
  userId: string;
  cityId: string;
  citySlug: string;
  role: CityRole;
}

/** Users and their memberships. Methods take an optional transaction manager. */
@Injectable()
export class UsersRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  private manager(tx?: EntityManager): EntityManager {
    return tx ?? this.db.manager;
  }

  findById(id: string, tx?: EntityManager): Promise<UserEntity | null> {
    return this.manager(tx).getRepository(UserEntity).findOneBy({ id });
  }

  findByEmail(email: string, tx?: EntityManager): Promise<UserEntity | null> {
    return this.manager(tx)
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .where('lower(u.email) = lower(:email)', { email })
      .getOne();
  }

  listAll(): Promise<UserEntity[]> {
    return this.db
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .orderBy('lower(u.name)')
      .addOrderBy('u.id')
      .getMany();
  }

  async insert(
    fields: { email: string; name: string; passwordHash: string; role: GlobalRole },
    tx?: EntityManager,
  ): Promise<UserEntity> {
    const [row]: Array<{ id: string }> = await this.manager(tx).query(
      `INSERT INTO users (email, name, password_hash, role) VALUES ($1, $2, $3, $4) RETURNING id`,
      [fields.email, fields.name, fields.passwordHash, fields.role],
    );
    return (await this.findById(row.id, tx))!;
  }

  async updateProfile(id: string, fields: { name?: string; language?: Language | null }): Promise<void> {
    await this.db.query(
      `UPDATE users SET name = COALESCE($2, name),
                        language = CASE WHEN $3::boolean THEN $4 ELSE language END,
                        updated_at = now()
        WHERE id = $1`,
      [id, fields.name ?? null, fields.language !== undefined, fields.language ?? null],
    );
  }

  /** Setting a password ends every access token issued before. */
  async setPassword(id: string, passwordHash: string): Promise<void> {
    await this.db.query(
      `UPDATE users SET password_hash = $2, token_version = token_version + 1, updated_at = now() WHERE id = $1`,
      [id, passwordHash],
    );
  }

  /** Role and activity changes end every access token issued before. */
  async updateAccess(id: string, fields: { role: GlobalRole; active: boolean }, tx?: EntityManager): Promise<void> {
    await this.manager(tx).query(
      `UPDATE users SET role = $2, active = $3, token_version = token_version + 1, updated_at = now() WHERE id = $1`,
      [id, fields.role, fields.active],
    );
  }

  async memberships(userIds: string[]): Promise<MembershipRow[]> {
    if (userIds.length === 0) return [];
    return this.db.query(
      `SELECT m.user_id AS "userId", m.city_id AS "cityId", c.slug AS "citySlug", m.role
         FROM memberships m JOIN cities c ON c.id = m.city_id
        WHERE m.user_id = ANY($1::uuid[])
        ORDER BY c.slug`,
      [userIds],
    );
  }

  /** Adds the membership, or changes its role when there is one already; returns the role it had. */
  async upsertMembership(userId: string, cityId: string, role: CityRole, tx?: EntityManager): Promise<CityRole | null> {
    const [row]: Array<{ previous: CityRole | null }> = await this.manager(tx).query(
      `WITH before AS (SELECT role FROM memberships WHERE user_id = $1 AND city_id = $2)
       INSERT INTO memberships (user_id, city_id, role) VALUES ($1, $2, $3)
       ON CONFLICT (user_id, city_id) DO UPDATE SET role = EXCLUDED.role
       RETURNING (SELECT role FROM before) AS previous`,
      [userId, cityId, role],
    );
    return row.previous;
  }
}
