import type { SocketIOProvider } from '@passerelle/collab';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CollabOptions } from '../src/collab/collab.options';
import { buildServer, ChildServer, freePort, startServer } from './utils/child-server';
import { createDocument } from './utils/factories';
import { createCollabWorld, provider, RawClient, sleep, storedDoc, waitFor } from './utils/collab-fixtures';
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
if (skipReason) console.warn(`faults-instance-kill: skipped — ${skipReason}`);

// Two instances behind a load balancer (a TCP proxy, like the compose file's nginx): the compiled
// server as a child process, killed with SIGKILL mid-storm, and an in-process instance that survives.
(skipReason ? describe.skip : describe)('faults: one of two instances killed', () => {
  let database: TestDatabase;
  let survivor: TestApp;
  let doomed: ChildServer | null = null;
  let balancer: TcpProxy;
  const cleanup: Array<() => void> = [];

  beforeAll(async () => {
    buildServer();
    database = await createTestDatabase();
    survivor = await createTestApp({ REDIS_URL }, { listen: true, database });
    survivor.app.get(CollabOptions).syncRate = { perSecond: 1000, burst: 1000 };
  }, 240_000);
  afterAll(async () => {
    for (const c of cleanup.splice(0)) c();
    await doomed?.kill('SIGKILL');
    await balancer?.close();
    await survivor?.close();
    await database?.drop();
  });

  it("moves the killed instance's clients to the other one, loses nothing acknowledged, and converges", async () => {
    const w = await createCollabWorld(survivor.db);
    const doc = await createDocument(survivor.db, { programmeId: w.programmeId, cityId: w.cityId });
    doomed = await startServer(database, await freePort(), { REDIS_URL });
    balancer = await TcpProxy.start(doomed.url);
    const viaBalancer = `http://127.0.0.1:${balancer.port}`;
    const tokens = await Promise.all([w.people.editor, w.people.editor2].map((p) => survivor.login(p.email)));

    // Four providers reach the doomed instance through the balancer, two are on the survivor.
    const providers: SocketIOProvider[] = [];
    for (let i = 0; i < 6; i++) {
      const p = provider(i < 4 ? viaBalancer : survivor.url, tokens[i % 2], doc.id);
      cleanup.push(() => p.destroy());
      providers.push(p);
    }
    // Raw clients on the doomed instance record which edits were acknowledged before the kill.
    const raws = await Promise.all([0, 1, 2, 3].map((i) => RawClient.join(viaBalancer, tokens[i % 2], doc.id)));
    for (const { client, ack } of raws) {
      expect(ack).toMatchObject({ ok: true });
      cleanup.push(() => client.close());
    }
    await Promise.all(providers.map((p) => p.whenSynced()));

    const storm = new Storm();
    raws.forEach(({ client }, i) => storm.addRaw(client, `raw${i}`));
    providers.forEach((p, i) => storm.addProvider(p, `p${i}`));
    await waitFor('a first few hundred acknowledged edits', () => storm.acked.size >= 200);

    const moved = providers.slice(0, 4);
    const dropped = new Set<SocketIOProvider>();
    for (const p of moved) p.on('synced', (synced) => synced || dropped.add(p));
    await doomed.kill('SIGKILL');
    balancer.retarget(((survivor.app.getHttpServer() as Server).address() as AddressInfo).port);
    const ackedAtKill = [...storm.acked];
    // The balancer's clients come back on the survivor and go on editing.
    await waitFor("the doomed instance's providers to notice", () => dropped.size === moved.length);
    await waitFor('them to sync again, on the survivor', () => moved.every((p) => p.synced), 20_000);
    await sleep(500);
    await storm.stop();
    await Promise.all(providers.map((p) => p.whenSaved()));

    const stored = await storedDoc(survivor.db, doc.id);
    expect(missingFrom(stored, ackedAtKill)).toEqual([]);
    expect(missingFrom(stored, storm.acked)).toEqual([]);
    for (const p of providers) expect(missingFrom(stored, editKeys(p.doc))).toEqual([]);
    const everything = editKeys(stored).sort().join();
    for (const [i, p] of providers.entries()) {
      await waitFor(`provider ${i} converged`, () => editKeys(p.doc).sort().join() === everything);
    }
  }, 90_000);
});
