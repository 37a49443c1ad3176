import { JwtService } from '@nestjs/jwt';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { randomUUID } from 'node:crypto';
import { createCity, createProgramme, createUser } from './utils/factories';
import { createTestApp, TestApp } from './utils/test-app';

describe('cities and memberships', () => {
  let t: TestApp;
  let lyon: { id: string; slug: string };
  let tangier: { id: string; slug: string };
  const tokens: Record<'coordinator' | 'admin' | 'editor' | 'stakeholder' | 'outsider', string> = {} as never;
  const ids: Record<keyof typeof tokens, string> = {} as never;
  const events: unknown[] = [];

  const get = (path: string, who: keyof typeof tokens) =>
    t.http().get(path).set('Authorization', `Bearer ${tokens[who]}`);
  const send = (method: 'patch' | 'put' | 'delete', path: string, who: keyof typeof tokens, body?: object) =>
    t.http()[method](path).set('Authorization', `Bearer ${tokens[who]}`).send(body);

  beforeAll(async () => {
    t = await createTestApp();
    const programme = await createProgramme(t.db);
    lyon = await createCity(t.db, programme.id, { slug: 'lyon', name: 'Lyon', phase: 'knowledge' });
    tangier = await createCity(t.db, programme.id, { slug: 'tangier', name: 'Tangier', phase: 'dialogue' });
    const users = {
      coordinator: await createUser(t.db, { role: 'coordinator' }),
      admin: await createUser(t.db, { role: 'admin' }),
      editor: await createUser(t.db, { memberships: [{ cityId: lyon.id, role: 'editor' }] }),
      stakeholder: await createUser(t.db, { memberships: [{ cityId: lyon.id, role: 'stakeholder' }] }),
      outsider: await createUser(t.db, { name: 'Olga Outsider' }),
    };
    const jwt = t.app.get(JwtService);
    for (const [who, user] of Object.entries(users) as Array<[keyof typeof tokens, { id: string }]>) {
      ids[who] = user.id;
      tokens[who] = await jwt.signAsync({ sub: user.id, ver: 0 });
    }
    t.app.get(EventEmitter2).on('membership.changed', (event: unknown) => events.push(event));
  });
  afterAll(async () => {
    await t.close();
  });

  describe('GET /api/cities', () => {
    it('refuses an anonymous caller', async () => {
      expect((await t.http().get('/api/cities')).status).toBe(401);
    });

    it('lists every city with its fields and the caller’s own role in it', async () => {
      const res = await get('/api/cities', 'editor');
      expect(res.status).toBe(200);
      expect(res.body.map((c: { slug: string }) => c.slug)).toEqual(['lyon', 'tangier']);
      const [first, second] = res.body;
      expect(Object.keys(first).sort()).toEqual(
        [
          'country',
          'countryCode',
          'description',
          'id',
          'languages',
          'memberRole',
          'name',
          'names',
          'phase',
          'slug',
        ].sort(),
      );
      expect(first).toMatchObject({ id: lyon.id, name: 'Lyon', country: 'Testland', phase: 'knowledge' });
      expect(first.names).toEqual({ en: 'Lyon', fr: 'Lyon', ar: 'Lyon' });
      expect(first.languages).toEqual(['en', 'fr']);
      expect(first.memberRole).toBe('editor');
      expect(second.memberRole).toBeNull();
    });

    it('shows the list of partner cities to a member of none of them', async () => {
      const res = await get('/api/cities', 'outsider');
      expect(res.status).toBe(200);
      expect(res.body).toHaveLength(2);
      expect(res.body.every((c: { memberRole: unknown }) => c.memberRole === null)).toBe(true);
    });
  });

  describe('GET /api/cities/:idOrSlug', () => {
    it('finds a city by slug and by id', async () => {
      const bySlug = await get('/api/cities/tangier', 'stakeholder');
      expect(bySlug.status).toBe(200);
      expect(bySlug.body).toMatchObject({ id: tangier.id, slug: 'tangier', phase: 'dialogue', memberRole: null });
      const byId = await get(`/api/cities/${lyon.id}`, 'stakeholder');
      expect(byId.body).toMatchObject({ slug: 'lyon', memberRole: 'stakeholder' });
    });

    it('answers 404 for an unknown slug or id', async () => {
      const bySlug = await get('/api/cities/atlantis', 'coordinator');
      expect(bySlug.status).toBe(404);
      expect(bySlug.body).toMatchObject({ code: 'not_found', message: 'City not found' });
      expect((await get(`/api/cities/${randomUUID()}`, 'coordinator')).status).toBe(404);
    });
  });

  describe('PATCH /api/cities/:id', () => {
    it('lets a coordinator move a city to another phase, announcing it', async () => {
      const updates: unknown[] = [];
      t.app.get(EventEmitter2).on('city.updated', (event: unknown) => updates.push(event));
      const res = await send('patch', `/api/cities/${lyon.id}`, 'coordinator', {
        phase: 'action',
        description: 'Pilot projects under way',
      });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ phase: 'action', description: 'Pilot projects under way' });
      expect((await get('/api/cities/lyon', 'editor')).body.phase).toBe('action');
      expect(updates).toEqual([
        {
          actorId: ids.coordinator,
          cityId: lyon.id,
          changes: { phase: 'action', description: 'Pilot projects under way' },
        },
      ]);
    });

    it('lets an admin change the working languages', async () => {
      const res = await send('patch', '/api/cities/tangier', 'admin', { languages: ['ar', 'fr'] });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ languages: ['ar', 'fr'], phase: 'dialogue' });
    });

    it('refuses an editor of the city', async () => {
      const res = await send('patch', `/api/cities/${lyon.id}`, 'editor', { phase: 'dialogue' });
      expect(res.status).toBe(403);
      expect((await get('/api/cities/lyon', 'editor')).body.phase).toBe('action');
    });

    it('names the wrong field', async () => {
      const res = await send('patch', `/api/cities/${lyon.id}`, 'coordinator', { phase: 'harvest' });
      expect(res.status).toBe(400);
      expect(res.body.fields).toEqual(['phase']);
      expect(res.body.message).toContain('phase');
      const languages = await send('patch', `/api/cities/${lyon.id}`, 'coordinator', { languages: ['de'] });
      expect(languages.status).toBe(400);
      expect(languages.body.message).toContain('languages');
      const unknown = await send('patch', `/api/cities/${lyon.id}`, 'coordinator', { name: 'Lugdunum' });
      expect(unknown.status).toBe(400);
      expect(unknown.body.message).toContain('name');
    });

    it('answers 404 for an unknown city', async () => {
      expect((await send('patch', `/api/cities/${randomUUID()}`, 'coordinator', { phase: 'action' })).status).toBe(404);
    });
  });

  describe('memberships', () => {
    const membershipsOf = async (userId: string) =>
      (await t.db.query(`SELECT city_id AS "cityId", role FROM memberships WHERE user_id = $1`, [userId])) as Array<{
        cityId: string;
        role: string;
      }>;

    it('lists the members of a city to the people who work in it', async () => {
      const res = await get(`/api/cities/${lyon.id}/members`, 'stakeholder');
      expect(res.status).toBe(200);
      expect(res.body).toHaveLength(2);
      expect(res.body.find((m: { role: string }) => m.role === 'editor')).toEqual({
        userId: ids.editor,
        name: expect.any(String),
        email: expect.stringContaining('@'),
        role: 'editor',
        organisationId: null,
      });
      expect((await get('/api/cities/lyon/members', 'coordinator')).status).toBe(200);
    });

    it('keeps the members list from people outside the city', async () => {
      expect((await get(`/api/cities/${lyon.id}/members`, 'outsider')).status).toBe(403);
    });

    it('lets a coordinator add, change and remove a membership, announcing each change', async () => {
      events.length = 0;
      const path = `/api/cities/${lyon.id}/members/${ids.outsider}`;

      const added = await send('put', path, 'coordinator', { role: 'stakeholder' });
      expect(added.status).toBe(201);
      expect(added.body).toMatchObject({ userId: ids.outsider, name: 'Olga Outsider', role: 'stakeholder' });
      const me = await get('/api/me', 'outsider');
      expect(me.status).toBe(200);
      expect(me.body.memberships).toEqual([{ cityId: lyon.id, citySlug: 'lyon', role: 'stakeholder' }]);
      expect((await get('/api/cities/lyon', 'outsider')).body.memberRole).toBe('stakeholder');

      const changed = await send('put', path, 'coordinator', { role: 'editor' });
      expect(changed.status).toBe(200);
      expect(changed.body.role).toBe('editor');
      expect(await membershipsOf(ids.outsider)).toEqual([{ cityId: lyon.id, role: 'editor' }]);
      expect((await get('/api/me', 'outsider')).body.memberships).toEqual([
        { cityId: lyon.id, citySlug: 'lyon', role: 'editor' },
      ]);

      const removed = await send('delete', path, 'coordinator');
      expect(removed.status).toBe(204);
      expect(await membershipsOf(ids.outsider)).toEqual([]);
      expect((await get('/api/me', 'outsider')).body.memberships).toEqual([]);
      expect((await get(`/api/cities/${lyon.id}/members`, 'outsider')).status).toBe(403);

      expect(events).toEqual([
        expect.objectContaining({
          actorId: ids.coordinator,
          userId: ids.outsider,
          cityId: lyon.id,
          role: 'stakeholder',
        }),
        expect.objectContaining({ actorId: ids.coordinator, userId: ids.outsider, cityId: lyon.id, role: 'editor' }),
        expect.objectContaining({ actorId: ids.coordinator, userId: ids.outsider, cityId: lyon.id, role: null }),
      ]);
    });

    it('does not announce a change that changes nothing', async () => {
      events.length = 0;
      const res = await send('put', `/api/cities/${lyon.id}/members/${ids.editor}`, 'admin', { role: 'editor' });
      expect(res.status).toBe(200);
      expect(events).toEqual([]);
    });

    it('records the organisation a member acts for, and keeps it when only the role changes', async () => {
      const [org] = await t.db.query(
        `INSERT INTO organisations (city_id, name, kind) VALUES ($1, 'Lyon welcome association', 'local') RETURNING id`,
        [lyon.id],
      );
      const path = `/api/cities/lyon/members/${ids.stakeholder}`;
      const res = await send('put', path, 'coordinator', { role: 'stakeholder', organisationId: org.id });
      expect(res.body.organisationId).toBe(org.id);
      const again = await send('put', path, 'coordinator', { role: 'observer' });
      expect(again.body).toMatchObject({ role: 'observer', organisationId: org.id });
      const cleared = await send('put', path, 'coordinator', { role: 'stakeholder', organisationId: null });
      expect(cleared.body).toMatchObject({ role: 'stakeholder', organisationId: null });

      const elsewhere = await send('put', `/api/cities/tangier/members/${ids.stakeholder}`, 'coordinator', {
        role: 'observer',
        organisationId: org.id,
      });
      expect(elsewhere.status).toBe(400);
      expect(elsewhere.body.fields).toEqual(['organisationId']);
      const unknownOrg = await send('put', path, 'coordinator', { role: 'observer', organisationId: randomUUID() });
      expect(unknownOrg.status).toBe(404);
    });

    it('refuses membership changes by an editor of the city', async () => {
      events.length = 0;
      const put = await send('put', `/api/cities/${lyon.id}/members/${ids.outsider}`, 'editor', { role: 'observer' });
      expect(put.status).toBe(403);
      const del = await send('delete', `/api/cities/${lyon.id}/members/${ids.stakeholder}`, 'editor');
      expect(del.status).toBe(403);
      expect(await membershipsOf(ids.outsider)).toEqual([]);
      expect(await membershipsOf(ids.stakeholder)).toHaveLength(1);
      expect(events).toEqual([]);
    });

    it('answers 404 for unknown people, cities and memberships, and 400 for a wrong role', async () => {
      expect(
        (await send('put', `/api/cities/lyon/members/${randomUUID()}`, 'coordinator', { role: 'editor' })).status,
      ).toBe(404);
      expect((await send('put', `/api/cities/lyon/members/not-an-id`, 'coordinator', { role: 'editor' })).status).toBe(
        404,
      );
      expect(
        (await send('put', `/api/cities/${randomUUID()}/members/${ids.outsider}`, 'coordinator', { role: 'editor' }))
          .status,
      ).toBe(404);
      expect((await send('delete', `/api/cities/lyon/members/${ids.outsider}`, 'coordinator')).status).toBe(404);
      const wrong = await send('put', `/api/cities/lyon/members/${ids.outsider}`, 'coordinator', { role: 'mayor' });
      expect(wrong.status).toBe(400);
      expect(wrong.body.fields).toEqual(['role']);
    });
  });
});
