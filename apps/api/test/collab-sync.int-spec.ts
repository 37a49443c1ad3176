import { EventEmitter2 } from '@nestjs/event-emitter';
import { createCollabSocket, SocketIOProvider } from '@passerelle/collab';
import fc from 'fast-check';
import { xoroshiro128plus } from 'pure-rand';
import * as Y from 'yjs';
import { CollabOptions } from '../src/collab/collab.options';
import { DocumentStore } from '../src/collab/storage/document-store';
import { createDocument } from './utils/factories';
import {
  contentOf,
  createCollabWorld,
  CollabWorld,
  provider,
  sleep,
  storedDoc,
  waitFor,
} from './utils/collab-fixtures';
import { createTestApp, TestApp } from './utils/test-app';

/** One random edit of the kind an editor makes: typing, deleting, formatting, a new paragraph. */
function randomEdit(doc: Y.Doc, rng: fc.Random): void {
  const fragment = doc.getXmlFragment('default');
  const pick = (n: number) => rng.nextInt(0, n - 1);
  doc.transact(() => {
    if (fragment.length === 0 || pick(20) === 0) {
      const paragraph = new Y.XmlElement('paragraph');
      paragraph.insert(0, [new Y.XmlText(`p${pick(1000)} `)]);
      fragment.insert(pick(fragment.length + 1), [paragraph]);
      return;
    }
    const paragraph = fragment.get(pick(fragment.length)) as Y.XmlElement;
    const text = paragraph.get(0) as Y.XmlText;
    const length = text.length;
    const op = pick(10);
    if (op < 6 || length < 2) {
      const words = ['la ', 'ville ', 'مدينة ', 'accueil ', 'x', 'migration '];
      text.insert(pick(length + 1), words[pick(words.length)], pick(4) === 0 ? { bold: true } : undefined);
    } else if (op < 8) {
      const at = pick(length);
      text.delete(at, Math.min(length - at, 1 + pick(4)));
    } else {
      const at = pick(length);
      text.format(at, Math.min(length - at, 1 + pick(6)), pick(2) ? { italic: true } : { bold: null });
    }
  });
}

