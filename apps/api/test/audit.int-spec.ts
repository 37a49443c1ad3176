import { EventEmitter2 } from '@nestjs/event-emitter';
import { createCity, createProgramme, createUser } from './utils/factories';
import { bearer, signIn } from './utils/accounts';
import { createTestApp, TEST_PASSWORD, TestApp } from './utils/test-app';

interface Entry {
  id: string;
  action: string;
  actorId: string | null;
  actorName: string | null;
  targetType: string | null;
  targetId: string | null;
  details: Record<string, unknown>;
  ip: string | null;
  createdAt: string;
}

describe('audit log', () => {
  let t: TestApp;
  let admin: { id: string; email: string };
  let adminToken: string;
  let coordinatorToken: string;
  let lyon: { id: string };

  const entries = async (query = ''): Promise<Entry[]> => {
    const res = await t.http().get(`/api/audit${query}`).set(bearer(adminToken));
    expect(res.status).toBe(200);
    return res.body;
  };
  /** Event listeners write after the request that caused them has answered. */
  const eventually = async (find: (list: Entry[]) => Entry | undefined): Promise<Entry> => {
    for (let i = 0; i < 40; i++) {
      const found = find(await entries('?limit=200'));
      if (found) return found;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error('audit entry never appeared');
  };

  beforeAll(async () => {
    t = await createTestApp();
    lyon = await createCity(t.db, (await createProgramme(t.db)).id, { slug: 'lyon' });
    admin = await createUser(t.db, { role: 'admin', name: 'Audit Admin' });
    adminToken = (await signIn(t, admin.email)).accessToken;
    coordinatorToken = (await signIn(t, (await createUser(t.db, { role: 'coordinator' })).email)).accessToken;
  });
  afterAll(async () => {
    await t.close();
  });

  it('is readable by admins only', async () => {
    expect((await t.http().get('/api/audit').set(bearer(coordinatorToken))).status).toBe(403);
    const member = await createUser(t.db);
    const { accessToken } = await signIn(t, member.email);
    expect((await t.http().get('/api/audit').set(bearer(accessToken))).status).toBe(403);
    expect((await t.http().get('/api/audit')).status).toBe(401);
  });

  it('records sign-ins and failed attempts, with the actor name and never the password', async () => {
    const user = await createUser(t.db, { name: 'Signing In' });
    await signIn(t, user.email);
    await t.http().post('/api/auth/login').send({ email: user.email, password: 'secret-guess-123' });
    await t.http().post('/api/auth/login').send({ email: 'ghost@example.test', password: 'secret-guess-456' });
    const list = await entries();
    const success = list.find((e) => e.action === 'auth.login' && e.targetId === user.id);
    expect(success).toMatchObject({ actorId: user.id, actorName: 'Signing In', targetType: 'user' });
    expect(success!.ip).toEqual(expect.any(String));
    const failed = list.find((e) => e.action === 'auth.login_failed' && e.targetId === user.id);
    expect(failed).toMatchObject({ actorId: null, details: { email: user.email, reason: 'wrong_password' } });
    const unknown = list.find((e) => e.action === 'auth.login_failed' && e.details.email === 'ghost@example.test');
    expect(unknown).toMatchObject({ targetId: null, details: { reason: 'unknown_account' } });
    const all = JSON.stringify(await entries('?limit=200'));
    expect(all).not.toContain('secret-guess');
    expect(all).not.toContain(TEST_PASSWORD);
  });

  it('records role changes, deactivation and reactivation', async () => {
    const user = await createUser(t.db);
    const patch = (body: object) => t.http().patch(`/api/users/${user.id}`).set(bearer(adminToken)).send(body);
    expect((await patch({ role: 'coordinator' })).status).toBe(200);
    expect((await patch({ active: false })).status).toBe(200);
    expect((await patch({ active: true })).status).toBe(200);
    const mine = (await entries()).filter((e) => e.targetId === user.id).map((e) => [e.action, e.details]);
    expect(mine).toEqual([
      ['user.reactivated', {}],
      ['user.deactivated', {}],
      ['user.role_changed', { from: 'member', to: 'coordinator' }],
    ]);
    const entry = (await entries()).find((e) => e.action === 'user.role_changed' && e.targetId === user.id);
    expect(entry).toMatchObject({ actorId: admin.id, actorName: 'Audit Admin' });
  });

  it('records invitations created, accepted and revoked, and the membership the acceptance made', async () => {
    const created = await t
      .http()
      .post('/api/invitations')
      .set(bearer(adminToken))
      .send({ email: 'audited@example.org', cityId: lyon.id, cityRole: 'editor' });
    const token = created.body.link.split('/invite/')[1];
    const accepted = await t
      .http()
      .post(`/api/invitations/token/${token}/accept`)
      .send({ name: 'Audited', password: 'long enough password' });
    expect(accepted.status).toBe(200);
    const other = await t.http().post('/api/invitations').set(bearer(adminToken)).send({ email: 'gone@example.org' });
    await t.http().delete(`/api/invitations/${other.body.id}`).set(bearer(adminToken));

    const list = await entries();
    expect(list.find((e) => e.action === 'invitation.created' && e.targetId === created.body.id)).toMatchObject({
      actorId: admin.id,
      details: { email: 'audited@example.org', cityId: lyon.id, cityRole: 'editor', globalRole: 'member' },
    });
    expect(list.find((e) => e.action === 'invitation.accepted' && e.targetId === created.body.id)).toMatchObject({
      actorId: accepted.body.user.id,
      details: { newAccount: true },
    });
    expect(list.find((e) => e.action === 'invitation.revoked')).toMatchObject({ targetId: other.body.id });
    expect(JSON.stringify(list)).not.toContain(token);
    const membership = await eventually((l) =>
      l.find((e) => e.action === 'membership.changed' && e.targetId === accepted.body.user.id),
    );
    expect(membership).toMatchObject({ actorId: admin.id, details: { cityId: lyon.id, role: 'editor' } });
  });

  it('records membership changes announced by other modules', async () => {
    const user = await createUser(t.db);
    t.app.get(EventEmitter2).emit('membership.changed', {
      actorId: admin.id,
      userId: user.id,
      cityId: lyon.id,
      role: null,
      previousRole: 'observer',
      organisationId: null,
    });
    const entry = await eventually((l) => l.find((e) => e.action === 'membership.changed' && e.targetId === user.id));
    expect(entry).toMatchObject({
      actorId: admin.id,
      details: { cityId: lyon.id, role: null, previousRole: 'observer' },
    });
  });

  it('pages back in time with limit and before', async () => {
    const firstPage = await entries('?limit=2');
    expect(firstPage).toHaveLength(2);
    expect(Number(firstPage[0].id)).toBeGreaterThan(Number(firstPage[1].id));
    const secondPage = await entries(`?limit=2&before=${firstPage[1].id}`);
    expect(secondPage).toHaveLength(2);
    expect(Number(secondPage[0].id)).toBeLessThan(Number(firstPage[1].id));
    const bad = await t.http().get('/api/audit?limit=0').set(bearer(adminToken));
    expect(bad.status).toBe(400);
    expect(bad.body.fields).toEqual(['limit']);
  });
});
