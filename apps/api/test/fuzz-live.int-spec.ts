import { type Ack, LiveEvent } from '@passerelle/domain';
import fc from 'fast-check';
import type { Socket } from 'socket.io-client';
import { hostileString, wrongValue } from './fuzz/hostile';
import { fuzzSeed, runs, Tally, timeLimit } from './fuzz/tally';
import { waitFor } from './utils/collab-fixtures';
import { connectLive, openThreadOn } from './utils/comment-fixtures';
import { createDocumentsWorld, createDocumentWithText, DocumentsWorld } from './utils/document-fixtures';
import { createTestApp, TestApp } from './utils/test-app';

/** Emits and waits for the acknowledgement, at most `ms` (unknown events are never answered). */
function emitWithin(socket: Socket, event: string, payload: unknown, ms: number): Promise<Ack | 'no answer'> {
  return Promise.race([
    new Promise<Ack>((resolve) => socket.emit(event, payload, (ack: Ack) => resolve(ack))),
    new Promise<'no answer'>((resolve) => setTimeout(() => resolve('no answer'), ms)),
  ]);
}

// Hostile traffic on the live socket (`/live`: thread changes and notifications) from an editor of
// Lyon: subscriptions to documents of wrong types, made-up ids and another city's draft. The
// subscription to Lyon's document is the only one that may succeed, and nothing about the other
// city's draft may reach the attacker. FUZZ_SCALE multiplies the number of cases (`npm run fuzz`).
jest.setTimeout(timeLimit(120_000));

describe('fuzz: live socket', () => {
  let t: TestApp;
  let w: DocumentsWorld;
  let own: string;
  let foreign: string;
  const sockets: Socket[] = [];
  const live = async (token: string | undefined) => {
    const socket = await connectLive(t.url, token);
    sockets.push(socket);
    return socket;
  };

  beforeAll(async () => {
    t = await createTestApp({}, { listen: true });
    w = await createDocumentsWorld(t);
    own = (await createDocumentWithText(t, { programmeId: w.programmeId, cityId: w.lyon.id }, ['Texte de Lyon.'])).id;
    foreign = (
      await createDocumentWithText(t, { programmeId: w.programmeId, cityId: w.tangier.id }, ['Brouillon de Tanger.'])
    ).id;
  });
  afterAll(async () => {
    for (const socket of sockets.splice(0)) socket.close();
    await t?.close();
  });

  it('answers hostile subscriptions with an error and tells the attacker nothing of what it may not read', async () => {
    const tally = new Tally('live');
    const seed = (tally.seed = fuzzSeed());
    const heard: string[] = [];
    const listen = (socket: Socket) =>
      socket.onAny((_event: string, payload: { documentId?: unknown }) => heard.push(String(payload?.documentId)));
    let attacker = await live(w.users.editorLyon.token);
    listen(attacker);
    const documentId = fc.oneof(
      { weight: 3, arbitrary: hostileString },
      { weight: 2, arbitrary: fc.constantFrom(own, foreign, `${own} `, own.toUpperCase(), `${foreign}/..`) },
      fc.uuid(),
      wrongValue,
    );
    const cases = fc.record({
      event: fc.oneof(
        { weight: 4, arbitrary: fc.constantFrom(LiveEvent.subscribe, LiveEvent.unsubscribe) },
        fc.constantFrom(LiveEvent.threadChanged, LiveEvent.notification, 'doc:join', '__proto__'),
        fc.string({ maxLength: 20 }),
      ),
      payload: fc.oneof({ weight: 3, arbitrary: fc.record({ documentId }) }, wrongValue),
    });
    try {
      await fc.assert(
        fc.asyncProperty(cases, async ({ event, payload }) => {
          if (!attacker.connected) {
            tally.problem(`the connection was dropped before ${event}`);
            attacker = await live(w.users.editorLyon.token);
            listen(attacker);
          }
          const known = event === LiveEvent.subscribe || event === LiveEvent.unsubscribe;
          const ack = await emitWithin(attacker, event, payload, known ? 5000 : 50);
          const outcome = ack === 'no answer' ? (known ? 'no answer' : 'ignored') : ack.ok ? 'ok' : ack.error.code;
          tally.add(known ? event : 'other event', outcome);
          const target = (payload as { documentId?: unknown } | null)?.documentId;
          const allowed =
            event === LiveEvent.subscribe
              ? // A UUID is the same in capitals: PostgreSQL reads it so.
                typeof target === 'string' && target.toLowerCase() === own
                ? ['ok']
                : ['bad_request', 'not_found', 'forbidden']
              : event === LiveEvent.unsubscribe
                ? ['ok', 'bad_request']
                : ['ignored'];
          if (!allowed.includes(outcome))
            tally.problem(`${event} ${JSON.stringify(payload)?.slice(0, 200)} → ${JSON.stringify(ack)}`);
          if (ack !== 'no answer' && !ack.ok && /\bat \S+ \(|\.ts:\d+|node_modules/.test(ack.error.message))
            tally.problem(`${event}: internals in ${ack.error.message}`);
        }),
        { numRuns: runs(150), seed },
      );
      // What happens on the other city's draft reaches its editor, never the attacker.
      const insider = await live(w.users.editorTangier.token);
      const insiderHeard: string[] = [];
      insider.on(LiveEvent.threadChanged, (p: { documentId: string }) => insiderHeard.push(p.documentId));
      const subscribed = await emitWithin(insider, LiveEvent.subscribe, { documentId: foreign }, 5000);
      if (subscribed === 'no answer' || !subscribed.ok)
        tally.problem(`the editor of the draft could not subscribe: ${JSON.stringify(subscribed)}`);
      await openThreadOn(t, foreign, w.users.editorTangier.token, 'Tanger');
      await waitFor('the insider heard', () => insiderHeard.includes(foreign), 5000).catch(() =>
        tally.problem('the editor of the draft did not hear of its thread'),
      );
      if (heard.includes(foreign)) tally.problem('the attacker heard of the other city’s draft');
      // And the attacker's own subscriptions still work.
      const again = await emitWithin(attacker, LiveEvent.subscribe, { documentId: own }, 5000);
      if (again === 'no answer' || !again.ok)
        tally.problem(`subscribing to its own document: ${JSON.stringify(again)}`);
      await openThreadOn(t, own, w.users.editorLyon.token, 'Lyon');
      await waitFor('the attacker heard of its own document', () => heard.includes(own), 5000).catch(() =>
        tally.problem('the attacker did not hear of a thread on its own document'),
      );
    } finally {
      tally.save();
    }
    expect(tally.problems).toEqual([]);
    expect((await t.http().get('/api/health')).status).toBe(200);
  });

  it('refuses forged and malformed handshakes with "unauthorized"', async () => {
    const tally = new Tally('live-handshake');
    const tokens: Array<[string, unknown]> = [
      ['no token', undefined],
      ['garbage', 'not-a-token'],
      ['tampered', `${w.users.editorLyon.token.slice(0, -4)}AAAA`],
      ['a number', 42],
      ['an object', { token: w.users.editorLyon.token }],
      ['huge', 'x'.repeat(100_000)],
      ['SQL', "' OR 1=1 --"],
    ];
    try {
      for (const [kind, token] of tokens) {
        const result = await live(token as string).then(
          (socket) => (socket.close(), 'connected'),
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
});
