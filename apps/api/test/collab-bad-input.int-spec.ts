import { updateMessage } from '@passerelle/collab';
import fc from 'fast-check';
import { encodeAwarenessUpdate, Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { CollabOptions } from '../src/collab/collab.options';
import { DocumentStore } from '../src/collab/storage/document-store';
import {
  CollabWorld,
  connectRaw,
  createCollabWorld,
  RawClient,
  request,
  storedDoc,
  waitFor,
} from './utils/collab-fixtures';
import { createTestApp, TestApp } from './utils/test-app';

describe('collaboration socket: bad input', () => {
  let t: TestApp;
  let w: CollabWorld;
  let options: CollabOptions;
  let editorToken: string;
  const defaults = {
    badMessageLimit: 0,
    syncRate: { perSecond: 0, burst: 0 },
    awarenessRate: { perSecond: 0, burst: 0 },
  };
  const clients: RawClient[] = [];
  const join = async () => {
    const joined = await RawClient.join(t.url, editorToken, w.documentId);
    clients.push(joined.client);
    expect(joined.ack.ok).toBe(true);
    return joined.client;
  };

  beforeAll(async () => {
    t = await createTestApp({}, { listen: true });
    w = await createCollabWorld(t.db);
    options = t.app.get(CollabOptions);
    defaults.badMessageLimit = options.badMessageLimit;
    defaults.syncRate = options.syncRate;
    defaults.awarenessRate = options.awarenessRate;
    editorToken = await t.login(w.people.editor.email);
  });
  afterEach(() => {
    options.badMessageLimit = defaults.badMessageLimit;
    options.syncRate = defaults.syncRate;
    options.awarenessRate = defaults.awarenessRate;
    for (const c of clients.splice(0)) c.close();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('answers too_large to a message over COLLAB_MAX_MESSAGE_BYTES and keeps the connection', async () => {
    const client = await join();
    const doc = new Y.Doc();
    // Just over the default 1 MiB: it must reach the handler (too_large), not close the connection.
    doc.getText('t').insert(0, 'x'.repeat(1024 * 1024 + 16));
    const big = updateMessage(Y.encodeStateAsUpdate(doc));
    expect(await client.sendUpdate(Y.encodeStateAsUpdate(doc))).toMatchObject({
      ok: false,
      error: { code: 'too_large' },
    });
    const awareness = await request(client.socket, 'doc:awareness', { documentId: w.documentId, message: big });
    expect(awareness).toMatchObject({ ok: false, error: { code: 'too_large' } });
    expect(client.socket.connected).toBe(true);
    expect(await client.edit((d) => d.getText('t').insert(0, 'small'))).toEqual({ ok: true });
  });

  it('answers bad_request to payloads of the wrong shape', async () => {
    const client = await join();
    const socket = client.socket;
    const id = w.documentId;
    for (const payload of [
      null,
      'text',
      42,
      [],
      { documentId: id },
      { documentId: id, message: 'not binary' },
      { message: new Uint8Array([2]) },
      { documentId: id, message: new Uint8Array() },
    ]) {
      expect(await request(socket, 'doc:sync', payload)).toMatchObject({ ok: false, error: { code: 'bad_request' } });
      expect(await request(socket, 'doc:awareness', payload)).toMatchObject({
        ok: false,
        error: { code: 'bad_request' },
      });
    }
    expect(await request(socket, 'doc:join', 'nope')).toMatchObject({ ok: false, error: { code: 'bad_request' } });
  });

  it('survives random and truncated messages: others keep editing and the document stays intact (property)', async () => {
    options.badMessageLimit = 1_000_000;
    options.syncRate = { perSecond: 1_000_000, burst: 1_000_000 };
    options.awarenessRate = { perSecond: 1_000_000, burst: 1_000_000 };
    const attacker = await join();
    const editor = await join();
    const watcher = await join();
    let n = 0;
    // Valid messages to cut short: updates of real edits and real presence.
    const source = new Y.Doc();
    const presence = new Awareness(source);
    presence.setLocalState({ user: { name: 'someone' }, cursor: { anchor: 'abc' } });
    const validUpdate = () => {
      const before = Y.encodeStateVector(source);
      source.getText('src').insert(0, `edit ${n} `);
      return Y.encodeStateAsUpdate(source, before);
    };
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.record({
            kind: fc.constant('random-sync' as const),
            bytes: fc.uint8Array({ minLength: 1, maxLength: 300 }),
          }),
          // Random bytes inside a well-formed sync envelope: they reach the Yjs decoder.
          fc.record({
            kind: fc.constant('random-update' as const),
            bytes: fc.uint8Array({ minLength: 1, maxLength: 300 }),
          }),
          fc.record({
            kind: fc.constant('random-awareness' as const),
            bytes: fc.uint8Array({ minLength: 1, maxLength: 300 }),
          }),
          fc.record({
            kind: fc.constant('truncated-update' as const),
            cut: fc.double({ min: 0, max: 0.999, noNaN: true }),
          }),
          fc.record({
            kind: fc.constant('truncated-awareness' as const),
            cut: fc.double({ min: 0, max: 0.999, noNaN: true }),
          }),
        ),
        async (input) => {
          n++;
          let event = 'doc:sync';
          let message: Uint8Array;
          if (input.kind === 'random-update') {
            message = updateMessage(input.bytes);
          } else if (input.kind === 'random-sync' || input.kind === 'random-awareness') {
            message = input.bytes;
            if (input.kind === 'random-awareness') event = 'doc:awareness';
          } else {
            const whole =
              input.kind === 'truncated-update'
                ? updateMessage(validUpdate())
                : encodeAwarenessUpdate(presence, [source.clientID]);
            message = whole.slice(0, Math.max(1, Math.floor(whole.length * input.cut)));
            if (input.kind === 'truncated-awareness') event = 'doc:awareness';
          }
          const ack = await request(attacker.socket, event, { documentId: w.documentId, message });
          if (input.kind.startsWith('truncated')) {
            // A cut message is never accepted.
            expect(ack).toMatchObject({ ok: false, error: { code: 'bad_request' } });
          } else if (!ack.ok) {
            expect(['bad_request', 'forbidden']).toContain(ack.error.code);
          }
          // Everyone else goes on: an edit is acknowledged and reaches a third client.
          expect(await editor.edit((d) => d.getMap('counter').set('n', n))).toEqual({ ok: true });
          await waitFor('the edit at the watcher', () => watcher.doc.getMap('counter').get('n') === n, 5000);
        },
      ),
      { numRuns: 300 },
    );
    presence.destroy();
    expect(attacker.socket.connected).toBe(true);
    // The document loads from storage and still holds every acknowledged edit; memory and storage agree.
    const stored = await storedDoc(t.db, w.documentId);
    expect(stored.getMap('counter').get('n')).toBe(n);
    const memory = await t.app.get(DocumentStore).get(w.documentId);
    expect(Y.encodeStateVector(stored)).toEqual(Y.encodeStateVector(memory));
    const fresh = await join();
    await waitFor('a fresh client synced', () => fresh.doc.getMap('counter').get('n') === n);
  });

  it('disconnects a client that keeps sending garbage', async () => {
    options.badMessageLimit = 10;
    const attacker = await join();
    const bystander = await join();
    for (let i = 0; i < 9; i++) {
      const ack = await request(attacker.socket, 'doc:sync', {
        documentId: w.documentId,
        message: new Uint8Array([7, 7, 7]),
      });
      expect(ack).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    }
    expect(attacker.socket.connected).toBe(true);
    await request(attacker.socket, 'doc:sync', { documentId: w.documentId, message: new Uint8Array([9]) });
    await waitFor('the attacker disconnected', () => attacker.socket.disconnected);
    expect(await bystander.edit((d) => d.getText('t').insert(0, 'still here '))).toEqual({ ok: true });
  });

  it('answers rate_limited when a connection sends updates faster than allowed, without applying them', async () => {
    options.syncRate = { perSecond: 1, burst: 5 };
    const client = await join();
    const acks = [];
    for (let i = 0; i < 8; i++) acks.push(await client.edit((d) => d.getMap('rl').set(`k${i}`, i)));
    const limited = acks.filter((a) => !a.ok);
    expect(limited.length).toBeGreaterThanOrEqual(2);
    for (const a of limited) expect(a).toMatchObject({ error: { code: 'rate_limited' } });
    const stored = (await storedDoc(t.db, w.documentId)).getMap('rl');
    expect(stored.size).toBe(acks.filter((a) => a.ok).length);
    // The refusal does not end the connection.
    expect(client.socket.connected).toBe(true);
  });

  it('still refuses unauthenticated connections after all that', async () => {
    await expect(connectRaw(t.url, 'garbage')).rejects.toThrow('unauthorized');
  });
});
