import { EventEmitter2 } from '@nestjs/event-emitter';
import { SocketIOProvider } from '@passerelle/collab';
import { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { DocumentStore } from '../src/collab/storage/document-store';
import { createDocument, createUser } from './utils/factories';
import { CollabWorld, createCollabWorld, RawClient, storedDoc, waitFor } from './utils/collab-fixtures';
import { createTestDatabase, TestDatabase } from './utils/test-database';
import { createTestApp, TestApp } from './utils/test-app';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
// Two instances need one database both can reach: the embedded one lives inside one process.
const describeWithServer = process.env.TEST_DATABASE_URL ? describe : describe.skip;
if (!process.env.TEST_DATABASE_URL) {
  console.warn(
    'collab-redis: skipped — two instances need a shared PostgreSQL server (set TEST_DATABASE_URL; CI does)',
  );
}

describeWithServer('collaboration scale-out: two instances sharing Redis', () => {
  let database: TestDatabase;
  let one: TestApp;
  let two: TestApp;
  let w: CollabWorld;
  const cleanup: Array<() => void> = [];

  const open = (app: TestApp, token: string, documentId: string, name?: string) => {
    const doc = new Y.Doc();
    const awareness = new Awareness(doc);
    if (name) awareness.setLocalState({ user: { name } });
    const p = new SocketIOProvider(app.url, documentId, doc, { token, awareness });
    cleanup.push(() => {
      p.destroy();
      awareness.destroy();
    });
    return p;
  };
  const names = (p: SocketIOProvider) =>
    [...p.awareness.getStates().values()]
      .map((s) => (s as { user?: { name: string } }).user?.name)
      .filter(Boolean)
      .sort()
      .join();

  beforeAll(async () => {
    database = await createTestDatabase();
    one = await createTestApp({ REDIS_URL }, { listen: true, database });
    two = await createTestApp({ REDIS_URL }, { listen: true, database });
    w = await createCollabWorld(one.db);
  });
  afterEach(() => {
    for (const c of cleanup.splice(0)) c();
  });
  afterAll(async () => {
    await one?.close();
    await two?.close();
    await database?.drop();
  });

  it('reports Redis in the health check', async () => {
    const res = await two.http().get('/api/health');
    expect(res.status).toBe(200);
    expect(res.body.details.redis.status).toBe('up');
  });

  it('lets a client on each instance edit together and see each other, and stores it all', async () => {
    const doc = await createDocument(one.db, { programmeId: w.programmeId, cityId: w.cityId });
    const a = open(one, await one.login(w.people.editor.email), doc.id, 'Ana');
    await a.whenSynced();
    const b = open(two, await two.login(w.people.editor2.email), doc.id, 'Bo');
    await b.whenSynced();
    for (let i = 0; i < 40; i++) {
      a.doc.getArray('log').push([`a${i}`]);
      b.doc.getArray('log').push([`b${i}`]);
      if (i % 10 === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    }
    await Promise.all([a.whenSaved(), b.whenSaved()]);
    const log = (p: SocketIOProvider) => JSON.stringify(p.doc.getArray('log').toArray());
    await waitFor('convergence across instances', () => log(a) === log(b) && a.doc.getArray('log').length === 80);
    expect(JSON.stringify((await storedDoc(one.db, doc.id)).getArray('log').toArray())).toBe(log(a));
    // Each instance's in-memory copy holds everything, whoever stored it.
    for (const app of [one, two]) {
      expect(JSON.stringify((await app.app.get(DocumentStore).get(doc.id)).getArray('log').toArray())).toBe(log(a));
    }
    // Presence crosses instances, both ways, and goes when a client leaves.
    await waitFor('Bo seen on instance one', () => names(a) === 'Ana,Bo');
    await waitFor('Ana seen on instance two', () => names(b) === 'Ana,Bo');
    b.disconnect();
    await waitFor('Bo gone on instance one', () => names(a) === 'Ana');
  });

  it('gives a client joining on either instance the whole document', async () => {
    const doc = await createDocument(one.db, { programmeId: w.programmeId, cityId: w.cityId });
    const token = await one.login(w.people.editor.email);
    const reader = open(two, await two.login(w.people.observer.email), doc.id);
    await reader.whenSynced(); // instance two has the document loaded
    const a = open(one, token, doc.id);
    await a.whenSynced();
    for (let i = 0; i < 30; i++) a.doc.getText('t').insert(0, `${i} `);
    await a.whenSaved();
    const late = open(two, await two.login(w.people.editor2.email), doc.id);
    await late.whenSynced();
    const text = a.doc.getText('t').toString();
    await waitFor('the late joiner on instance two has it all', () => late.doc.getText('t').toString() === text);
    await waitFor('the reader on instance two has it all', () => reader.doc.getText('t').toString() === text);
  });

  it('takes access away on every instance when a membership is removed on one', async () => {
    const member = await createUser(one.db, { memberships: [{ cityId: w.cityId, role: 'editor' }] });
    const { client } = await RawClient.join(two.url, await two.login(member.email), w.documentId);
    cleanup.push(() => client.close());
    await one.db.query(`DELETE FROM memberships WHERE user_id = $1`, [member.id]);
    one.app.get(EventEmitter2).emit('membership.changed', { userId: member.id, cityId: w.cityId, role: null });
    await waitFor('the client on instance two told', () => client.accessChanges.includes(null));
    expect(await client.edit((d) => d.getMap('m').set('x', 1))).toMatchObject({
      ok: false,
      error: { code: 'not_joined' },
    });
  });
});
