import fc from 'fast-check';
import { Client } from 'pg';
import { xoroshiro128plus } from 'pure-rand';
import * as Y from 'yjs';
import { CollabOptions } from '../src/collab/collab.options';
import { CollabRepository } from '../src/collab/storage/collab.repository';
import { DocumentStore } from '../src/collab/storage/document-store';
import { createDocument } from './utils/factories';
import { CollabWorld, createCollabWorld, provider, sleep, storedDoc, waitFor } from './utils/collab-fixtures';
import { createTestApp, TestApp } from './utils/test-app';

const counts = async (t: TestApp, documentId: string) => {
  const [row] = await t.db.query(
    `SELECT (SELECT count(*)::int FROM document_updates WHERE document_id = $1) AS updates,
            (SELECT count(*)::int FROM document_snapshots WHERE document_id = $1) AS snapshots`,
    [documentId],
  );
  return row as { updates: number; snapshots: number };
};

/** An update made on a scratch copy of `base`. */
const updateOf = (change: (doc: Y.Doc) => void, base?: Y.Doc): Uint8Array => {
  const doc = new Y.Doc();
  if (base) Y.applyUpdate(doc, Y.encodeStateAsUpdate(base));
  const before = Y.encodeStateVector(doc);
  change(doc);
  return Y.encodeStateAsUpdate(doc, before);
};

/**
 * Three people typing, deleting and formatting one paragraph (fixed client ids, so that the run is the
 * same every time), their changes sent to a server through `send`, which answers with what it holds.
 */
async function formattingSession(
  seed: number,
  base: Uint8Array,
  send: (update: Uint8Array) => Promise<void>,
  serverState: (stateVector: Uint8Array) => Promise<Uint8Array>,
): Promise<void> {
  const rng = new fc.Random(xoroshiro128plus(seed));
  const pick = (n: number) => rng.nextInt(0, n - 1);
  const clients = [0, 1, 2].map((i) => {
    const doc = new Y.Doc();
    doc.clientID = 1001 + i;
    Y.applyUpdate(doc, base, 'server');
    return doc;
  });
  const outbox = clients.map((doc) => {
    const updates: Uint8Array[] = [];
    doc.on('update', (update: Uint8Array, origin: unknown) => origin !== 'server' && updates.push(update));
    return updates;
  });
  for (let round = 0; round < 30; round++) {
    for (const doc of clients) {
      const text = (doc.getXmlFragment('default').get(0) as Y.XmlElement).get(0) as Y.XmlText;
      const length = text.length;
      const op = pick(10);
      if (op < 6 || length < 2)
        text.insert(pick(length + 1), ['la ', 'ville ', 'x'][pick(3)], pick(4) === 0 ? { bold: true } : undefined);
      else if (op < 8) {
        const at = pick(length);
        text.delete(at, Math.min(length - at, 1 + pick(4)));
      } else {
        const at = pick(length);
        text.format(at, Math.min(length - at, 1 + pick(6)), pick(2) ? { italic: true } : { bold: null });
      }
    }
    for (const updates of outbox) for (const update of updates.splice(0)) await send(update);
    if (pick(2)) {
      for (const doc of clients) Y.applyUpdate(doc, await serverState(Y.encodeStateVector(doc)), 'server');
    }
  }
}

/** Every deleted id of a delete set, as `client:clock`. */
const deletedIds = (ds: { clients: Map<number, Array<{ clock: number; len: number }>> }): string[] =>
  [...ds.clients].flatMap(([client, ranges]) =>
    ranges.flatMap((range) => Array.from({ length: range.len }, (_, i) => `${client}:${range.clock + i}`)),
  );

