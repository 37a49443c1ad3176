import { verify } from '@node-rs/argon2';
import { DataSource } from 'typeorm';
import { SeedService } from '../src/modules/seed/seed.service';
import { createTestApp, TestApp } from './utils/test-app';
import { createTestDatabase, TestDatabase } from './utils/test-database';

const DEMO_PASSWORD = 'demo-password-for-tests';
const DEMO_EMAILS = [
  'admin@passerelle.test',
  'coordinator@passerelle.test',
  'editor.lyon@passerelle.test',
  'editor.tangier@passerelle.test',
  'stakeholder.lyon@passerelle.test',
  'stakeholder.tangier@passerelle.test',
  'observer@passerelle.test',
];
const CITY_SLUGS = ['amman', 'beirut', 'lisbon', 'lyon', 'madrid', 'tangier', 'turin'];

/** Every seeded table, key columns included, in a stable order: two equal dumps mean identical data. */
async function dump(db: DataSource) {
  const q = (sql: string) => db.query(sql);
  return {
    programmes: await q(`SELECT id, slug, name, acronym, description, created_at FROM programmes ORDER BY slug`),
    cities: await q(
      `SELECT id, programme_id, slug, name, names, country, country_code, phase, languages, description, updated_at
         FROM cities ORDER BY slug`,
    ),
    organisations: await q(
      `SELECT id, programme_id, city_id, name, acronym, kind, website, created_at FROM organisations ORDER BY name`,
    ),
    themes: await q(`SELECT id, programme_id, slug, names, position FROM themes ORDER BY position, slug`),
    users: await q(
      `SELECT id, email, name, role, active, password_hash, token_version, updated_at FROM users ORDER BY email`,
    ),
    memberships: await q(
      `SELECT id, user_id, city_id, role, organisation_id FROM memberships ORDER BY user_id, city_id`,
    ),
    documents: await q(`SELECT id, city_id, kind, title, language, status FROM documents ORDER BY city_id, kind, id`),
  };
}

const counts = async (db: DataSource) =>
  (
    await db.query(
      `SELECT (SELECT count(*) FROM programmes)::int AS programmes, (SELECT count(*) FROM cities)::int AS cities,
              (SELECT count(*) FROM organisations)::int AS organisations, (SELECT count(*) FROM themes)::int AS themes,
              (SELECT count(*) FROM users)::int AS users, (SELECT count(*) FROM memberships)::int AS memberships`,
    )
  )[0];

const EXPECTED_COUNTS = { programmes: 1, cities: 7, organisations: 10, themes: 7, users: 7, memberships: 11 };

