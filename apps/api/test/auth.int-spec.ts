import { createCity, createProgramme, createUser } from './utils/factories';
import { bearer, refreshCookie, refreshSetCookie, signIn } from './utils/accounts';
import { createTestApp, TEST_PASSWORD, TestApp } from './utils/test-app';

describe('sign-in, sessions and /api/me', () => {
  let t: TestApp;
  let lyon: { id: string; slug: string };
  let tangier: { id: string; slug: string };

  beforeAll(async () => {
    t = await createTestApp();
    const programme = await createProgramme(t.db);
    lyon = await createCity(t.db, programme.id, { slug: 'lyon' });
    tangier = await createCity(t.db, programme.id, { slug: 'tangier' });
  });
  afterAll(async () => {
    await t.close();
  });

  describe('POST /api/auth/login', () => {
    it('signs in with the right password and answers the token and the user, with an httpOnly refresh cookie', async () => {
      const user = await createUser(t.db, {
        email: 'Good.Login@example.test',
        name: 'Good Login',
        role: 'coordinator',
      });
      const res = await t
        .http()
        .post('/api/auth/login')
        .send({ email: 'good.login@EXAMPLE.test', password: TEST_PASSWORD });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        accessToken: expect.any(String),
        expiresIn: 900,
        user: { id: user.id, email: 'Good.Login@example.test', name: 'Good Login', role: 'coordinator' },
      });
      const cookie = refreshSetCookie(res)!;
      expect(cookie).toMatch(/^passerelle_refresh=[\w-]{43};/);
      expect(cookie).toMatch(/HttpOnly/i);
      expect(cookie).toMatch(/Path=\/api\/auth/);
      expect(cookie).toMatch(/SameSite=Lax/i);
      expect(cookie).not.toMatch(/Secure/i);
      expect(cookie).toMatch(/Max-Age=2592000/);
      const me = await t.http().get('/api/me').set(bearer(res.body.accessToken));
      expect(me.status).toBe(200);
      expect(me.body.id).toBe(user.id);
    });

    it('stores the password as an Argon2id hash and the refresh token only as a SHA-256 digest', async () => {
      const user = await createUser(t.db);
      const { cookie } = await signIn(t, user.email);
      const [row] = await t.db.query(`SELECT password_hash FROM users WHERE id = $1`, [user.id]);
      expect(row.password_hash).toMatch(/^\$argon2id\$/);
      const token = cookie.split('=')[1];
      const sessions = await t.db.query(`SELECT token_hash FROM refresh_sessions WHERE user_id = $1`, [user.id]);
      expect(sessions).toHaveLength(1);
      expect(sessions[0].token_hash).toMatch(/^[0-9a-f]{64}$/);
      expect(sessions[0].token_hash).not.toContain(token);
    });

    it('refuses a wrong password with 401 and a message, and sets no cookie', async () => {
      const user = await createUser(t.db);
      const res = await t.http().post('/api/auth/login').send({ email: user.email, password: 'not the password' });
      expect(res.status).toBe(401);
      expect(res.body).toMatchObject({ statusCode: 401, code: 'unauthorized', message: 'Invalid email or password' });
      expect(refreshSetCookie(res)).toBeUndefined();
    });

    it('answers an unknown email exactly like a wrong password', async () => {
      const res = await t
        .http()
        .post('/api/auth/login')
        .send({ email: 'nobody@example.test', password: TEST_PASSWORD });
      expect(res.status).toBe(401);
      expect(res.body.message).toBe('Invalid email or password');
    });

    it('refuses a deactivated account with the same answer, even with the right password', async () => {
      const user = await createUser(t.db, { active: false });
      const res = await t.http().post('/api/auth/login').send({ email: user.email, password: TEST_PASSWORD });
      expect(res.status).toBe(401);
      expect(res.body.message).toBe('Invalid email or password');
    });

    it('answers invalid input with 400 naming the field', async () => {
      const res = await t.http().post('/api/auth/login').send({ password: TEST_PASSWORD });
      expect(res.status).toBe(400);
      expect(res.body.fields).toEqual(['email']);
      expect(res.body.message).toContain('email');
      const extra = await t.http().post('/api/auth/login').send({ email: 'a@b.test', password: 'x', admin: true });
      expect(extra.status).toBe(400);
      expect(extra.body.message).toContain('admin');
    });
  });

  describe('access tokens', () => {
    it('answers 401 without a token, with a malformed one, and with one signed by another secret', async () => {
      expect((await t.http().get('/api/me')).status).toBe(401);
      const bad = await t.http().get('/api/me').set(bearer('not-a-jwt'));
      expect(bad.status).toBe(401);
      expect(bad.body.message).toEqual(expect.any(String));
      // A well-formed token for a real user, signed with the wrong key.
      const user = await createUser(t.db);
      const { accessToken } = await signIn(t, user.email);
      const [header, payload] = accessToken.split('.');
      const forged = `${header}.${payload}.${Buffer.from('forged-signature').toString('base64url')}`;
      expect((await t.http().get('/api/me').set(bearer(forged))).status).toBe(401);
    });
  });

  describe('GET and PATCH /api/me', () => {
    it('shows the person with their memberships', async () => {
      const user = await createUser(t.db, {
        name: 'Member Two Cities',
        memberships: [
          { cityId: tangier.id, role: 'stakeholder' },
          { cityId: lyon.id, role: 'editor' },
        ],
      });
      const { accessToken } = await signIn(t, user.email);
      const res = await t.http().get('/api/me').set(bearer(accessToken));
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        id: user.id,
        email: user.email,
        name: 'Member Two Cities',
        role: 'member',
        active: true,
        language: null,
        memberships: [
          { cityId: lyon.id, citySlug: 'lyon', role: 'editor' },
          { cityId: tangier.id, citySlug: 'tangier', role: 'stakeholder' },
        ],
      });
    });

    it('changes the name and language, and refuses an unknown language naming the field', async () => {
      const user = await createUser(t.db);
      const { accessToken } = await signIn(t, user.email);
      const res = await t.http().patch('/api/me').set(bearer(accessToken)).send({ name: '  Leïla  ', language: 'ar' });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ name: 'Leïla', language: 'ar' });
      expect((await t.http().get('/api/me').set(bearer(accessToken))).body.language).toBe('ar');
      const bad = await t.http().patch('/api/me').set(bearer(accessToken)).send({ language: 'de' });
      expect(bad.status).toBe(400);
      expect(bad.body.fields).toEqual(['language']);
      const role = await t.http().patch('/api/me').set(bearer(accessToken)).send({ role: 'admin' });
      expect(role.status).toBe(400);
      expect((await t.http().get('/api/me').set(bearer(accessToken))).body.role).toBe('member');
    });
  });

  describe('refresh and logout', () => {
    it('gives a working access token from the cookie and rotates the cookie', async () => {
      const user = await createUser(t.db);
      const { cookie } = await signIn(t, user.email);
      const res = await t.http().post('/api/auth/refresh').set('Cookie', cookie);
      expect(res.status).toBe(200);
      expect(res.body.user).toEqual({ id: user.id, email: user.email, name: expect.any(String), role: 'member' });
      const rotated = refreshCookie(res);
      expect(rotated).not.toBe(cookie);
      expect((await t.http().get('/api/me').set(bearer(res.body.accessToken))).status).toBe(200);
      // The rotated cookie works in turn.
      expect((await t.http().post('/api/auth/refresh').set('Cookie', rotated)).status).toBe(200);
    });

    it('refuses a refresh without a cookie or with an unknown one', async () => {
      expect((await t.http().post('/api/auth/refresh')).status).toBe(401);
      const unknown = await t.http().post('/api/auth/refresh').set('Cookie', 'passerelle_refresh=forged');
      expect(unknown.status).toBe(401);
      expect(unknown.body.message).toEqual(expect.any(String));
    });

    it('treats reuse of a rotated-away token as theft and ends every session of the person', async () => {
      const user = await createUser(t.db);
      const first = await signIn(t, user.email);
      const otherDevice = await signIn(t, user.email);
      const rotated = await t.http().post('/api/auth/refresh').set('Cookie', first.cookie);
      expect(rotated.status).toBe(200);
      const replay = await t.http().post('/api/auth/refresh').set('Cookie', first.cookie);
      expect(replay.status).toBe(401);
      // Both the legitimate rotated cookie and the other device's session are gone.
      expect((await t.http().post('/api/auth/refresh').set('Cookie', refreshCookie(rotated))).status).toBe(401);
      expect((await t.http().post('/api/auth/refresh').set('Cookie', otherDevice.cookie)).status).toBe(401);
    });

    it('refuses an expired refresh session', async () => {
      const user = await createUser(t.db);
      const { cookie } = await signIn(t, user.email);
      await t.db.query(`UPDATE refresh_sessions SET expires_at = now() - interval '1 second' WHERE user_id = $1`, [
        user.id,
      ]);
      expect((await t.http().post('/api/auth/refresh').set('Cookie', cookie)).status).toBe(401);
    });

    it('logs out: 204, the cookie is cleared and can no longer refresh', async () => {
      const user = await createUser(t.db);
      const { cookie } = await signIn(t, user.email);
      const res = await t.http().post('/api/auth/logout').set('Cookie', cookie);
      expect(res.status).toBe(204);
      expect(refreshSetCookie(res)).toMatch(/^passerelle_refresh=;.*Expires=Thu, 01 Jan 1970/);
      expect((await t.http().post('/api/auth/refresh').set('Cookie', cookie)).status).toBe(401);
      // Logging out without a session is harmless.
      expect((await t.http().post('/api/auth/logout')).status).toBe(204);
    });

    it('logging out on one device leaves the other devices signed in', async () => {
      const user = await createUser(t.db);
      const laptop = await signIn(t, user.email);
      const phone = await signIn(t, user.email);
      expect((await t.http().post('/api/auth/logout').set('Cookie', laptop.cookie)).status).toBe(204);
      expect((await t.http().post('/api/auth/refresh').set('Cookie', laptop.cookie)).status).toBe(401);
      expect((await t.http().post('/api/auth/refresh').set('Cookie', phone.cookie)).status).toBe(200);
    });
  });

  describe('POST /api/me/password', () => {
    it('changes the password, ends every earlier token and session, and signs this device in again', async () => {
      const user = await createUser(t.db);
      const a = await signIn(t, user.email);
      const b = await signIn(t, user.email);
      const res = await t
        .http()
        .post('/api/me/password')
        .set(bearer(a.accessToken))
        .send({ currentPassword: TEST_PASSWORD, newPassword: 'a much better passphrase' });
      expect(res.status).toBe(200);
      expect(res.body.user.id).toBe(user.id);
      expect((await t.http().get('/api/me').set(bearer(a.accessToken))).status).toBe(401);
      expect((await t.http().get('/api/me').set(bearer(b.accessToken))).status).toBe(401);
      expect((await t.http().post('/api/auth/refresh').set('Cookie', b.cookie)).status).toBe(401);
      expect((await t.http().get('/api/me').set(bearer(res.body.accessToken))).status).toBe(200);
      expect((await t.http().post('/api/auth/refresh').set('Cookie', refreshCookie(res))).status).toBe(200);
      const old = await t.http().post('/api/auth/login').send({ email: user.email, password: TEST_PASSWORD });
      expect(old.status).toBe(401);
      await signIn(t, user.email, 'a much better passphrase');
    });

    it('refuses a wrong current password or a too short new one, naming the field', async () => {
      const user = await createUser(t.db);
      const { accessToken } = await signIn(t, user.email);
      const wrong = await t
        .http()
        .post('/api/me/password')
        .set(bearer(accessToken))
        .send({ currentPassword: 'wrong password', newPassword: 'a much better passphrase' });
      expect(wrong.status).toBe(400);
      expect(wrong.body.fields).toEqual(['currentPassword']);
      const short = await t
        .http()
        .post('/api/me/password')
        .set(bearer(accessToken))
        .send({ currentPassword: TEST_PASSWORD, newPassword: 'short' });
      expect(short.status).toBe(400);
      expect(short.body.fields).toEqual(['newPassword']);
      expect((await t.http().get('/api/me').set(bearer(accessToken))).status).toBe(200);
    });
  });
});