describe('collaboration socket: sync and convergence', () => {
  let t: TestApp;
  let w: CollabWorld;
  const open: SocketIOProvider[] = [];
  const connect = (token: string, documentId = w.documentId, doc = new Y.Doc()) => {
    const p = provider(t.url, token, documentId, doc);
    open.push(p);
    return p;
  };

  beforeAll(async () => {
    t = await createTestApp({}, { listen: true });
    w = await createCollabWorld(t.db);
  });
  afterEach(() => {
    for (const p of open.splice(0)) p.destroy();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('makes three clients editing at once converge, and stores exactly what they hold', async () => {
    const doc = await createDocument(t.db, { programmeId: w.programmeId, cityId: w.cityId });
    const tokens = await Promise.all([w.people.editor, w.people.editor2, w.people.editor].map((p) => t.login(p.email)));
    const clients = tokens.map((token) => connect(token, doc.id));
    await Promise.all(clients.map((c) => c.whenSynced()));
    const rng = new fc.Random(xoroshiro128plus(42));
    // Each client makes 150 edits, one per turn of the event loop or after a pause, so that many
    // messages of the three are in flight at once and cross at the server.
    await Promise.all(
      clients.map(async (client) => {
        for (let i = 0; i < 150; i++) {
          randomEdit(client.doc, rng);
          if (rng.nextInt(0, 3) === 0) await sleep(rng.nextInt(0, 2));
          else await new Promise((resolve) => setImmediate(resolve));
        }
      }),
    );
    await Promise.all(clients.map((c) => c.whenSaved()));
    const expected = contentOf(clients[0].doc);
    await waitFor('convergence', () => clients.every((c) => contentOf(c.doc) === expected));
    expect(expected.length).toBeGreaterThan(200);
    const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM document_updates WHERE document_id = $1`, [
      doc.id,
    ]);
    // Many separate messages really crossed at the server (the provider merges what is typed while 8
    // messages await their acknowledgement, so fewer than the 450 edits, fewer still on a loaded machine).
    expect(n).toBeGreaterThan(60);
    expect(contentOf(await storedDoc(t.db, doc.id))).toBe(expected);
    // A fresh client after everyone is gone gets the same.
    for (const c of clients) c.destroy();
    const late = connect(tokens[0], doc.id);
    await late.whenSynced();
    expect(contentOf(late.doc)).toBe(expected);
  });

  it('gives a late joiner the whole document', async () => {
    const doc = await createDocument(t.db, { programmeId: w.programmeId, cityId: w.cityId });
    const first = connect(await t.login(w.people.editor.email), doc.id);
    await first.whenSynced();
    for (let i = 0; i < 50; i++) first.doc.getText('t').insert(0, `${i};`);
    // Not waiting for the acknowledgements: the joiner must see what is in flight too.
    const late = connect(await t.login(w.people.observer.email), doc.id);
    await late.whenSynced();
    await waitFor(
      'the late joiner to have everything',
      () => late.doc.getText('t').toString() === first.doc.getText('t').toString(),
    );
    expect(late.access).toBe('view');
  });

  it('merges edits made offline once the client is back', async () => {
    const doc = await createDocument(t.db, { programmeId: w.programmeId, cityId: w.cityId });
    const a = connect(await t.login(w.people.editor.email), doc.id);
    const b = connect(await t.login(w.people.editor2.email), doc.id);
    await Promise.all([a.whenSynced(), b.whenSynced()]);
    a.doc.getText('t').insert(0, 'shared ');
    await a.whenSaved();
    await waitFor('b has the shared text', () => b.doc.getText('t').toString() === 'shared ');

    a.disconnect();
    expect(a.status).toBe('offline');
    a.doc.getText('t').insert(7, 'offline-a ');
    a.doc.getMap('m').set('a', 1);
    b.doc.getText('t').insert(0, 'online-b ');
    await b.whenSaved();
    expect(a.pendingCount).toBe(2);
    const saved = new Promise<void>((resolve) => a.once('saved', () => resolve()));
    a.connect();
    await saved;
    expect(a.pendingCount).toBe(0);
    await waitFor('both converge', () => a.doc.getText('t').toString() === b.doc.getText('t').toString());
    expect(a.doc.getText('t').toString()).toContain('offline-a');
    expect(a.doc.getText('t').toString()).toContain('online-b');
    expect(b.doc.getMap('m').get('a')).toBe(1);
    const stored = await storedDoc(t.db, doc.id);
    expect(stored.getText('t').toString()).toBe(a.doc.getText('t').toString());
  });

  it('reconnects by itself after the connection drops, re-syncs and saves what was typed meanwhile', async () => {
    const doc = await createDocument(t.db, { programmeId: w.programmeId, cityId: w.cityId });
    const a = connect(await t.login(w.people.editor.email), doc.id);
    const b = connect(await t.login(w.people.editor2.email), doc.id);
    await Promise.all([a.whenSynced(), b.whenSynced()]);
    const statuses: string[] = [];
    a.on('status', (s) => statuses.push(s));
    a.socket.io.engine.close();
    a.doc.getText('t').insert(0, 'typed while the network was down');
    b.doc.getText('t').insert(0, 'meanwhile ');
    await waitFor('a reconnected', () => a.status === 'connected' && a.synced, 20_000);
    await a.whenSaved();
    await waitFor('converged', () => a.doc.getText('t').toString() === b.doc.getText('t').toString());
    expect(statuses).toEqual(expect.arrayContaining(['offline', 'connecting', 'connected']));
    expect((await storedDoc(t.db, doc.id)).getText('t').toString()).toBe(a.doc.getText('t').toString());
  });

  it('serves several documents over one shared socket', async () => {
    const [d1, d2] = await Promise.all(
      [1, 2].map(() => createDocument(t.db, { programmeId: w.programmeId, cityId: w.cityId })),
    );
    const token = await t.login(w.people.editor.email);
    const socket = createCollabSocket(t.url, { token });
    const p1 = new SocketIOProvider(t.url, d1.id, new Y.Doc(), { socket });
    const p2 = new SocketIOProvider(t.url, d2.id, new Y.Doc(), { socket });
    open.push(p1, p2);
    await Promise.all([p1.whenSynced(), p2.whenSynced()]);
    p1.doc.getText('t').insert(0, 'one');
    p2.doc.getText('t').insert(0, 'two');
    await Promise.all([p1.whenSaved(), p2.whenSaved()]);
    expect((await storedDoc(t.db, d1.id)).getText('t').toString()).toBe('one');
    expect((await storedDoc(t.db, d2.id)).getText('t').toString()).toBe('two');
    p1.destroy();
    p2.destroy();
    socket.disconnect();
  });

  it('sends changes made by the server (a restore) to every open editor live', async () => {
    const doc = await createDocument(t.db, { programmeId: w.programmeId, cityId: w.cityId });
    const a = connect(await t.login(w.people.editor.email), doc.id);
    await a.whenSynced();
    await t.app.get(DocumentStore).change(doc.id, null, (live) => live.getText('t').insert(0, 'restored'));
    await waitFor('the change at the editor', () => a.doc.getText('t').toString() === 'restored');
    expect((await storedDoc(t.db, doc.id)).getText('t').toString()).toBe('restored');
  });

  it('keeps the searchable text current within seconds and announces the change', async () => {
    const options = t.app.get(CollabOptions);
    options.plainTextDebounceMs = 200;
    const doc = await createDocument(t.db, { programmeId: w.programmeId, cityId: w.cityId });
    const changed: unknown[] = [];
    const events = t.app.get(EventEmitter2);
    const listener = (e: { documentId: string }) => e.documentId === doc.id && changed.push(e);
    events.on('document.content_changed', listener);
    try {
      const a = connect(await t.login(w.people.editor.email), doc.id);
      await a.whenSynced();
      const paragraph = new Y.XmlElement('paragraph');
      paragraph.insert(0, [new Y.XmlText('Accueil des réfugiés à Lyon')]);
      a.doc.getXmlFragment('default').insert(0, [paragraph]);
      await a.whenSaved();
      const text = async () =>
        (await t.db.query(`SELECT plain_text FROM documents WHERE id = $1`, [doc.id]))[0].plain_text as string;
      await waitFor('plain text', async () => (await text()).includes('Accueil des réfugiés à Lyon'), 5000);
      await waitFor('the event', () => changed.length > 0);
      expect(changed[0]).toEqual({ documentId: doc.id, userId: w.people.editor.id, userIds: [w.people.editor.id] });
    } finally {
      events.off('document.content_changed', listener);
      options.plainTextDebounceMs = 1500;
    }
  });
});
