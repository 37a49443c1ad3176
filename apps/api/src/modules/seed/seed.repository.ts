import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { CityRole, GlobalRole, Language, OrganisationKind, Phase } from '@passerelle/domain';
import { DataSource, EntityManager } from 'typeorm';
import type { SeedCity } from './documents-seeder.port';

/** Any fixed number, shared by every instance of the product, that names "the seed is running". */
const SEED_LOCK = 7_246_302;

export interface Ensured {
  id: string;
  /** False when the row was already there (it is then left exactly as it is). */
  created: boolean;
}

/**
 * The seed's writes. Every insert is keyed on a natural key and does nothing when the row exists,
 * so a second run changes nothing and never overwrites what people have edited since.
 */
@Injectable()
export class SeedRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * Runs `work` holding an advisory lock on a connection of its own, so that instances starting
   * together on one database seed one after the other and the later ones find everything in place.
   * With a pool of one (the embedded database, which only one process can open) there is no other
   * instance to wait for, and holding the only connection would starve `work`.
   */
  async withSeedLock<T>(poolSize: number, work: () => Promise<T>): Promise<T> {
    if (poolSize <= 1) return work();
    const runner = this.db.createQueryRunner();
    await runner.connect();
    try {
      await runner.query('SELECT pg_advisory_lock($1)', [SEED_LOCK]);
      return await work();
    } finally {
      await runner.query('SELECT pg_advisory_unlock($1)', [SEED_LOCK]).catch(() => undefined);
      await runner.release();
    }
  }

  /** One transaction: a failed run leaves nothing half-done. */
  inTransaction<T>(work: (tx: SeedTransaction) => Promise<T>): Promise<T> {
    return this.db.transaction((manager) => work(new SeedTransaction(manager)));
  }
}

export class SeedTransaction {
  constructor(private readonly m: EntityManager) {}

  async ensureProgramme(p: { slug: string; name: string; acronym: string; description: string }): Promise<Ensured> {
    return this.ensure(
      `INSERT INTO programmes (slug, name, acronym, description) VALUES ($1, $2, $3, $4)
       ON CONFLICT (slug) DO NOTHING RETURNING id`,
      [p.slug, p.name, p.acronym, p.description],
      `SELECT id FROM programmes WHERE slug = $1`,
      [p.slug],
    );
  }

  async ensureCity(
    programmeId: string,
    c: {
      slug: string;
      name: string;
      names: Record<Language, string>;
      country: string;
      countryCode: string;
      phase: Phase;
      languages: Language[];
      description: string;
    },
  ): Promise<Ensured & { city: SeedCity }> {
    const ensured = await this.ensure(
      `INSERT INTO cities (programme_id, slug, name, names, country, country_code, phase, languages, description)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (slug) DO NOTHING RETURNING id`,
      [
        programmeId,
        c.slug,
        c.name,
        JSON.stringify(c.names),
        c.country,
        c.countryCode,
        c.phase,
        c.languages,
        c.description,
      ],
      `SELECT id FROM cities WHERE slug = $1`,
      [c.slug],
    );
    const [city]: SeedCity[] = await this.m.query(`SELECT id, slug, name, languages FROM cities WHERE id = $1`, [
      ensured.id,
    ]);
    return { ...ensured, city };
  }

  async ensureOrganisation(
    programmeId: string,
    cityId: string | null,
    o: { name: string; acronym: string | null; kind: OrganisationKind; website: string | null },
  ): Promise<Ensured> {
    return this.ensure(
      `INSERT INTO organisations (programme_id, city_id, name, acronym, kind, website)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT ((lower(name))) DO NOTHING RETURNING id`,
      [programmeId, cityId, o.name, o.acronym, o.kind, o.website],
      `SELECT id FROM organisations WHERE lower(name) = lower($1)`,
      [o.name],
    );
  }

  async ensureTheme(
    programmeId: string,
    t: { slug: string; names: Record<Language, string>; position: number },
  ): Promise<Ensured> {
    return this.ensure(
      `INSERT INTO themes (programme_id, slug, names, position) VALUES ($1, $2, $3, $4)
       ON CONFLICT (programme_id, slug) DO NOTHING RETURNING id`,
      [programmeId, t.slug, JSON.stringify(t.names), t.position],
      `SELECT id FROM themes WHERE programme_id = $1 AND slug = $2`,
      [programmeId, t.slug],
    );
  }

  async findUserId(email: string): Promise<string | null> {
    const rows: Array<{ id: string }> = await this.m.query(`SELECT id FROM users WHERE lower(email) = lower($1)`, [
      email,
    ]);
    return rows[0]?.id ?? null;
  }

  async insertUser(u: { email: string; name: string; role: GlobalRole; passwordHash: string }): Promise<Ensured> {
    return this.ensure(
      `INSERT INTO users (email, name, role, password_hash) VALUES ($1, $2, $3, $4)
       ON CONFLICT ((lower(email))) DO NOTHING RETURNING id`,
      [u.email, u.name, u.role, u.passwordHash],
      `SELECT id FROM users WHERE lower(email) = lower($1)`,
      [u.email],
    );
  }

  async ensureMembership(userId: string, cityId: string, role: CityRole, organisationId: string | null) {
    await this.m.query(
      `INSERT INTO memberships (user_id, city_id, role, organisation_id) VALUES ($1, $2, $3, $4)
       ON CONFLICT (user_id, city_id) DO NOTHING`,
      [userId, cityId, role, organisationId],
    );
  }

  private async ensure(insert: string, params: unknown[], select: string, selectParams: unknown[]): Promise<Ensured> {
    const inserted: Array<{ id: string }> = await this.m.query(insert, params);
    if (inserted.length > 0) return { id: inserted[0].id, created: true };
    const [existing]: Array<{ id: string }> = await this.m.query(select, selectParams);
    return { id: existing.id, created: false };
  }
}
