import type { SocketIOProvider } from '@passerelle/collab';
import { CollabOptions } from '../src/collab/collab.options';
import { createDocument } from './utils/factories';
import {
  CollabWorld,
  createCollabWorld,
  provider,
  RawClient,
  sleep,
  storedDoc,
  waitFor,
} from './utils/collab-fixtures';
import { editKeys, missingFrom, Storm } from './utils/storm';
import { TcpProxy } from './utils/tcp-proxy';
import { createTestDatabase, TestDatabase } from './utils/test-database';
import { createTestApp, TestApp } from './utils/test-app';

// PostgreSQL going away under load, simulated by a TCP proxy between the app and the database that
// resets every connection and refuses new ones (what clients of a restarting server see).
describe('faults: PostgreSQL restarted under load', () => {
  let database: TestDatabase;
  let proxy: TcpProxy;
  let t: TestApp;
  let w: CollabWorld;
  const cleanup: Array<() => void> = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    proxy = await TcpProxy.start(database.url);
    t = await createTestApp({}, { listen: true, database: { ...database, url: proxy.via(database.url) } });
    w = await createCollabWorld(t.db);
    // Many writers on one connection each: lift the per-connection limit out of the way.
    t.app.get(CollabOptions).syncRate = { perSecond: 1000, burst: 1000 };
  });
  afterAll(async () => {
    for (const c of cleanup.splice(0)) c();
    proxy?.restore();
    await t?.close();
    await proxy?.close();
    await database?.drop();
  });

  const status = async (path: string) => (await t.http().get(path)).status;

  it('reports unhealthy, keeps clients connected, acknowledges nothing it cannot store, and loses nothing acknowledged', async () => {
    const doc = await createDocument(t.db, { programmeId: w.programmeId, cityId: w.cityId });
    const tokens = await Promise.all([w.people.editor, w.people.editor2].map((p) => t.login(p.email)));
    const providers: SocketIOProvider[] = [];
    for (let i = 0; i < 4; i++) {
      const p = provider(t.url, tokens[i % 2], doc.id);
      cleanup.push(() => p.destroy());
      providers.push(p);
    }
    const raws = await Promise.all([0, 1, 2, 3].map((i) => RawClient.join(t.url, tokens[i % 2], doc.id)));
    for (const { client, ack } of raws) {
      expect(ack).toMatchObject({ ok: true });
      cleanup.push(() => client.close());
    }
    await Promise.all(providers.map((p) => p.whenSynced()));

    const storm = new Storm();
    raws.forEach(({ client }, i) => storm.addRaw(client, `raw${i}`));
    providers.forEach((p, i) => storm.addProvider(p, `p${i}`));
    await waitFor('a first hundred acknowledged edits', () => storm.acked.size >= 100);

    proxy.cut();
    const cutAt = Date.now();
    expect(await status('/api/health')).toBe(503);
    expect(await status('/api/health/ready')).toBe(503);
    expect(await status('/api/health/live')).toBe(200);
    // REST answers "try again later", not an internal error.
    const rest = await t.http().get(`/api/documents/${doc.id}`).set('Authorization', `Bearer ${tokens[0]}`);
    expect(rest.status).toBe(503);
    expect(rest.body).toMatchObject({ code: 'unavailable', message: expect.any(String) });
    // A client arriving now is refused as "unavailable" (it retries), never "unauthorized" or a false "ok".
    const late = await RawClient.join(t.url, tokens[0], doc.id).catch((error: Error) => error);
    if (late instanceof Error) {
      expect(late.message).toBe('unavailable');
    } else {
      cleanup.push(() => late.client.close());
      expect(late.ack).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    }
    await sleep(2500);
    const restoredAt = Date.now();
    proxy.restore();

    // Nothing sent while the database was away was acknowledged before it came back.
    const falseOks = storm.acks.filter((a) => a.ok && a.sentAt > cutAt + 50 && a.at < restoredAt);
    expect(falseOks).toEqual([]);
    expect(storm.acks.filter((a) => !a.ok && a.code !== 'unavailable')).toEqual([]);
    // The clients stayed connected throughout.
    for (const { client } of raws) expect(client.socket.connected).toBe(true);
    for (const p of providers) expect(p.socket.connected).toBe(true);

    await waitFor('healthy again', async () => (await status('/api/health')) === 200, 20_000);
    expect(await status('/api/health/ready')).toBe(200);
    await sleep(300);
    await storm.stop();
    await waitFor('every raw edit answered', () => storm.unanswered === 0, 20_000);
    await Promise.all(providers.map((p) => p.whenSaved()));
    const sentDuringCut = storm.acks.filter((a) => a.ok && a.sentAt > cutAt + 50 && a.sentAt < restoredAt);
    expect(sentDuringCut.length).toBeGreaterThan(0); // acknowledged after the restore

    const stored = await storedDoc(t.db, doc.id);
    expect(missingFrom(stored, storm.acked)).toEqual([]);
    for (const p of providers) expect(missingFrom(stored, editKeys(p.doc))).toEqual([]);
    // Everyone converges, a newcomer included.
    const everything = editKeys(stored).sort().join();
    for (const p of providers)
      await waitFor('a provider converged', () => editKeys(p.doc).sort().join() === everything);
    const fresh = provider(t.url, tokens[1], doc.id);
    cleanup.push(() => fresh.destroy());
    await fresh.whenSynced();
    expect(editKeys(fresh.doc).sort().join()).toBe(everything);
  }, 60_000);
});
