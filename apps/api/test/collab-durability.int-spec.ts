import { SocketIOProvider } from '@passerelle/collab';
import * as Y from 'yjs';
import { buildServer, ChildServer, CHILD_JWT_SECRET, freePort, startServer } from './utils/child-server';
import { createDocument } from './utils/factories';
import { createCollabWorld, RawClient, storedDoc, waitFor } from './utils/collab-fixtures';
import { editKeys, missingFrom, Storm } from './utils/storm';
import { createTestDatabase, TestDatabase } from './utils/test-database';
import { createTestApp } from './utils/test-app';

const WRITERS = 16;
const PROVIDERS = 4;

describe('collaboration durability', () => {
  let database: TestDatabase;
  let child: ChildServer | null = null;
  const cleanup: Array<() => void> = [];

  // The test runs what `npm start` runs: the compiled server.
  beforeAll(() => buildServer(), 240_000);
  afterAll(async () => {
    for (const c of cleanup.splice(0)) c();
    await child?.kill('SIGKILL');
    await database?.drop();
  });

  it('keeps every acknowledged update when the server is killed with SIGKILL mid-storm from many clients', async () => {
    database = await createTestDatabase();
    // Schema, people and the document, then the in-process app goes away: the child owns the database.
    const setup = await createTestApp({ JWT_SECRET: CHILD_JWT_SECRET }, { database });
    const world = await createCollabWorld(setup.db);
    const doc = await createDocument(setup.db, { programmeId: world.programmeId, cityId: world.cityId });
    const tokens = await Promise.all([world.people.editor, world.people.editor2].map((p) => setup.login(p.email)));
    await setup.running.close();

    const port = await freePort();
    child = await startServer(database, port);
    const writers = await Promise.all(
      Array.from({ length: WRITERS }, (_, i) => RawClient.join(child!.url, tokens[i % 2], doc.id)),
    );
    for (const { client } of writers) cleanup.push(() => client.close());
    const providers = Array.from({ length: PROVIDERS }, (_, i) => {
      const p = new SocketIOProvider(child!.url, doc.id, new Y.Doc(), {
        token: tokens[i % 2],
        socketOptions: { reconnectionDelay: 200, reconnectionDelayMax: 1000 },
      });
      cleanup.push(() => p.destroy());
      return p;
    });
    await Promise.all(providers.map((p) => p.whenSynced()));
    const storm = new Storm();
    // Not awaiting each acknowledgement: several updates per writer are in flight when the kill comes.
    writers.forEach(({ client }, i) => storm.addRaw(client, `w${i}`, 20));
    providers.forEach((p, i) => storm.addProvider(p, `p${i}`, 20));
    await waitFor('a few hundred acknowledged updates', () => storm.acked.size >= 500, 30_000);
    await child.kill('SIGKILL');
    child = null;
    const atKill = [...storm.acked];
    await storm.stop();
    expect(storm.sent).toBeGreaterThan(atKill.length); // some were in flight, unacknowledged

    child = await startServer(database, port);
    const { client: reader, ack } = await RawClient.join(child.url, tokens[0], doc.id);
    cleanup.push(() => reader.close());
    expect(ack).toMatchObject({ ok: true });
    await waitFor('the reader to sync', () => reader.synced);
    expect(missingFrom(reader.doc, atKill)).toEqual([]);
    // The providers reconnect to the restarted server and send what was never acknowledged.
    await waitFor('the providers synced again', () => providers.every((p) => p.synced), 20_000);
    await Promise.all(providers.map((p) => p.whenSaved()));
    for (const p of providers)
      await waitFor('the reader has it all', () => missingFrom(reader.doc, editKeys(p.doc)).length === 0);
    await child.kill('SIGKILL');
    child = null;

    // And straight from the database.
    const check = await createTestApp({ JWT_SECRET: CHILD_JWT_SECRET }, { database });
    try {
      const stored = await storedDoc(check.db, doc.id);
      expect(missingFrom(stored, atKill)).toEqual([]);
      for (const p of providers) expect(missingFrom(stored, editKeys(p.doc))).toEqual([]);
    } finally {
      await check.running.close();
    }
  }, 180_000);
});