describe('demo data seed', () => {
  describe('loaded at start-up', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp({ SEED_DEMO: 'true', DEMO_PASSWORD });
    });
    afterAll(async () => {
      await t.close();
    });

    it('loads exactly the programme, cities, organisations, themes and users of the spec', async () => {
      expect(await counts(t.db)).toEqual(EXPECTED_COUNTS);
      const [programme] = await t.db.query(`SELECT slug, name, acronym FROM programmes`);
      expect(programme).toEqual({ slug: 'mc2cm', name: 'Mediterranean City-to-City Migration', acronym: 'MC2CM' });

      const cities = await t.db.query(
        `SELECT slug, country, names, phase, languages, description FROM cities ORDER BY slug`,
      );
      expect(cities.map((c: { slug: string }) => c.slug)).toEqual(CITY_SLUGS);
      expect(cities.find((c: { slug: string }) => c.slug === 'tangier')).toMatchObject({
        country: 'Morocco',
        names: { en: 'Tangier', fr: 'Tanger', ar: 'طنجة' },
      });
      for (const city of cities) {
        expect(Object.keys(city.names).sort()).toEqual(['ar', 'en', 'fr']);
        expect(['dialogue', 'knowledge', 'action']).toContain(city.phase);
        expect(city.languages.length).toBeGreaterThan(0);
        expect(city.description.length).toBeGreaterThan(40);
      }

      const partners = await t.db.query(`SELECT acronym FROM organisations WHERE kind = 'partner' ORDER BY acronym`);
      expect(partners.map((o: { acronym: string }) => o.acronym)).toEqual(['ICMPD', 'UCLG', 'UN-Habitat']);
      const [lyonAssociation] = await t.db.query(
        `SELECT o.kind FROM organisations o JOIN cities c ON c.id = o.city_id WHERE c.slug = 'lyon' AND o.kind = 'local'`,
      );
      expect(lyonAssociation).toBeDefined();

      const themes = await t.db.query(`SELECT slug, names FROM themes ORDER BY position`);
      expect(themes.map((th: { names: { en: string } }) => th.names.en)).toEqual([
        'Receiving refugees',
        'Employment and entrepreneurship',
        'Intercultural dialogue and social cohesion',
        'Urban planning',
        'Access to basic services',
        'Institutional coordination',
        'Unaccompanied migrant minors',
      ]);
      for (const theme of themes) expect(Object.keys(theme.names).sort()).toEqual(['ar', 'en', 'fr']);
    });

    it('gives each demo user the role and memberships of the spec', async () => {
      const users = await t.db.query(
        `SELECT u.email, u.role, COALESCE(array_agg(c.slug || ':' || m.role ORDER BY c.slug)
                                            FILTER (WHERE m.id IS NOT NULL), '{}') AS memberships
           FROM users u LEFT JOIN memberships m ON m.user_id = u.id LEFT JOIN cities c ON c.id = m.city_id
          GROUP BY u.email, u.role ORDER BY u.email`,
      );
      const byEmail = Object.fromEntries(users.map((u: { email: string }) => [u.email, u]));
      expect(Object.keys(byEmail).sort()).toEqual([...DEMO_EMAILS].sort());
      expect(byEmail['admin@passerelle.test']).toMatchObject({ role: 'admin', memberships: [] });
      expect(byEmail['coordinator@passerelle.test']).toMatchObject({ role: 'coordinator', memberships: [] });
      expect(byEmail['editor.lyon@passerelle.test']).toMatchObject({ role: 'member', memberships: ['lyon:editor'] });
      expect(byEmail['editor.tangier@passerelle.test'].memberships).toEqual(['tangier:editor']);
      expect(byEmail['stakeholder.lyon@passerelle.test'].memberships).toEqual(['lyon:stakeholder']);
      expect(byEmail['stakeholder.tangier@passerelle.test'].memberships).toEqual(['tangier:stakeholder']);
      expect(byEmail['observer@passerelle.test'].memberships).toEqual(CITY_SLUGS.map((s) => `${s}:observer`));
      const [lyonStakeholder] = await t.db.query(
        `SELECT o.kind, o.city_id = m.city_id AS same_city
           FROM memberships m JOIN users u ON u.id = m.user_id JOIN organisations o ON o.id = m.organisation_id
          WHERE u.email = 'stakeholder.lyon@passerelle.test'`,
      );
      expect(lyonStakeholder).toEqual({ kind: 'local', same_city: true });
    });

    it('hashes DEMO_PASSWORD with Argon2id, and every demo user can sign in with it', async () => {
      const rows: Array<{ email: string; password_hash: string }> = await t.db.query(
        `SELECT email, password_hash FROM users`,
      );
      for (const row of rows) {
        expect(row.password_hash).toMatch(/^\$argon2id\$/);
        expect(await verify(row.password_hash, DEMO_PASSWORD)).toBe(true);
      }
      for (const email of DEMO_EMAILS) {
        const res = await t.http().post('/api/auth/login').send({ email, password: DEMO_PASSWORD });
        expect({ email, status: res.status }).toEqual({ email, status: 200 });
        expect(res.body.user.email).toBe(email);
      }
    });

    it('leaves exactly the same data when run again', async () => {
      const before = await dump(t.db);
      const summary = await t.app.get(SeedService).run();
      expect(summary.created).toBe(0);
      expect(await dump(t.db)).toEqual(before);
      await t.app.get(SeedService).run();
      expect(await dump(t.db)).toEqual(before);
    });

    it('does not undo what people changed since: a phase, a password, a removed membership', async () => {
      await t.db.query(`UPDATE cities SET phase = 'action' WHERE slug = 'beirut'`);
      await t.db.query(`UPDATE users SET password_hash = 'changed' WHERE email = 'editor.lyon@passerelle.test'`);
      await t.db.query(
        `DELETE FROM memberships WHERE user_id = (SELECT id FROM users WHERE email = 'observer@passerelle.test')
            AND city_id = (SELECT id FROM cities WHERE slug = 'turin')`,
      );
      const before = await dump(t.db);
      await t.app.get(SeedService).run();
      expect(await dump(t.db)).toEqual(before);
    });
  });

  describe('instances starting together', () => {
    // Two apps on one database need a real server; the embedded one serves a single connection and
    // a single process, so there the runs overlap inside one app instead.
    const onServer = Boolean(process.env.TEST_DATABASE_URL);
    let apps: TestApp[] = [];
    let database: TestDatabase;
    beforeAll(async () => {
      database = await createTestDatabase();
    });
    afterAll(async () => {
      for (const app of apps) await app.close();
      await database.drop();
    });

    it('loads everything once, without failing, when seeds overlap on an empty database', async () => {
      if (onServer) {
        apps = await Promise.all([
          createTestApp({ SEED_DEMO: 'true' }, { database }),
          createTestApp({ SEED_DEMO: 'true' }, { database }),
        ]);
        const again = await Promise.all(apps.map((a) => a.app.get(SeedService).run()));
        expect(again.map((r) => r.created)).toEqual([0, 0]);
      } else {
        apps = [await createTestApp({ SEED_DEMO: 'false' }, { database })];
        const seed = apps[0].app.get(SeedService);
        const results = await Promise.all([seed.run(), seed.run(), seed.run()]);
        expect(results.map((r) => r.created > 0)).toEqual([true, false, false]);
      }
      expect(await counts(apps[0].db)).toEqual(EXPECTED_COUNTS);
    });
  });
});
