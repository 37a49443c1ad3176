import { createCity, createProgramme, createUser } from './utils/factories';
import { bearer, refreshCookie, signIn } from './utils/accounts';
import { createTestApp, TEST_PASSWORD, TestApp } from './utils/test-app';

const tokenOf = (link: string) => link.split('/invite/')[1];

describe('invitations', () => {
  let t: TestApp;
  let lyon: { id: string; slug: string };
  let tangier: { id: string; slug: string };
  let adminToken: string;
  let coordinatorToken: string;
  let memberToken: string;

  const invite = (token: string, body: Record<string, unknown>) =>
    t.http().post('/api/invitations').set(bearer(token)).send(body);

  beforeAll(async () => {
    t = await createTestApp({ PUBLIC_URL: 'https://passerelle.example.org' });
    const programme = await createProgramme(t.db);
    lyon = await createCity(t.db, programme.id, { slug: 'lyon', name: 'Lyon' });
    tangier = await createCity(t.db, programme.id, { slug: 'tangier', name: 'Tangier' });
    adminToken = (await signIn(t, (await createUser(t.db, { role: 'admin' })).email)).accessToken;
    coordinatorToken = (await signIn(t, (await createUser(t.db, { role: 'coordinator', name: 'Coord' })).email))
      .accessToken;
    const member = await createUser(t.db, { memberships: [{ cityId: lyon.id, role: 'editor' }] });
    memberToken = (await signIn(t, member.email)).accessToken;
  });
  afterAll(async () => {
    await t.close();
  });

  it('works end to end: a coordinator invites, the invitee previews, accepts, signs in and is a member', async () => {
    const created = await invite(coordinatorToken, {
      email: 'New.Editor@Example.org',
      cityId: lyon.id,
      cityRole: 'editor',
    });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      id: expect.any(String),
      email: 'new.editor@example.org',
      cityId: lyon.id,
      cityRole: 'editor',
      globalRole: 'member',
      expiresAt: expect.any(String),
      link: expect.stringMatching(/^https:\/\/passerelle\.example\.org\/invite\/[\w-]{43}$/),
    });
    const days = (Date.parse(created.body.expiresAt) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(13);
    expect(days).toBeLessThanOrEqual(14);
    const token = tokenOf(created.body.link);

    const pending = await t.http().get('/api/invitations').set(bearer(coordinatorToken));
    expect(pending.status).toBe(200);
    const listed = pending.body.find((i: { id: string }) => i.id === created.body.id);
    expect(listed).toMatchObject({ email: 'new.editor@example.org', cityName: 'Lyon', invitedByName: 'Coord' });
    expect(JSON.stringify(pending.body)).not.toContain(token);

    const preview = await t.http().get(`/api/invitations/token/${token}`);
    expect(preview.status).toBe(200);
    expect(preview.body).toEqual({
      email: 'new.editor@example.org',
      cityName: 'Lyon',
      cityRole: 'editor',
      globalRole: 'member',
      expiresAt: created.body.expiresAt,
      existingAccount: false,
    });

    const accepted = await t
      .http()
      .post(`/api/invitations/token/${token}/accept`)
      .send({ name: 'Nouvelle Éditrice', password: 'a long enough password' });
    expect(accepted.status).toBe(200);
    expect(accepted.body).toEqual({
      accessToken: expect.any(String),
      expiresIn: 900,
      user: { id: expect.any(String), email: 'new.editor@example.org', name: 'Nouvelle Éditrice', role: 'member' },
    });
    expect(refreshCookie(accepted)).toMatch(/^passerelle_refresh=/);

    const session = await signIn(t, 'new.editor@example.org', 'a long enough password');
    const me = await t.http().get('/api/me').set(bearer(session.accessToken));
    expect(me.body.memberships).toEqual([{ cityId: lyon.id, citySlug: 'lyon', role: 'editor' }]);

    const again = await t
      .http()
      .post(`/api/invitations/token/${token}/accept`)
      .send({ name: 'Someone Else', password: 'another long password' });
    expect(again.status).toBe(404);
    expect((await t.http().get(`/api/invitations/token/${token}`)).status).toBe(404);
    const stillPending = await t.http().get('/api/invitations').set(bearer(coordinatorToken));
    expect(stillPending.body.map((i: { id: string }) => i.id)).not.toContain(created.body.id);
  });

  it('adds the membership to an existing account once its password is given', async () => {
    const existing = await createUser(t.db, { memberships: [{ cityId: lyon.id, role: 'observer' }] });
    const created = await invite(adminToken, { email: existing.email, cityId: tangier.id, cityRole: 'stakeholder' });
    expect(created.status).toBe(201);
    const token = tokenOf(created.body.link);
    expect((await t.http().get(`/api/invitations/token/${token}`)).body.existingAccount).toBe(true);
    const wrong = await t.http().post(`/api/invitations/token/${token}/accept`).send({ password: 'not the password' });
    expect(wrong.status).toBe(401);
    const accepted = await t.http().post(`/api/invitations/token/${token}/accept`).send({ password: TEST_PASSWORD });
    expect(accepted.status).toBe(200);
    expect(accepted.body.user.id).toBe(existing.id);
    const me = await t.http().get('/api/me').set(bearer(accepted.body.accessToken));
    expect(me.body.memberships).toEqual([
      { cityId: lyon.id, citySlug: 'lyon', role: 'observer' },
      { cityId: tangier.id, citySlug: 'tangier', role: 'stakeholder' },
    ]);
  });

  it('lets an admin invite a coordinator, who gets that role', async () => {
    const created = await invite(adminToken, { email: 'new.coordinator@example.org', globalRole: 'coordinator' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ cityId: null, cityRole: null, globalRole: 'coordinator' });
    const accepted = await t
      .http()
      .post(`/api/invitations/token/${tokenOf(created.body.link)}/accept`)
      .send({ name: 'New Coordinator', password: 'a long enough password' });
    expect(accepted.body.user.role).toBe('coordinator');
  });

  it('refuses members (403) and coordinators inviting coordinators or admins (403)', async () => {
    const byMember = await invite(memberToken, { email: 'x@example.org', cityId: lyon.id, cityRole: 'observer' });
    expect(byMember.status).toBe(403);
    expect((await t.http().get('/api/invitations').set(bearer(memberToken))).status).toBe(403);
    for (const globalRole of ['admin', 'coordinator']) {
      const res = await invite(coordinatorToken, { email: 'boss@example.org', globalRole });
      expect(res.status).toBe(403);
      expect(res.body.message).toMatch(/admins/);
    }
    const [{ count }] = await t.db.query(
      `SELECT count(*)::int AS count FROM invitations WHERE email IN ('x@example.org', 'boss@example.org')`,
    );
    expect(count).toBe(0);
  });

  it('answers 401 without a token', async () => {
    expect((await t.http().post('/api/invitations').send({ email: 'x@example.org' })).status).toBe(401);
  });

  it('refuses bad input with 400 naming the field', async () => {
    const badEmail = await invite(coordinatorToken, { email: 'not-an-email', cityId: lyon.id, cityRole: 'editor' });
    expect(badEmail.status).toBe(400);
    expect(badEmail.body.fields).toEqual(['email']);
    expect(badEmail.body.message).toContain('email');
    const noRole = await invite(coordinatorToken, { email: 'a@example.org', cityId: lyon.id });
    expect(noRole.status).toBe(400);
    expect(noRole.body.fields).toEqual(['cityRole']);
    const noCity = await invite(coordinatorToken, { email: 'a@example.org', cityRole: 'editor' });
    expect(noCity.status).toBe(400);
    expect(noCity.body.fields).toEqual(['cityId']);
    const badRole = await invite(coordinatorToken, { email: 'a@example.org', cityId: lyon.id, cityRole: 'mayor' });
    expect(badRole.status).toBe(400);
    expect(badRole.body.fields).toEqual(['cityRole']);
  });

  it('answers 404 for an unknown city', async () => {
    const res = await invite(coordinatorToken, {
      email: 'a@example.org',
      cityId: '00000000-0000-4000-8000-000000000000',
      cityRole: 'editor',
    });
    expect(res.status).toBe(404);
    expect(res.body.message).toMatch(/City/);
  });

  it('refuses inviting an existing member of the city again (409)', async () => {
    const editor = await createUser(t.db, { memberships: [{ cityId: lyon.id, role: 'editor' }] });
    const res = await invite(coordinatorToken, { email: editor.email, cityId: lyon.id, cityRole: 'observer' });
    expect(res.status).toBe(409);
  });

  it('asks a new account for a name and a long enough password, naming the field, without using the link', async () => {
    const created = await invite(coordinatorToken, {
      email: 'careful@example.org',
      cityId: lyon.id,
      cityRole: 'observer',
    });
    const token = tokenOf(created.body.link);
    const noName = await t.http().post(`/api/invitations/token/${token}/accept`).send({ password: 'long enough pass' });
    expect(noName.status).toBe(400);
    expect(noName.body.fields).toEqual(['name']);
    const short = await t.http().post(`/api/invitations/token/${token}/accept`).send({ name: 'C', password: 'short' });
    expect(short.status).toBe(400);
    expect(short.body.fields).toEqual(['password']);
    const ok = await t
      .http()
      .post(`/api/invitations/token/${token}/accept`)
      .send({ name: 'Careful', password: 'long enough pass' });
    expect(ok.status).toBe(200);
  });

  it('revokes a pending invitation: the link stops working', async () => {
    const created = await invite(coordinatorToken, {
      email: 'revoked@example.org',
      cityId: lyon.id,
      cityRole: 'observer',
    });
    const token = tokenOf(created.body.link);
    const res = await t.http().delete(`/api/invitations/${created.body.id}`).set(bearer(coordinatorToken));
    expect(res.status).toBe(204);
    expect((await t.http().get(`/api/invitations/token/${token}`)).status).toBe(404);
    const accept = await t
      .http()
      .post(`/api/invitations/token/${token}/accept`)
      .send({ name: 'Revoked', password: 'long enough pass' });
    expect(accept.status).toBe(404);
    expect((await t.http().delete(`/api/invitations/${created.body.id}`).set(bearer(coordinatorToken))).status).toBe(
      404,
    );
    expect((await t.http().delete(`/api/invitations/${created.body.id}`).set(bearer(memberToken))).status).toBe(403);
  });

  it('refuses an expired invitation link', async () => {
    const created = await invite(coordinatorToken, {
      email: 'late@example.org',
      cityId: lyon.id,
      cityRole: 'observer',
    });
    await t.db.query(`UPDATE invitations SET expires_at = now() - interval '1 minute' WHERE id = $1`, [
      created.body.id,
    ]);
    const token = tokenOf(created.body.link);
    expect((await t.http().get(`/api/invitations/token/${token}`)).status).toBe(404);
    const accept = await t
      .http()
      .post(`/api/invitations/token/${token}/accept`)
      .send({ name: 'Late', password: 'long enough pass' });
    expect(accept.status).toBe(404);
  });

  it('stores only a digest of the link token', async () => {
    const created = await invite(coordinatorToken, { email: 'digest@example.org' });
    const [row] = await t.db.query(`SELECT token_hash FROM invitations WHERE id = $1`, [created.body.id]);
    expect(row.token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(row.token_hash).not.toBe(tokenOf(created.body.link));
  });
});
