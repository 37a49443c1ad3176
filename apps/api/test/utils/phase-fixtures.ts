import { JwtService } from '@nestjs/jwt';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { createCity, createProgramme, createUser } from './factories';
import type { TestApp } from './test-app';

/**
 * A small programme for the pilot projects, events and indicators tests: two cities (Lyon and
 * Tangier) and one person in each position of the access table, each with a signed token.
 */
const uid = () => randomBytes(3).toString('hex');

export async function createTheme(db: DataSource, programmeId: string, slug = `theme-${uid()}`) {
  const [row] = await db.query(`INSERT INTO themes (programme_id, slug, names) VALUES ($1, $2, $3) RETURNING id`, [
    programmeId,
    slug,
    JSON.stringify({ en: slug, fr: slug, ar: slug }),
  ]);
  return row as { id: string };
}

export async function createOrganisation(db: DataSource, programmeId: string, name = `Organisation ${uid()}`) {
  const [row] = await db.query(
    `INSERT INTO organisations (programme_id, name, kind) VALUES ($1, $2, 'local') RETURNING id`,
    [programmeId, name],
  );
  return row as { id: string };
}

/** A signed access token, as the auth feature would issue it. */
export const tokenFor = (t: TestApp, userId: string): string => t.app.get(JwtService).sign({ sub: userId, ver: 0 });

export interface Caller {
  id: string;
  token: string;
  get(url: string): ReturnType<ReturnType<TestApp['http']>['get']>;
  post(url: string, body?: object): ReturnType<ReturnType<TestApp['http']>['post']>;
  patch(url: string, body?: object): ReturnType<ReturnType<TestApp['http']>['patch']>;
  put(url: string, body?: object): ReturnType<ReturnType<TestApp['http']>['put']>;
  delete(url: string): ReturnType<ReturnType<TestApp['http']>['delete']>;
}

export function caller(t: TestApp, userId: string): Caller {
  const token = tokenFor(t, userId);
  const auth = `Bearer ${token}`;
  return {
    id: userId,
    token,
    get: (url) => t.http().get(url).set('Authorization', auth),
    post: (url, body) =>
      t
        .http()
        .post(url)
        .set('Authorization', auth)
        .send(body ?? {}),
    patch: (url, body) =>
      t
        .http()
        .patch(url)
        .set('Authorization', auth)
        .send(body ?? {}),
    put: (url, body) =>
      t
        .http()
        .put(url)
        .set('Authorization', auth)
        .send(body ?? {}),
    delete: (url) => t.http().delete(url).set('Authorization', auth),
  };
}

export async function createWorld(t: TestApp) {
  const db = t.db;
  const programme = await createProgramme(db);
  const lyon = await createCity(db, programme.id, { slug: `lyon-${uid()}`, name: 'Lyon' });
  const tangier = await createCity(db, programme.id, { slug: `tangier-${uid()}`, name: 'Tangier' });
  const user = async (fields: Parameters<typeof createUser>[1]) => caller(t, (await createUser(db, fields)).id);
  return {
    programme,
    lyon,
    tangier,
    coordinator: await user({ role: 'coordinator' }),
    editorLyon: await user({ memberships: [{ cityId: lyon.id, role: 'editor' }] }),
    stakeholderLyon: await user({ memberships: [{ cityId: lyon.id, role: 'stakeholder' }] }),
    observerLyon: await user({ memberships: [{ cityId: lyon.id, role: 'observer' }] }),
    editorTangier: await user({ memberships: [{ cityId: tangier.id, role: 'editor' }] }),
    /** A member of the platform with no city: outside every city's reach. */
    outsider: await user({}),
  };
}
export type World = Awaited<ReturnType<typeof createWorld>>;

/** Collects the payloads of one domain event while a test runs. */
export function recordEvents<T = Record<string, unknown>>(t: TestApp, name: string): T[] {
  const seen: T[] = [];
  t.app.get(EventEmitter2).on(name, (payload: T) => seen.push(payload));
  return seen;
}

export const DEMO_SLUGS = ['amman', 'beirut', 'lisbon', 'lyon', 'madrid', 'tangier', 'turin'] as const;

/**
 * The shape of the demo programme that the seeders expect (city slugs, theme slugs, organisation
 * names), with a coordinator and the two demo editors.
 */
export async function createDemoLikeProgramme(t: TestApp) {
  const db = t.db;
  const programme = await createProgramme(db);
  const cities: Array<{ id: string; slug: string }> = [];
  for (const slug of DEMO_SLUGS) cities.push(await createCity(db, programme.id, { slug, name: slug }));
  const cityId = (slug: string) => cities.find((c) => c.slug === slug)!.id;
  for (const slug of ['basic-services', 'employment-entrepreneurship', 'unaccompanied-minors']) {
    await createTheme(db, programme.id, slug);
  }
  for (const name of [
    'United Cities and Local Governments',
    'International Centre for Migration Policy Development',
    'Maison des Solidarités de la Guillotière',
    'Métropole de Lyon – Mission Inclusion',
    'Association Détroit Accueil',
    'Commune de Tanger – Division de l’Action sociale',
  ]) {
    await createOrganisation(db, programme.id, name);
  }
  const coordinator = await createUser(db, { role: 'coordinator' });
  const editorLyon = await createUser(db, { memberships: [{ cityId: cityId('lyon'), role: 'editor' }] });
  const editorTangier = await createUser(db, { memberships: [{ cityId: cityId('tangier'), role: 'editor' }] });
  return { programme, cities, cityId, coordinator, editorLyon, editorTangier };
}
