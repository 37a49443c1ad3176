import { hash } from '@node-rs/argon2';
import { randomBytes } from 'node:crypto';
import type { CityRole, DocumentKind, DocumentStatus, GlobalRole, Language, Phase } from '@passerelle/domain';
import { DataSource } from 'typeorm';
import { TEST_PASSWORD } from './test-app';

/** Small factories for integration tests: each inserts one row with sensible defaults. */
const uid = () => randomBytes(4).toString('hex');
let passwordHash: Promise<string> | null = null;
const testPasswordHash = () => (passwordHash ??= hash(TEST_PASSWORD));

export async function createProgramme(db: DataSource, fields: { slug?: string; name?: string } = {}) {
  const [row] = await db.query(
    `INSERT INTO programmes (slug, name, acronym) VALUES ($1, $2, 'TP') RETURNING id, slug`,
    [fields.slug ?? `prog-${uid()}`, fields.name ?? 'Test programme'],
  );
  return row as { id: string; slug: string };
}

export async function createCity(
  db: DataSource,
  programmeId: string,
  fields: { slug?: string; name?: string; phase?: Phase } = {},
) {
  const slug = fields.slug ?? `city-${uid()}`;
  const [row] = await db.query(
    `INSERT INTO cities (programme_id, slug, name, country, country_code, phase, languages)
     VALUES ($1, $2, $3, 'Testland', 'TL', $4, '{en,fr}') RETURNING id, slug`,
    [programmeId, slug, fields.name ?? slug, fields.phase ?? 'knowledge'],
  );
  return row as { id: string; slug: string };
}

export async function createUser(
  db: DataSource,
  fields: {
    email?: string;
    name?: string;
    role?: GlobalRole;
    active?: boolean;
    memberships?: Array<{ cityId: string; role: CityRole }>;
  } = {},
) {
  const email = fields.email ?? `user-${uid()}@example.test`;
  const [row] = await db.query(
    `INSERT INTO users (email, name, password_hash, role, active) VALUES ($1, $2, $3, $4, $5) RETURNING id, email`,
    [
      email,
      fields.name ?? email.split('@')[0],
      await testPasswordHash(),
      fields.role ?? 'member',
      fields.active ?? true,
    ],
  );
  for (const m of fields.memberships ?? []) {
    await db.query(`INSERT INTO memberships (user_id, city_id, role) VALUES ($1, $2, $3)`, [row.id, m.cityId, m.role]);
  }
  return row as { id: string; email: string };
}

export async function createDocument(
  db: DataSource,
  fields: {
    programmeId: string;
    cityId: string | null;
    kind?: DocumentKind;
    title?: string;
    language?: Language;
    status?: DocumentStatus;
    published?: boolean;
  },
) {
  const [row] = await db.query(
    `INSERT INTO documents (programme_id, city_id, kind, title, language, status, published, phase)
     VALUES ($1, $2, $3, $4, $5, $6, $7, 'knowledge') RETURNING id`,
    [
      fields.programmeId,
      fields.cityId,
      fields.kind ?? 'note',
      fields.title ?? `Document ${uid()}`,
      fields.language ?? 'en',
      fields.status ?? 'draft',
      fields.published ?? false,
    ],
  );
  return row as { id: string };
}
