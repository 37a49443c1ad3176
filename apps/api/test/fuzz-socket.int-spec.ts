import { JwtService } from '@nestjs/jwt';
import { COLLAB_ERROR_CODES, updateMessage } from '@passerelle/collab';
import fc from 'fast-check';
import { createHmac } from 'node:crypto';
import { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { CollabOptions } from '../src/collab/collab.options';
import { DocumentStore } from '../src/collab/storage/document-store';
import { mutatedMessage, socketCase, SocketCase, updateFrom } from './fuzz/socket-cases';
import { fuzzSeed, runs, Tally, timeLimit } from './fuzz/tally';
import { appendParagraphs } from './utils/document-fixtures';
import {
  CollabWorld,
  connectRaw,
  contentOf,
  createCollabWorld,
  RawClient,
  request,
  storedDoc,
  waitFor,
} from './utils/collab-fixtures';
import { createCity, createDocument } from './utils/factories';
import { createTestApp, TestApp } from './utils/test-app';

type Ack = Awaited<ReturnType<typeof request>>;

/** Event names the Socket.IO client will not emit (they are its own). */
const CLIENT_RESERVED = new Set([
  'connect',
  'connect_error',
  'disconnect',
  'disconnecting',
  'newListener',
  'removeListener',
]);

/** Emits and waits for the acknowledgement, at most `ms` (stray events are never answered). */
function emitWithin(
  socket: RawClient['socket'],
  event: string,
  payload: unknown,
  ms: number,
): Promise<Ack | 'no answer'> {
  return Promise.race([
    request(socket, event, payload),
    new Promise<'no answer'>((resolve) => setTimeout(() => resolve('no answer'), ms)),
  ]);
}

// Hostile traffic on the collaboration socket from an editor of the document, an observer and an
// outsider; after every case, a bystander's edit must still be acknowledged and reach a watcher.
// FUZZ_SCALE multiplies the number of cases (`npm run fuzz`), FUZZ_SEED replays a run.
jest.setTimeout(timeLimit(300_000));

describe('fuzz: collaboration socket', () => {
  let t: TestApp;
  let w: CollabWorld;
  let canaryId: string;
  let canaryBefore: string;
  let tokens: Record<'editor' | 'editor2' | 'observer' | 'other', string>;
  const clients: RawClient[] = [];
  const join = async (token: string, documentId = w.documentId) => {
    const joined = await RawClient.join(t.url, token, documentId);
    clients.push(joined.client);
    return joined;
  };

  beforeAll(async () => {
    t = await createTestApp({}, { listen: true });
    w = await createCollabWorld(t.db);
    const options = t.app.get(CollabOptions);
    // The fuzz wants every message looked at, not the connection dropped for being a nuisance.
    options.badMessageLimit = 1_000_000;
    options.syncRate = { perSecond: 1_000_000, burst: 1_000_000 };
    options.awarenessRate = { perSecond: 1_000_000, burst: 1_000_000 };
    const elsewhere = await createCity(t.db, w.programmeId);
    canaryId = (await createDocument(t.db, { programmeId: w.programmeId, cityId: elsewhere.id })).id;
    await appendParagraphs(t, canaryId, ['The canary must not change.']);
    canaryBefore = contentOf(await storedDoc(t.db, canaryId));
    const [editor, editor2, observer, other] = await Promise.all(
      [w.people.editor, w.people.editor2, w.people.observer, w.people.other].map((p) => t.login(p.email)),
    );
    tokens = { editor, editor2, observer, other };
  });
  afterAll(async () => {
    for (const c of clients.splice(0)) c.close();
    await t?.close();
  });

  it('answers every hostile message with an error or a harmless ok, never breaking the document, others, or access', async () => {
    const tally = new Tally('socket');
    const seed = (tally.seed = fuzzSeed());
    let attackerDropped = false;
    const joinAttacker = async () => {
      const client = (await join(tokens.editor)).client;
      attackerDropped = false;
      client.socket.once('disconnect', () => (attackerDropped = true));
      return client;
    };
    let attacker = await joinAttacker();
    const reader = (await join(tokens.observer)).client;
    const bystander = (await join(tokens.editor2)).client;
    const watcher = (await join(tokens.observer)).client;
    // The attacker's own document, which every mutated case edits: renewed before its whole state
    // (sent by step 2) nears the size limit, which a long run would otherwise reach.
    let source = new Y.Doc();
    let presence = new Awareness(source);
    const maxBytes = t.app.get(CollabOptions).maxMessageBytes;
    let n = 0;

    const run = async (c: SocketCase): Promise<string> => {
      // A dropped connection comes back by itself but no longer in the document: start afresh.
      if (attackerDropped || !attacker.socket.connected) {
        attacker.close();
        attacker = await joinAttacker();
      }
      const id = w.documentId;
      switch (c.kind) {
        case 'mutated': {
          if (Y.encodeStateAsUpdate(source).byteLength > maxBytes / 4) {
            presence.destroy();
            source = new Y.Doc();
            presence = new Awareness(source);
          }
          const { event, message } = mutatedMessage(c, source, presence);
          // Mutations can make a message longer (duplicated bytes), but not past the limit from a quarter of it.
          const allowed = ['ok', 'bad_request', 'forbidden', ...(message.byteLength > maxBytes ? ['too_large'] : [])];
          return outcome(await emitWithin(attacker.socket, event, { documentId: id, message }, 5000), allowed);
        }
        case 'random-bytes':
          return outcome(await emitWithin(attacker.socket, c.event, { documentId: id, message: c.bytes }, 5000), [
            'ok',
            'bad_request',
            'forbidden',
          ]);
        case 'wrong-types':
          return outcome(await emitWithin(attacker.socket, c.event, c.payload, 5000), [
            'ok',
            'bad_request',
            'not_joined',
            'not_found',
            'too_large',
          ]);
        case 'stray-event': {
          const socket = attacker.socket as unknown as {
            emit(...args: unknown[]): void;
            packet(packet: { type: number; data: unknown[] }): void;
          };
          if (CLIENT_RESERVED.has(c.event)) {
            // The client library refuses to emit these names: put the packet on the wire directly.
            // The server's parser refuses it and drops the connection; the attacker joins again.
            const dropped = new Promise<string>((resolve) =>
              attacker.socket.once('disconnect', () => resolve('dropped')),
            );
            socket.packet({ type: 2 /* EVENT */, data: [c.event, c.payload] });
            return Promise.race([dropped, new Promise<string>((resolve) => setTimeout(() => resolve('ignored'), 500))]);
          }
          if (!c.ack) {
            socket.emit(c.event, c.payload);
            return 'sent';
          }
          const ack = await emitWithin(attacker.socket, c.event, c.payload, 200);
          return ack === 'no answer' ? 'ignored' : outcome(ack, ['ok', 'bad_request']);
        }
        case 'no-ack': {
          const payload = c.valid
            ? { documentId: id, message: updateMessage(updateFrom(source, [{ op: 'map', key: 'k', value: n }])) }
            : { documentId: 42 };
          (attacker.socket as unknown as { emit(e: string, p: unknown): void }).emit(c.event, payload);
          // It may have been a valid doc:leave: join again before the next case.
          attackerDropped = true;
          return 'sent';
        }
        case 'foreign-document': {
          const documentId = c.documentId === 'canary' ? canaryId : c.documentId;
          const message =
            c.event === 'doc:join' || c.event === 'doc:leave'
              ? undefined
              : updateMessage(updateFrom(source, [{ op: 'map', key: 'c', value: 1 }]));
          const ack = await emitWithin(attacker.socket, c.event, { documentId, message }, 5000);
          // Only leaving a document one is not in may answer ok; nothing else about it may succeed.
          return outcome(
            ack,
            c.event === 'doc:leave' ? ['ok', 'bad_request'] : ['not_found', 'not_joined', 'bad_request'],
          );
        }
        case 'read-only-update': {
          const update = updateFrom(new Y.Doc(), c.edits);
          // Edits that change nothing (deleting from an empty text) make an empty update, which
          // read-only clients send as their sync answer: it is acknowledged and changes nothing.
          const decoded = Y.decodeUpdate(update);
          const empty = decoded.structs.length === 0 && decoded.ds.clients.size === 0;
          return outcome(await reader.sendUpdate(update), empty ? ['ok'] : ['forbidden']);
        }
      }
    };
    const problems: string[] = [];
    const outcome = (ack: Ack | 'no answer', allowed: string[]): string => {
      if (ack === 'no answer') {
        problems.push('no answer');
        return 'no answer';
      }
      if (ack.ok) {
        if (!allowed.includes('ok')) problems.push('a false ok');
        return 'ok';
      }
      if (
        !(COLLAB_ERROR_CODES as readonly string[]).includes(ack.error.code) ||
        typeof ack.error.message !== 'string'
      ) {
        problems.push(`malformed error ${JSON.stringify(ack)}`);
      }
      if (!allowed.includes(ack.error.code)) problems.push(`unexpected ${ack.error.code}: ${ack.error.message}`);
      return ack.error.code;
    };

    try {
      await fc.assert(
        fc.asyncProperty(socketCase(w.documentId), async (c) => {
          n++;
          problems.length = 0;
          const result = await run(c);
          // A doc:leave, however malformed its other fields, may have been obeyed: join again next time.
          if ('event' in c && c.event === 'doc:leave') attackerDropped = true;
          tally.add(c.kind === 'mutated' ? `mutated ${c.base}${c.inner ? ' (payload)' : ''}` : c.kind, result);
          // Everyone else goes on: an edit is acknowledged and reaches a third client.
          const ack = await bystander.edit((d) => d.getMap('counter').set('n', n));
          if (!ack.ok) problems.push(`the bystander's edit got ${JSON.stringify(ack)}`);
          else
            await waitFor('the edit at the watcher', () => watcher.doc.getMap('counter').get('n') === n, 5000).catch(
              () => problems.push('the watcher did not get the edit'),
            );
          for (const p of problems)
            tally.problem(
              `${JSON.stringify(c, (_k, v) => (v instanceof Uint8Array ? [...v] : v)).slice(0, 300)}: ${p}`,
            );
        }),
        { numRuns: runs(300), seed },
      );
    } finally {
      presence.destroy();
      tally.save();
    }
    expect(tally.problems).toEqual([]);

    // The document: memory and storage agree, a newcomer gets it all, the canary is untouched.
    const store = t.app.get(DocumentStore);
    const stored = await storedDoc(t.db, w.documentId);
    const memory = await store.get(w.documentId);
    expect(Y.encodeStateVector(stored)).toEqual(Y.encodeStateVector(memory));
    expect(contentOf(stored)).toBe(contentOf(memory));
    expect(stored.getMap('counter').get('n')).toBe(n);
    const fresh = (await join(tokens.other)).ack;
    expect(fresh).toMatchObject({ ok: false, error: { code: 'not_found' } });
    const newcomer = (await join(tokens.editor2)).client;
    await waitFor('a newcomer synced', () => newcomer.doc.getMap('counter').get('n') === n);
    expect(contentOf(await storedDoc(t.db, canaryId))).toBe(canaryBefore);
    // Nothing holds the document once everyone has gone (no reference leaked by the fuzz).
    for (const c of clients.splice(0)) c.close();
    await waitFor('the document released', () => store.evict(w.documentId));
    expect((await t.http().get('/api/health')).status).toBe(200);
  });

  it('refuses forged, expired and malformed handshakes with "unauthorized"', async () => {
    const tally = new Tally('socket-handshake');
    const jwt = t.app.get(JwtService);
    const sign = (payload: object, secret = 'another-secret-of-sufficient-length') => {
      const enc = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
      const head = `${enc({ alg: 'HS256', typ: 'JWT' })}.${enc(payload)}`;
      return `${head}.${createHmac('sha256', secret).update(head).digest('base64url')}`;
    };
    const enc = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
    const id = w.people.editor.id;
    const forged: Array<[string, unknown]> = [
      ['no token', undefined],
      ['alg none', `${enc({ alg: 'none', typ: 'JWT' })}.${enc({ sub: id, ver: 0 })}.`],
      ['wrong secret', sign({ sub: id, ver: 0 })],
      ['expired', jwt.sign({ sub: id, ver: 0 }, { expiresIn: -10 })],
      ['revoked version', jwt.sign({ sub: id, ver: 99 })],
      ['unknown user', jwt.sign({ sub: '00000000-0000-0000-0000-000000000000', ver: 0 })],
      ['no subject', jwt.sign({ ver: 0 })],
      ['subject of the wrong type', jwt.sign({ sub: 42, ver: 0 })],
      ['SQL in the subject', jwt.sign({ sub: "' OR 1=1 --", ver: 0 })],
      ['HS512', jwt.sign({ sub: id, ver: 0 }, { algorithm: 'HS512' })],
      ['tampered', `${tokens.editor.slice(0, -4)}AAAA`],
      ['a number', 42],
      ['an object', { token: tokens.editor }],
      ['an array', [tokens.editor]],
      ['huge', 'x'.repeat(100_000)],
    ];
    try {
      for (const [kind, token] of forged) {
        const result = await connectRaw(t.url, token as string).then(
          (socket) => {
            socket.close();
            return 'connected';
          },
          (error: Error) => error.message,
        );
        tally.add(kind, result);
        if (result !== 'unauthorized') tally.problem(`${kind}: ${result}`);
      }
    } finally {
      tally.save();
    }
    expect(tally.problems).toEqual([]);
  });

  it('survives floods of messages, joins and connections, and huge messages, limiting the flooder only', async () => {
    const tally = new Tally('socket-floods');
    const options = t.app.get(CollabOptions);
    const defaults = { ...options.syncRate };
    options.syncRate = { perSecond: 50, burst: 200 };
    // Floods are sent all at once: the long run makes them at most FLOOD_SCALE times bigger.
    const FLOOD_SCALE = 5;
    const expectSet = (what: string, seen: Iterable<string>, expected: string[]) => {
      const got = [...new Set(seen)].sort();
      if (JSON.stringify(got) !== JSON.stringify([...expected].sort()))
        tally.problem(`${what}: got ${got.join(', ')}, expected ${expected.join(', ')}`);
    };
    const bystanderEdits = async (what: string) => {
      const ack = await bystander.edit((d) => d.getMap('m').set(what, 1));
      tally.add('bystander edit', ack.ok ? 'ok' : ack.error.code);
      if (!ack.ok) tally.problem(`the bystander's edit ${what} got ${JSON.stringify(ack)}`);
    };
    let bystander: RawClient;
    try {
      const flooder = (await join(tokens.editor)).client;
      bystander = (await join(tokens.editor2)).client;
      const doc = new Y.Doc();
      const acks = await Promise.all(
        Array.from({ length: runs(2000, FLOOD_SCALE) }, (_, i) =>
          flooder.sendUpdate(updateFrom(doc, [{ op: 'map', key: `f${i}`, value: i }])),
        ),
      );
      const updates = acks.map((a) => (a.ok ? 'ok' : a.error.code));
      for (const outcome of updates) tally.add('update flood', outcome);
      expectSet('update flood', updates, ['ok', 'rate_limited']);
      await bystanderEdits('after flood');

      const joins = await Promise.all(
        Array.from({ length: runs(500, FLOOD_SCALE) }, (_, i) =>
          request(flooder.socket, i % 2 ? 'doc:leave' : 'doc:join', { documentId: w.documentId }),
        ),
      );
      const joined = joins.map((a) => (a.ok ? 'ok' : a.error.code));
      for (const outcome of joined) tally.add('join/leave flood', outcome);
      expectSet('join/leave flood', joined, ['ok']);

      const garbage = await Promise.all(
        Array.from({ length: runs(100, FLOOD_SCALE) }, (_, i) =>
          connectRaw(t.url, `garbage-${i}`).then(
            (s) => (s.close(), 'connected'),
            (e: Error) => e.message,
          ),
        ),
      );
      for (const result of garbage) tally.add('connection flood (bad tokens)', result);
      expectSet('connection flood (bad tokens)', garbage, ['unauthorized']);
      const valid = await Promise.all(Array.from({ length: runs(30, FLOOD_SCALE) }, () => join(tokens.editor2)));
      const validOutcomes = valid.map(({ ack }) => (ack.ok ? 'ok' : ack.error.code));
      for (const outcome of validOutcomes) tally.add('connection flood (valid)', outcome);
      expectSet('connection flood (valid)', validOutcomes, ['ok']);
      for (const { client } of valid) client.close();

      // Over COLLAB_MAX_MESSAGE_BYTES but within the engine's buffer: refused, the connection kept.
      await request(flooder.socket, 'doc:join', { documentId: w.documentId });
      const large = await Promise.all(
        Array.from({ length: runs(4, FLOOD_SCALE) }, (_, i) =>
          emitWithin(
            flooder.socket,
            i % 2 ? 'doc:awareness' : 'doc:sync',
            { documentId: w.documentId, message: new Uint8Array(options.maxMessageBytes + 1 + i) },
            10_000,
          ),
        ),
      );
      const largeOutcomes = large.map((a) => (a === 'no answer' ? a : a.ok ? 'ok' : a.error.code));
      for (const outcome of largeOutcomes) tally.add('message over COLLAB_MAX_MESSAGE_BYTES', outcome);
      expectSet('message over COLLAB_MAX_MESSAGE_BYTES', largeOutcomes, ['too_large']);
      if (!flooder.socket.connected) tally.problem('the connection was closed for a message under the engine limit');
      await bystanderEdits('after large');

      // Over the engine's buffer: the flooder's connection is closed, nobody else's.
      const over = new Uint8Array(options.maxMessageBytes * 2 + 128 * 1024);
      const huge = await emitWithin(flooder.socket, 'doc:sync', { documentId: w.documentId, message: over }, 3000);
      await waitFor('the flooder disconnected', () => flooder.socket.disconnected, 5000).catch(() => undefined);
      const hugeOutcome =
        huge === 'no answer'
          ? flooder.socket.disconnected
            ? 'disconnected'
            : 'no answer'
          : huge.ok
            ? 'ok'
            : huge.error.code;
      tally.add('message over the engine limit', hugeOutcome);
      expectSet(
        'message over the engine limit',
        [hugeOutcome],
        hugeOutcome === 'too_large' ? ['too_large'] : ['disconnected'],
      );
      await bystanderEdits('after huge');
    } finally {
      options.syncRate = defaults;
      tally.save();
    }
    expect(tally.problems).toEqual([]);
  });
});
