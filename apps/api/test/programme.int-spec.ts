import { JwtService } from '@nestjs/jwt';
import { randomUUID } from 'node:crypto';
import { createCity, createProgramme, createUser } from './utils/factories';
import { createTestApp, TestApp } from './utils/test-app';

describe('programme, themes and organisations', () => {
  let t: TestApp;
  let programme: { id: string; slug: string };
  let lyon: { id: string };
  let tangier: { id: string };
  let coordinator: string;
  let member: string;

  const as = (token: string) => ({
    get: (path: string) => t.http().get(path).set('Authorization', `Bearer ${token}`),
    post: (path: string, body: object) => t.http().post(path).set('Authorization', `Bearer ${token}`).send(body),
    patch: (path: string, body: object) => t.http().patch(path).set('Authorization', `Bearer ${token}`).send(body),
  });
  const names = (en: string) => ({ en, fr: `${en} (fr)`, ar: `${en} (ar)` });

  beforeAll(async () => {
    t = await createTestApp();
    programme = await createProgramme(t.db, { slug: 'mc2cm', name: 'Mediterranean City-to-City Migration' });
    lyon = await createCity(t.db, programme.id, { slug: 'lyon' });
    tangier = await createCity(t.db, programme.id, { slug: 'tangier' });
    await t.db.query(
      `INSERT INTO organisations (programme_id, name, acronym, kind) VALUES ($1, 'United Cities and Local Governments', 'UCLG', 'partner')`,
      [programme.id],
    );
    await t.db.query(
      `INSERT INTO organisations (programme_id, city_id, name, kind) VALUES ($1, $2, 'Guillotière association', 'local')`,
      [programme.id, lyon.id],
    );
    await t.db.query(`INSERT INTO themes (programme_id, slug, names, position) VALUES ($1, 'urban-planning', $2, 0)`, [
      programme.id,
      JSON.stringify({ en: 'Urban planning', fr: 'Urbanisme', ar: 'التخطيط الحضري' }),
    ]);
    const jwt = t.app.get(JwtService);
    coordinator = await jwt.signAsync({ sub: (await createUser(t.db, { role: 'coordinator' })).id, ver: 0 });
    const editor = await createUser(t.db, { memberships: [{ cityId: lyon.id, role: 'editor' }] });
    member = await jwt.signAsync({ sub: editor.id, ver: 0 });
  });
  afterAll(async () => {
    await t.close();
  });

  it('describes the programme with its partner organisations and themes', async () => {
    expect((await t.http().get('/api/programme')).status).toBe(401);
    const res = await as(member).get('/api/programme');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: programme.id, slug: 'mc2cm', name: 'Mediterranean City-to-City Migration' });
    expect(res.body.organisations.map((o: { acronym: string }) => o.acronym)).toEqual(['UCLG']);
    expect(res.body.themes).toEqual([
      {
        id: expect.any(String),
        slug: 'urban-planning',
        names: { en: 'Urban planning', fr: 'Urbanisme', ar: 'التخطيط الحضري' },
      },
    ]);
  });

  it('describes its routes and shapes in the OpenAPI document', async () => {
    const res = await t.http().get('/api/docs/json');
    expect(res.status).toBe(200);
    for (const path of ['/api/programme', '/api/themes', '/api/themes/{id}', '/api/organisations']) {
      expect(Object.keys(res.body.paths)).toContain(path);
    }
    for (const path of ['/api/cities', '/api/cities/{idOrSlug}', '/api/cities/{cityId}/members/{userId}']) {
      expect(Object.keys(res.body.paths)).toContain(path);
    }
    expect(Object.keys(res.body.components.schemas.CityResponse.properties)).toContain('memberRole');
    expect(res.body.components.schemas.CreateThemeDto.required).toEqual(['slug', 'names']);
  });

  describe('themes', () => {
    it('lets a coordinator add a theme after the others, and refuses a taken slug with 409', async () => {
      const created = await as(coordinator).post('/api/themes', { slug: 'housing', names: names('Housing') });
      expect(created.status).toBe(201);
      expect(created.body).toEqual({ id: expect.any(String), slug: 'housing', names: names('Housing') });
      const list = await as(member).get('/api/themes');
      expect(list.body.map((th: { slug: string }) => th.slug)).toEqual(['urban-planning', 'housing']);

      const duplicate = await as(coordinator).post('/api/themes', { slug: 'housing', names: names('Shelter') });
      expect(duplicate.status).toBe(409);
      expect(duplicate.body.code).toBe('conflict');
      expect(duplicate.body.message).toContain('housing');
    });

    it('renames a theme in one language and keeps the others', async () => {
      const [theme] = (await as(member).get('/api/themes')).body;
      const res = await as(coordinator).patch(`/api/themes/${theme.id}`, { names: { fr: 'Aménagement urbain' } });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        id: theme.id,
        slug: 'urban-planning',
        names: { en: 'Urban planning', fr: 'Aménagement urbain', ar: 'التخطيط الحضري' },
      });
      expect((await as(coordinator).patch(`/api/themes/${theme.id}`, { slug: 'housing' })).status).toBe(409);
      expect((await as(coordinator).patch(`/api/themes/${randomUUID()}`, { slug: 'x' })).status).toBe(404);
    });

    it('keeps theme changes to coordinators and admins', async () => {
      expect((await as(member).post('/api/themes', { slug: 'health', names: names('Health') })).status).toBe(403);
      const [theme] = (await as(member).get('/api/themes')).body;
      expect((await as(member).patch(`/api/themes/${theme.id}`, { slug: 'health' })).status).toBe(403);
    });

    it('names the wrong fields', async () => {
      const res = await as(coordinator).post('/api/themes', { slug: 'Bad Slug', names: { en: 'Health', fr: 'Santé' } });
      expect(res.status).toBe(400);
      expect(res.body.fields).toEqual(expect.arrayContaining(['slug', 'names.ar']));
      expect(res.body.message).toContain('slug');
    });
  });

  describe('organisations', () => {
    it('lists organisations, or those of one city', async () => {
      const all = await as(member).get('/api/organisations');
      expect(all.status).toBe(200);
      expect(all.body).toHaveLength(2);
      const inLyon = await as(member).get(`/api/organisations?cityId=${lyon.id}`);
      expect(inLyon.body).toEqual([
        {
          id: expect.any(String),
          name: 'Guillotière association',
          acronym: null,
          kind: 'local',
          cityId: lyon.id,
          website: null,
        },
      ]);
      expect((await as(member).get('/api/organisations?cityId=lyon')).status).toBe(400);
    });

    it('lets a coordinator register an organisation, and refuses a name already taken with 409', async () => {
      const body = {
        name: 'Tangier Welcome Network',
        kind: 'local',
        cityId: tangier.id,
        website: 'https://example.org',
      };
      const created = await as(coordinator).post('/api/organisations', body);
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ ...body, acronym: null });
      expect((await as(member).get(`/api/organisations?cityId=${tangier.id}`)).body).toHaveLength(1);

      const duplicate = await as(coordinator).post('/api/organisations', {
        name: 'tangier welcome network',
        kind: 'other',
      });
      expect(duplicate.status).toBe(409);
    });

    it('refuses a member, an unknown city and a wrong kind', async () => {
      expect((await as(member).post('/api/organisations', { name: 'Another', kind: 'local' })).status).toBe(403);
      const unknownCity = await as(coordinator).post('/api/organisations', {
        name: 'Nowhere association',
        kind: 'local',
        cityId: randomUUID(),
      });
      expect(unknownCity.status).toBe(404);
      const wrongKind = await as(coordinator).post('/api/organisations', { name: 'Another', kind: 'club' });
      expect(wrongKind.status).toBe(400);
      expect(wrongKind.body.fields).toEqual(['kind']);
      const partnerInCity = await as(coordinator).post('/api/organisations', {
        name: 'Another',
        kind: 'partner',
        cityId: lyon.id,
      });
      expect(partnerInCity.status).toBe(400);
      expect(partnerInCity.body.fields).toEqual(['cityId']);
    });
  });
});
