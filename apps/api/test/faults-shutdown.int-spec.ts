import { SocketIOProvider } from '@passerelle/collab';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import * as Y from 'yjs';
import { Lifecycle } from '../src/core/lifecycle/lifecycle';
import { buildServer, ChildServer, CHILD_JWT_SECRET, freePort, startServer } from './utils/child-server';
import { createDocument } from './utils/factories';
import { createCollabWorld, RawClient, storedDoc, waitFor } from './utils/collab-fixtures';
import { editKeys, missingFrom, Storm } from './utils/storm';
import { createTestDatabase, TestDatabase } from './utils/test-database';
import { createTestApp, TestApp } from './utils/test-app';

/** The stored document, read with a plain connection while no server runs. */
async function readStored(database: TestDatabase, documentId: string): Promise<Y.Doc> {
  let client = new Client({ connectionString: database.url });
  // The embedded database takes one connection: the server's may take a moment to be let go.
  for (let attempt = 0; ; attempt++) {
    try {
      await client.connect();
      break;
    } catch (error) {
      if (attempt >= 20) throw error;
      await new Promise((resolve) => setTimeout(resolve, 250));
      client = new Client({ connectionString: database.url });
    }
  }
  try {
    const db = { query: async (sql: string, params: unknown[]) => (await client.query(sql, params)).rows };
    return await storedDoc(db as unknown as DataSource, documentId);
  } finally {
    await client.end();
  }
}

describe('graceful shutdown', () => {
  it('answers 503 on readiness and liveness once draining starts, while /api/health still reports the dependencies', async () => {
    const t: TestApp = await createTestApp();
    try {
      expect((await t.http().get('/api/health/ready')).status).toBe(200);
      expect((await t.http().get('/api/health/live')).body).toEqual({ status: 'ok' });
      await t.app.get(Lifecycle).drain(1000);
      const ready = await t.http().get('/api/health/ready');
      expect(ready.status).toBe(503);
      expect(ready.body).toMatchObject({ statusCode: 503, code: 'unavailable' });
      expect((await t.http().get('/api/health/live')).status).toBe(503);
      expect((await t.http().get('/api/health')).status).toBe(200);
    } finally {
      await t.close();
    }
  });

  describe('of the compiled server under a storm of edits (SIGTERM)', () => {
    let database: TestDatabase;
    let server: ChildServer | null = null;
    const cleanup: Array<() => void> = [];

    beforeAll(() => buildServer(), 240_000);
    afterAll(async () => {
      for (const c of cleanup.splice(0)) c();
      await server?.kill('SIGKILL');
      await database?.drop();
    });

    it('stores every acknowledged change, closes sockets so that clients reconnect, and they re-send the rest', async () => {
      database = await createTestDatabase();
      const setup = await createTestApp({ JWT_SECRET: CHILD_JWT_SECRET }, { database });
      const w = await createCollabWorld(setup.db);
      const doc = await createDocument(setup.db, { programmeId: w.programmeId, cityId: w.cityId });
      const tokens = await Promise.all([w.people.editor, w.people.editor2].map((p) => setup.login(p.email)));
      await setup.running.close();

      const port = await freePort();
      server = await startServer(database, port);
      const providers: SocketIOProvider[] = [];
      const reasons: string[] = [];
      for (let i = 0; i < 4; i++) {
        const p = new SocketIOProvider(server.url, doc.id, new Y.Doc(), {
          token: tokens[i % 2],
          socketOptions: { reconnectionDelay: 200, reconnectionDelayMax: 1000 },
        });
        p.socket.on('disconnect', (reason) => reasons.push(reason));
        cleanup.push(() => p.destroy());
        providers.push(p);
      }
      const raws = await Promise.all([0, 1, 2, 3].map((i) => RawClient.join(server!.url, tokens[i % 2], doc.id)));
      for (const { client } of raws) cleanup.push(() => client.close());
      await Promise.all(providers.map((p) => p.whenSynced()));

      const storm = new Storm();
      raws.forEach(({ client }, i) => storm.addRaw(client, `raw${i}`, 10));
      providers.forEach((p, i) => storm.addProvider(p, `p${i}`, 10));
      await waitFor('a few hundred acknowledged edits', () => storm.acked.size >= 300, 30_000);

      const stoppedAt = Date.now();
      const code = await server.kill('SIGTERM');
      expect(code).toBe(0);
      expect(server.output()).toMatch(/SIGTERM received: draining/);
      expect(server.output()).toMatch(/drained: closed \d+ collaboration connection/);
      server = null;
      // What was answered during the drain was either acknowledged (taken before) or refused as "unavailable".
      const during = storm.acks.filter((a) => a.at >= stoppedAt);
      expect(during.filter((a) => a.ok).length + during.filter((a) => a.code === 'unavailable').length).toBe(
        during.length,
      );
      // Closed so that they reconnect by themselves (a server-side disconnect would leave them offline).
      await waitFor('every provider disconnected', () => reasons.length >= providers.length);
      expect(new Set(reasons)).toEqual(new Set(['transport close']));

      await storm.stop();
      const acknowledged = [...storm.acked];
      expect(missingFrom(await readStored(database, doc.id), acknowledged)).toEqual([]);

      // Restarted: the providers come back and send what was refused or never acknowledged.
      server = await startServer(database, port);
      await waitFor('the providers synced again', () => providers.every((p) => p.synced), 20_000);
      await Promise.all(providers.map((p) => p.whenSaved()));
      const keys = (p: SocketIOProvider) => editKeys(p.doc).sort().join();
      await waitFor('the providers converged', () => providers.every((p) => keys(p) === keys(providers[0])));
      // Stopped again (the embedded database takes one connection at a time) to read what is stored.
      expect(await server.kill('SIGTERM')).toBe(0);
      server = null;
      const stored = await readStored(database, doc.id);
      expect(missingFrom(stored, acknowledged)).toEqual([]);
      expect(editKeys(stored).sort().join()).toBe(keys(providers[0]));
    }, 90_000);
  });
});