describe('collaboration storage: compaction and eviction', () => {
  let t: TestApp;
  let w: CollabWorld;
  let store: DocumentStore;
  let options: CollabOptions;
  const newDocument = async () => (await createDocument(t.db, { programmeId: w.programmeId, cityId: w.cityId })).id;

  beforeAll(async () => {
    t = await createTestApp({}, { listen: true });
    w = await createCollabWorld(t.db);
    store = t.app.get(DocumentStore);
    options = t.app.get(CollabOptions);
  });
  afterEach(() => {
    options.compactAfterUpdates = 500;
    options.compactIdleMs = 2000;
    options.compactWhenBusyAfterUpdates = 2000;
    options.evictAfterMs = 30_000;
    options.buildAfterLoadMs = 250;
    options.maxConcurrentCompactions = 2;
  });
  afterAll(async () => {
    await t?.close();
  });

  it('loses nothing when compactions race with live edits', async () => {
    options.compactAfterUpdates = 15;
    const documentId = await newDocument();
    const tokens = await Promise.all([w.people.editor, w.people.editor2].map((p) => t.login(p.email)));
    const editors = tokens.map((token) => provider(t.url, token, documentId));
    try {
      await Promise.all(editors.map((e) => e.whenSynced()));
      let compactions = 0;
      let typing = true;
      // Explicit compactions on top of the automatic ones (every 15 updates), back to back.
      const compacting = (async () => {
        while (typing) {
          if (await store.compact(documentId)) compactions++;
          await sleep(1);
        }
      })();
      await Promise.all(
        editors.map(async (editor, e) => {
          for (let i = 0; i < 120; i++) {
            editor.doc.getArray<string>('log').push([`${e}:${i}`]);
            await sleep(i % 3);
          }
        }),
      );
      await Promise.all(editors.map((e) => e.whenSaved()));
      typing = false;
      await compacting;
      await store.compact(documentId);
      expect(compactions).toBeGreaterThan(2);
      const stored = (await storedDoc(t.db, documentId)).getArray<string>('log').toArray();
      expect(stored).toHaveLength(240);
      expect(new Set(stored).size).toBe(240);
      expect(await counts(t, documentId)).toEqual({ updates: 0, snapshots: 1 });
      expect(stored).toEqual(editors[0].doc.getArray('log').toArray());
    } finally {
      editors.forEach((e) => e.destroy());
    }
  });

  it('compacts once the editing pauses, or while it goes on once the log passes the busy limit', async () => {
    options.compactAfterUpdates = 10;
    options.compactIdleMs = 1000;
    const documentId = await newDocument();
    const source = new Y.Doc();
    let last: Uint8Array = new Uint8Array();
    source.on('update', (u: Uint8Array) => (last = u));
    const type = async (n: number) => {
      for (let i = 0; i < n; i++) {
        source.getArray('a').push([i]);
        await store.append(documentId, last, null);
        await sleep(5);
      }
    };
    // Past the threshold (10 – 15 rows with the jitter) but no pause yet: nothing compacted.
    await type(20);
    expect(await counts(t, documentId)).toEqual({ updates: 20, snapshots: 0 });
    await waitFor('compacted after the pause', async () => (await counts(t, documentId)).updates === 0, 10_000);
    // Typing without a pause long enough: compacted anyway once past 40 – 60 rows.
    options.compactIdleMs = 600_000;
    options.compactWhenBusyAfterUpdates = 40;
    await type(70);
    await waitFor('compacted while busy', async () => (await counts(t, documentId)).updates <= 30, 10_000);
    expect((await storedDoc(t.db, documentId)).getArray('a').toArray()).toEqual(source.getArray('a').toArray());
  });

  it('stores the formatting clean-ups Yjs makes on its own, which the editors are sent too', async () => {
    const source = new Y.Doc();
    source.clientID = 1000;
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [new Y.XmlText('hello world foo bar ')]);
    source.getXmlFragment('default').insert(0, [paragraph]);
    const base = Y.encodeStateAsUpdate(source);
    // After some remote changes to formatted text, Yjs removes redundant formatting marks in a
    // transaction of its own (origin null): find a run where the server's copy does that.
    const cleanupsOf = async (seed: number) => {
      const server = new Y.Doc();
      Y.applyUpdate(server, base);
      let cleanups = 0;
      server.on('update', (_: Uint8Array, origin: unknown) => origin === null && cleanups++);
      await formattingSession(
        seed,
        base,
        async (update) => Y.applyUpdate(server, update, 'client'),
        async (sv) => Y.encodeStateAsUpdate(server, sv),
      );
      return cleanups;
    };
    let seed = 1;
    while ((await cleanupsOf(seed)) === 0) seed++;
    expect(seed).toBeLessThan(100);

    const documentId = await newDocument();
    await store.append(documentId, base, null);
    const live = await store.get(documentId);
    let cleanups = 0;
    live.on('update', (_: Uint8Array, origin: unknown) => origin === null && cleanups++);
    await formattingSession(
      seed,
      base,
      (update) => store.append(documentId, update, w.people.editor.id, 'client'),
      async (sv) => Y.encodeStateAsUpdate(live, sv),
    );
    await store.flush();
    expect(cleanups).toBeGreaterThan(0);
    const rows: Array<{ data: Buffer }> = await t.db.query(
      `SELECT data FROM document_updates WHERE document_id = $1 ORDER BY id`,
      [documentId],
    );
    const stored = Y.decodeUpdate(Y.mergeUpdates(rows.map((row) => new Uint8Array(row.data)))).ds;
    // Everything the live document deleted — its clean-ups included — is in storage.
    expect(deletedIds(stored).sort()).toEqual(deletedIds(Y.snapshot(live).ds).sort());
    expect((await storedDoc(t.db, documentId)).getXmlFragment('default').toString()).toBe(
      live.getXmlFragment('default').toString(),
    );
  });

  it('runs at most maxConcurrentCompactions compactions at once, the others in turn, and loses nothing', async () => {
    options.maxConcurrentCompactions = 2;
    const documentIds = await Promise.all([1, 2, 3, 4, 5].map(() => newDocument()));
    for (const documentId of documentIds) {
      for (let i = 0; i < 5; i++) {
        await store.append(
          documentId,
          updateOf((d) => d.getArray('a').push([i]), await store.get(documentId)),
          null,
        );
      }
    }
    const repo = t.app.get(CollabRepository);
    const load = repo.load;
    let reading = 0;
    let most = 0;
    // Each compaction starts by reading the log: slowed down so that unlimited compactions would overlap.
    repo.load = async (documentId: string) => {
      reading += 1;
      most = Math.max(most, reading);
      try {
        await sleep(50);
        return await load.call(repo, documentId);
      } finally {
        reading -= 1;
      }
    };
    try {
      expect(await Promise.all(documentIds.map((id) => store.compact(id)))).toEqual([true, true, true, true, true]);
    } finally {
      repo.load = load;
    }
    expect(most).toBe(2);
    for (const documentId of documentIds) {
      expect(await counts(t, documentId)).toEqual({ updates: 0, snapshots: 1 });
      expect((await storedDoc(t.db, documentId)).getArray('a').toArray()).toEqual([0, 1, 2, 3, 4]);
    }
  });

  it('lets only one of two concurrent compactions replace the snapshot, and loses nothing', async () => {
    const documentId = await newDocument();
    let base = new Y.Doc();
    for (let i = 0; i < 30; i++) {
      const update = updateOf((d) => d.getArray('a').push([i]), base);
      await store.append(documentId, update, null);
      base = await store.get(documentId);
    }
    const repo = t.app.get(CollabRepository);
    const [first, second] = await Promise.all([repo.load(documentId), repo.load(documentId)]);
    const fold = (s: typeof first) => {
      const doc = new Y.Doc();
      for (const u of [s.snapshot, ...s.updates.map((x) => x.data)]) if (u) Y.applyUpdate(doc, u);
      return Y.encodeStateAsUpdate(doc);
    };
    const ids = (s: typeof first) => s.updates.map((u) => u.id);
    expect(await repo.replaceSnapshot(documentId, fold(first), first.snapshotVersion, ids(first))).toBe(true);
    // Meanwhile a new update arrives; the stale second compaction must not overwrite the snapshot.
    await store.append(
      documentId,
      updateOf((d) => d.getArray('a').push(['late']), base),
      null,
    );
    expect(await repo.replaceSnapshot(documentId, fold(second), second.snapshotVersion, ids(second))).toBe(false);
    const stored = (await storedDoc(t.db, documentId)).getArray('a').toArray();
    expect(stored).toHaveLength(31);
    expect(stored).toContain('late');
  });

  // Needs a second connection holding a transaction open: the embedded database serves one.
  (process.env.TEST_DATABASE_URL ? it : it.skip)(
    'keeps an update whose commit comes after a compaction of later ids',
    async () => {
      const documentId = await newDocument();
      await store.append(
        documentId,
        updateOf((d) => d.getMap('m').set('first', 1)),
        null,
      );
      const slow = new Client({ connectionString: t.running.config.DATABASE_URL });
      await slow.connect();
      try {
        // A transaction takes the smaller id but commits last.
        await slow.query('BEGIN');
        await slow.query(`INSERT INTO document_updates (document_id, data) VALUES ($1, $2)`, [
          documentId,
          Buffer.from(updateOf((d) => d.getMap('m').set('slow', 1))),
        ]);
        await store.append(
          documentId,
          updateOf((d) => d.getMap('m').set('fast', 1)),
          null,
        );
        expect(await store.compact(documentId)).toBe(true);
        await slow.query('COMMIT');
      } finally {
        await slow.end();
      }
      expect((await storedDoc(t.db, documentId)).getMap('m').toJSON()).toEqual({ first: 1, slow: 1, fast: 1 });
      expect(store.evict(documentId)).toBe(true);
      expect((await store.get(documentId)).getMap('m').toJSON()).toEqual({ first: 1, slow: 1, fast: 1 });
    },
  );

  it('drops documents nobody has open after the grace period, compacting them, and loads them again whole', async () => {
    options.evictAfterMs = 200;
    const documentId = await newDocument();
    const editor = provider(t.url, await t.login(w.people.editor.email), documentId);
    await editor.whenSynced();
    editor.doc.getText('t').insert(0, 'kept across eviction');
    await editor.whenSaved();
    await sleep(400);
    expect(store.isLoaded(documentId)).toBe(true); // still open
    editor.destroy();
    await waitFor('evicted', () => !store.isLoaded(documentId), 5000);
    await waitFor('compacted on eviction', async () => (await counts(t, documentId)).updates === 0, 5000);
    const again = provider(t.url, await t.login(w.people.editor2.email), documentId);
    try {
      await again.whenSynced();
      expect(again.doc.getText('t').toString()).toBe('kept across eviction');
    } finally {
      again.destroy();
    }
  });

  it('folds a long update log when loading it, and keeps the result as the snapshot', async () => {
    options.compactAfterUpdates = 100;
    const documentId = await newDocument();
    const source = new Y.Doc();
    const rows: Buffer[] = [];
    source.on('update', (u: Uint8Array) => rows.push(Buffer.from(u)));
    for (let i = 0; i < 300; i++) source.getText('t').insert(i, String(i % 10));
    for (const row of rows) {
      await t.db.query(`INSERT INTO document_updates (document_id, data) VALUES ($1, $2)`, [documentId, row]);
    }
    expect((await store.get(documentId)).getText('t').toString()).toBe(source.getText('t').toString());
    await waitFor('the log replaced by a snapshot', async () => (await counts(t, documentId)).snapshots === 1, 5000);
    expect(await counts(t, documentId)).toEqual({ updates: 0, snapshots: 1 });
    expect(store.evict(documentId)).toBe(true);
    expect((await store.get(documentId)).getText('t').toString()).toBe(source.getText('t').toString());
  });

  it('compacts a long document in a worker thread with the same result', async () => {
    options.compactAfterUpdates = 100_000;
    const documentId = await newDocument();
    const source = new Y.Doc();
    const updates: Uint8Array[] = [];
    source.on('update', (u: Uint8Array) => updates.push(u));
    const text = source.getText('t');
    for (let i = 0; i < 3000; i++) {
      text.insert(Math.floor(Math.random() * (text.length + 1)), 'abcdefghij'.slice(0, 1 + (i % 10)));
      if (i % 4 === 3) text.delete(Math.floor(Math.random() * text.length), 1);
    }
    await store.get(documentId);
    await Promise.all(updates.map((u) => store.append(documentId, u, null)));
    expect(await store.compact(documentId)).toBe(true);
    const [snapshot] = await t.db.query(`SELECT length(data) AS bytes FROM document_snapshots WHERE document_id = $1`, [
      documentId,
    ]);
    expect(Number(snapshot.bytes)).toBeGreaterThan(64 * 1024); // large enough for the worker path
    expect((await storedDoc(t.db, documentId)).getText('t').toString()).toBe(text.toString());
  });

  it('opens a compacted document from its stored bytes, and builds it when a client needs more', async () => {
    options.buildAfterLoadMs = 60_000;
    const documentId = await newDocument();
    const source = new Y.Doc();
    source.getText('t').insert(0, 'opened from the snapshot');
    await store.append(documentId, Y.encodeStateAsUpdate(source), null);
    expect(await store.compact(documentId)).toBe(true);
    const [row] = await t.db.query(`SELECT state_vector FROM document_snapshots WHERE document_id = $1`, [documentId]);
    expect(new Uint8Array(row.state_vector)).toEqual(Y.encodeStateVector(await storedDoc(t.db, documentId)));
    expect(store.evict(documentId)).toBe(true);

    // A new client: answered from the stored bytes, the document is not built.
    const first = provider(t.url, await t.login(w.people.editor.email), documentId);
    // A client that already holds the document and made changes offline: it needs the document itself.
    const offline = new Y.Doc();
    Y.applyUpdate(offline, Y.encodeStateAsUpdate(source));
    offline.getText('t').insert(0, 'offline, then ');
    let second: ReturnType<typeof provider> | null = null;
    try {
      await first.whenSynced();
      expect(first.doc.getText('t').toString()).toBe('opened from the snapshot');
      expect(store.isLoaded(documentId)).toBe(true);
      expect(store.isBuilt(documentId)).toBe(false);

      second = provider(t.url, await t.login(w.people.editor2.email), documentId, offline);
      await second.whenSynced();
      await second.whenSaved();
      expect(store.isBuilt(documentId)).toBe(true);
      await waitFor('the first client gets the offline change', () =>
        first.doc.getText('t').toString().startsWith('offline, then '),
      );
      first.doc.getText('t').insert(first.doc.getText('t').length, '!');
      await first.whenSaved();
      const expected = 'offline, then opened from the snapshot!';
      await waitFor('both converge', () => second!.doc.getText('t').toString() === expected);
      expect((await storedDoc(t.db, documentId)).getText('t').toString()).toBe(expected);
      // A third client after the changes gets the whole current state (encoded once, then kept).
      const third = provider(t.url, await t.login(w.people.editor.email), documentId);
      try {
        await third.whenSynced();
        expect(third.doc.getText('t').toString()).toBe(expected);
      } finally {
        third.destroy();
      }
    } finally {
      first.destroy();
      second?.destroy();
    }
  });
});
