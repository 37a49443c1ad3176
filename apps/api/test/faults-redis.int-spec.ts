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
import { reachable, TcpProxy } from './utils/tcp-proxy';
import { createTestDatabase, TestDatabase } from './utils/test-database';
import { createTestApp, TestApp } from './utils/test-app';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const skipReason = !process.env.TEST_DATABASE_URL
  ? 'two instances need a shared PostgreSQL server (set TEST_DATABASE_URL; CI does)'
  : !reachable(REDIS_URL)
    ? `no Redis at ${REDIS_URL} (set TEST_REDIS_URL; CI starts one)`
    : null;
if (skipReason) console.warn(`faults-redis: skipped — ${skipReason}`);

// Redis restarted under two instances, simulated by a TCP proxy in front of it that resets every
// connection and refuses new ones for a while.
(skipReason ? describe.skip : describe)('faults: Redis restarted under two instances', () => {
  let database: TestDatabase;
  let proxy: TcpProxy;
  let one: TestApp;
  let two: TestApp;
  let w: CollabWorld;
  const cleanup: Array<() => void> = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    proxy = await TcpProxy.start(REDIS_URL);
    const overrides = { REDIS_URL: proxy.via(REDIS_URL) };
    one = await createTestApp(overrides, { listen: true, database });
    two = await createTestApp(overrides, { listen: true, database });
    w = await createCollabWorld(one.db);
    for (const app of [one, two]) app.app.get(CollabOptions).syncRate = { perSecond: 1000, burst: 1000 };
  });
  afterAll(async () => {
    for (const c of cleanup.splice(0)) c();
    proxy?.restore();
    await one?.close();
    await two?.close();
    await proxy?.close();
    await database?.drop();
  });

  it('reports unhealthy while Redis is away, keeps storing, and converges across instances once it is back', async () => {
    const doc = await createDocument(one.db, { programmeId: w.programmeId, cityId: w.cityId });
    const apps = [one, two];
    const tokens = await Promise.all([w.people.editor, w.people.editor2].map((p) => one.login(p.email)));
    const providers: SocketIOProvider[] = [];
    for (let i = 0; i < 4; i++) {
      const p = provider(apps[i % 2].url, tokens[i % 2], doc.id);
      cleanup.push(() => p.destroy());
      providers.push(p);
    }
    const raws = await Promise.all([0, 1].map((i) => RawClient.join(apps[i].url, tokens[i], doc.id)));
    for (const { client } of raws) cleanup.push(() => client.close());
    await Promise.all(providers.map((p) => p.whenSynced()));

    const storm = new Storm();
    raws.forEach(({ client }, i) => storm.addRaw(client, `raw${i}`));
    providers.forEach((p, i) => storm.addProvider(p, `p${i}`));
    await waitFor('a first hundred acknowledged edits', () => storm.acked.size >= 100);

    proxy.cut();
    // Each check waits for its PING to time out: ask them all at once.
    const statuses = await Promise.all(
      apps.flatMap((app) =>
        ['/api/health', '/api/health/ready', '/api/health/live'].map((path) => app.http().get(path)),
      ),
    );
    expect(statuses.map((res) => res.status)).toEqual([503, 503, 200, 503, 503, 200]);
    await sleep(1000);
    proxy.restore();
    for (const app of apps) {
      await waitFor('healthy again', async () => (await app.http().get('/api/health')).status === 200, 20_000);
    }
    await sleep(500);
    await storm.stop();
    await waitFor('every raw edit answered', () => storm.unanswered === 0, 20_000);
    await Promise.all(providers.map((p) => p.whenSaved()));
    // Storage never depended on Redis: edits kept being acknowledged, none refused.
    expect(storm.acks.filter((a) => !a.ok)).toEqual([]);

    const stored = await storedDoc(one.db, doc.id);
    expect(missingFrom(stored, storm.acked)).toEqual([]);
    for (const p of providers) expect(missingFrom(stored, editKeys(p.doc))).toEqual([]);
    const everything = editKeys(stored).sort().join();
    for (const [i, p] of providers.entries()) {
      await waitFor(`provider ${i} converged`, () => editKeys(p.doc).sort().join() === everything, 20_000);
    }
    for (const { client } of raws) {
      await waitFor('a raw client converged', () => editKeys(client.doc).sort().join() === everything, 20_000);
    }
  }, 60_000);
});
