import { EventEmitter2 } from '@nestjs/event-emitter';
import { createCity, createProgramme, createUser } from './utils/factories';
import { bearer, signIn } from './utils/accounts';
import { createTestApp, TestApp } from './utils/test-app';

describe('user administration', () => {
  let t: TestApp;
  let admin: { id: string; email: string };
  let adminToken: string;
  let coordinatorToken: string;
  let lyon: { id: string; slug: string };
  const accessEvents: unknown[] = [];

  beforeAll(async () => {
    t = await createTestApp();
    t.app.get(EventEmitter2).on('user.access_changed', (event: unknown) => accessEvents.push(event));
    const programme = await createProgramme(t.db);
    lyon = await createCity(t.db, programme.id, { slug: 'lyon' });
    admin = await createUser(t.db, { role: 'admin', name: 'Admin' });
    adminToken = (await signIn(t, admin.email)).accessToken;
    const coordinator = await createUser(t.db, { role: 'coordinator' });
    coordinatorToken = (await signIn(t, coordinator.email)).accessToken;
  });
  afterAll(async () => {
    await t.close();
  });

  describe('GET /api/users', () => {
    it('lists every account with memberships, for admins and coordinators', async () => {
      const editor = await createUser(t.db, {
        name: 'Listed Editor',
        memberships: [{ cityId: lyon.id, role: 'editor' }],
      });
      for (const token of [adminToken, coordinatorToken]) {
        const res = await t.http().get('/api/users').set(bearer(token));
        expect(res.status).toBe(200);
        expect(res.body).toContainEqual({
          id: editor.id,
          email: editor.email,
          name: 'Listed Editor',
          role: 'member',
          active: true,
          memberships: [{ cityId: lyon.id, citySlug: 'lyon', role: 'editor' }],
        });
        expect(JSON.stringify(res.body)).not.toMatch(/password|argon2/i);
      }
    });

    it('is forbidden to members', async () => {
      const member = await createUser(t.db, { memberships: [{ cityId: lyon.id, role: 'editor' }] });
      const { accessToken } = await signIn(t, member.email);
      const res = await t.http().get('/api/users').set(bearer(accessToken));
      expect(res.status).toBe(403);
      expect(res.body.message).toEqual(expect.any(String));
    });
  });

  describe('PATCH /api/users/:id', () => {
    it('deactivation kills the access token and the refresh session at once, and sign-in is refused', async () => {
      const user = await createUser(t.db);
      const session = await signIn(t, user.email);
      expect((await t.http().get('/api/me').set(bearer(session.accessToken))).status).toBe(200);
      const res = await t.http().patch(`/api/users/${user.id}`).set(bearer(adminToken)).send({ active: false });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ id: user.id, active: false });
      expect((await t.http().get('/api/me').set(bearer(session.accessToken))).status).toBe(401);
      expect((await t.http().post('/api/auth/refresh').set('Cookie', session.cookie)).status).toBe(401);
      const sessions = await t.db.query(`SELECT id FROM refresh_sessions WHERE user_id = $1`, [user.id]);
      expect(sessions).toEqual([]);
      const login = await t
        .http()
        .post('/api/auth/login')
        .send({ email: user.email, password: 'correct horse battery' });
      expect(login.status).toBe(401);
      expect(accessEvents).toContainEqual({ userId: user.id, role: 'member', active: false });
    });

    it('reactivation lets the person sign in again', async () => {
      const user = await createUser(t.db, { active: false });
      const res = await t.http().patch(`/api/users/${user.id}`).set(bearer(adminToken)).send({ active: true });
      expect(res.status).toBe(200);
      expect(res.body.active).toBe(true);
      await signIn(t, user.email);
    });

    it('a role change kills existing access tokens; a refresh then carries the new role', async () => {
      const user = await createUser(t.db);
      const session = await signIn(t, user.email);
      const res = await t.http().patch(`/api/users/${user.id}`).set(bearer(adminToken)).send({ role: 'coordinator' });
      expect(res.status).toBe(200);
      expect(res.body.role).toBe('coordinator');
      expect((await t.http().get('/api/me').set(bearer(session.accessToken))).status).toBe(401);
      const refreshed = await t.http().post('/api/auth/refresh').set('Cookie', session.cookie);
      expect(refreshed.status).toBe(200);
      expect(refreshed.body.user.role).toBe('coordinator');
      expect(accessEvents).toContainEqual({ userId: user.id, role: 'coordinator', active: true });
    });

    it('is for admins only: coordinators get 403 and nothing changes', async () => {
      const user = await createUser(t.db);
      const res = await t.http().patch(`/api/users/${user.id}`).set(bearer(coordinatorToken)).send({ role: 'admin' });
      expect(res.status).toBe(403);
      const [row] = await t.db.query(`SELECT role FROM users WHERE id = $1`, [user.id]);
      expect(row.role).toBe('member');
    });

    it('refuses an admin deactivating or demoting themselves with 409', async () => {
      const deactivate = await t.http().patch(`/api/users/${admin.id}`).set(bearer(adminToken)).send({ active: false });
      expect(deactivate.status).toBe(409);
      expect(deactivate.body.message).toMatch(/own account/);
      const demote = await t.http().patch(`/api/users/${admin.id}`).set(bearer(adminToken)).send({ role: 'member' });
      expect(demote.status).toBe(409);
      expect((await t.http().get('/api/me').set(bearer(adminToken))).body).toMatchObject({
        role: 'admin',
        active: true,
      });
    });

    it('answers 404 for an unknown user and 400 naming the field for a bad role', async () => {
      const missing = await t
        .http()
        .patch('/api/users/00000000-0000-4000-8000-000000000000')
        .set(bearer(adminToken))
        .send({ active: false });
      expect(missing.status).toBe(404);
      const user = await createUser(t.db);
      const bad = await t.http().patch(`/api/users/${user.id}`).set(bearer(adminToken)).send({ role: 'superuser' });
      expect(bad.status).toBe(400);
      expect(bad.body.fields).toEqual(['role']);
    });
  });
});
