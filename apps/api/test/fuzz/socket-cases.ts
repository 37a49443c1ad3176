import { syncStep1, syncStep2, syncStep2FromUpdate, updateMessage } from '@passerelle/collab';
import fc from 'fast-check';
import { Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { hostileString, wrongValue } from './hostile';

/** Hostile traffic for the collaboration socket: mutated y-protocols messages, wrong types, stray events. */

type Mutation =
  | { op: 'flip'; at: number; mask: number }
  | { op: 'insert'; at: number; bytes: Uint8Array }
  | { op: 'delete'; at: number; count: number }
  | { op: 'huge-varint'; at: number }
  | { op: 'duplicate'; at: number; to: number; count: number }
  | { op: 'truncate'; at: number };

/** A change to make to a source document, to get a real update to mutate. */
type Edit =
  | { op: 'text'; text: string; at: number }
  | { op: 'map'; key: string; value: string | number | boolean }
  | { op: 'xml'; name: string; attribute: string; text: string }
  | { op: 'delete'; at: number; count: number };

export type SocketCase =
  | {
      kind: 'mutated';
      base: 'update' | 'step1' | 'step2' | 'awareness';
      /** Mutate the Yjs payload and wrap it again (it reaches the Yjs decoder), or the whole message. */
      inner: boolean;
      edits: Edit[];
      mutations: Mutation[];
    }
  | { kind: 'random-bytes'; event: 'doc:sync' | 'doc:awareness'; bytes: Uint8Array }
  | { kind: 'wrong-types'; event: string; payload: unknown }
  | { kind: 'stray-event'; event: string; payload: unknown; ack: boolean }
  | { kind: 'no-ack'; event: string; valid: boolean }
  | { kind: 'foreign-document'; event: string; documentId: string }
  | { kind: 'read-only-update'; edits: Edit[] };

const fraction = fc.double({ min: 0, max: 0.9999, noNaN: true });

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('flip' as const), at: fraction, mask: fc.integer({ min: 1, max: 255 }) }),
  fc.record({ op: fc.constant('insert' as const), at: fraction, bytes: fc.uint8Array({ minLength: 1, maxLength: 8 }) }),
  fc.record({ op: fc.constant('delete' as const), at: fraction, count: fc.integer({ min: 1, max: 8 }) }),
  fc.record({ op: fc.constant('huge-varint' as const), at: fraction }),
  fc.record({
    op: fc.constant('duplicate' as const),
    at: fraction,
    to: fraction,
    count: fc.integer({ min: 1, max: 16 }),
  }),
  fc.record({ op: fc.constant('truncate' as const), at: fraction }),
);

const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ op: fc.constant('text' as const), text: fc.oneof(hostileString, fc.string()), at: fraction }),
  fc.record({
    op: fc.constant('map' as const),
    key: fc.string({ maxLength: 8 }),
    value: fc.oneof(fc.string(), fc.integer(), fc.boolean()),
  }),
  fc.record({
    op: fc.constant('xml' as const),
    name: fc.constantFrom('paragraph', 'heading', 'script', 'img', 'bulletList'),
    attribute: fc.constantFrom('level', 'onerror', 'href', 'src'),
    text: hostileString.filter((s) => s.length < 500),
  }),
  fc.record({ op: fc.constant('delete' as const), at: fraction, count: fc.integer({ min: 1, max: 5 }) }),
);

const EVENTS = ['doc:join', 'doc:sync', 'doc:awareness', 'doc:leave'];

export function socketCase(documentId: string): fc.Arbitrary<SocketCase> {
  const badMessage = fc.oneof(
    wrongValue,
    fc.array(fc.integer({ min: 0, max: 255 }), { maxLength: 20 }),
    fc.uint8Array({ maxLength: 20 }).map((b) => ({ type: 'Buffer', data: [...b] })),
    fc.constant(new Uint8Array()),
  );
  const badId = fc.oneof(wrongValue, hostileString, fc.uuid(), fc.constant('x'.repeat(101)));
  return fc.oneof(
    {
      weight: 6,
      arbitrary: fc.record({
        kind: fc.constant('mutated' as const),
        base: fc.constantFrom(
          'update' as const,
          'update' as const,
          'step1' as const,
          'step2' as const,
          'awareness' as const,
        ),
        inner: fc.boolean(),
        edits: fc.array(edit, { minLength: 1, maxLength: 4 }),
        mutations: fc.array(mutation, { minLength: 1, maxLength: 3 }),
      }),
    },
    {
      weight: 2,
      arbitrary: fc.record({
        kind: fc.constant('random-bytes' as const),
        event: fc.constantFrom('doc:sync' as const, 'doc:awareness' as const),
        bytes: fc.uint8Array({ minLength: 1, maxLength: 200 }),
      }),
    },
    {
      weight: 3,
      arbitrary: fc.record({
        kind: fc.constant('wrong-types' as const),
        event: fc.constantFrom(...EVENTS),
        payload: fc.oneof(
          wrongValue,
          fc.record({ documentId: badId, message: badMessage }, { requiredKeys: [] }),
          fc.record(
            { documentId: fc.constant(documentId), message: badMessage, extra: wrongValue },
            { requiredKeys: ['documentId', 'message'] },
          ),
        ),
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        kind: fc.constant('stray-event' as const),
        event: fc.oneof(
          fc.string({ maxLength: 30 }),
          fc.constantFrom('connect', 'disconnect', 'error', 'doc:access', 'newListener', '__proto__', 'constructor'),
        ),
        payload: wrongValue,
        ack: fc.boolean(),
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        kind: fc.constant('no-ack' as const),
        event: fc.constantFrom(...EVENTS),
        valid: fc.boolean(),
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        kind: fc.constant('foreign-document' as const),
        event: fc.constantFrom(...EVENTS),
        documentId: fc.oneof(
          badId.filter((v): v is string => typeof v === 'string'),
          fc.constant('canary'),
        ),
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        kind: fc.constant('read-only-update' as const),
        edits: fc.array(edit, { minLength: 1, maxLength: 3 }),
      }),
    },
  );
}

/** Applies `edits` to `doc` and returns the update they made. */
export function updateFrom(doc: Y.Doc, edits: Edit[]): Uint8Array {
  const before = Y.encodeStateVector(doc);
  doc.transact(() => {
    for (const e of edits) {
      const text = doc.getText('fuzz');
      if (e.op === 'text') text.insert(Math.floor(e.at * (text.length + 1)), e.text);
      else if (e.op === 'map') doc.getMap('fuzz-map').set(e.key, e.value);
      else if (e.op === 'delete') {
        const at = Math.floor(e.at * text.length);
        text.delete(at, Math.min(e.count, text.length - at));
      } else {
        const element = new Y.XmlElement(e.name);
        element.setAttribute(e.attribute, e.text);
        element.insert(0, [new Y.XmlText(e.text)]);
        doc.getXmlFragment('default').insert(0, [element]);
      }
    }
  });
  return Y.encodeStateAsUpdate(doc, before);
}

export function mutate(bytes: Uint8Array, mutations: Mutation[]): Uint8Array {
  let out = [...bytes];
  const at = (f: number) => Math.floor(f * out.length);
  for (const m of mutations) {
    switch (m.op) {
      case 'flip':
        if (out.length) out[at(m.at)] ^= m.mask;
        break;
      case 'insert':
        out.splice(at(m.at), 0, ...m.bytes);
        break;
      case 'delete':
        out.splice(at(m.at), m.count);
        break;
      case 'huge-varint':
        out.splice(at(m.at), 1, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f);
        break;
      case 'duplicate':
        out.splice(at(m.to), 0, ...out.slice(at(m.at), at(m.at) + m.count));
        break;
      case 'truncate':
        out = out.slice(0, Math.max(1, at(m.at)));
        break;
    }
  }
  return new Uint8Array(out.length ? out : [0]);
}

/** The message a `mutated` case sends, and on which event. */
export function mutatedMessage(
  c: Extract<SocketCase, { kind: 'mutated' }>,
  source: Y.Doc,
  presence: Awareness,
): { event: 'doc:sync' | 'doc:awareness'; message: Uint8Array } {
  const update = updateFrom(source, c.edits);
  switch (c.base) {
    case 'update':
      return {
        event: 'doc:sync',
        message: c.inner ? updateMessage(mutate(update, c.mutations)) : mutate(updateMessage(update), c.mutations),
      };
    case 'step2':
      return {
        event: 'doc:sync',
        message: c.inner
          ? syncStep2FromUpdate(mutate(Y.encodeStateAsUpdate(source), c.mutations))
          : mutate(syncStep2(source), c.mutations),
      };
    case 'step1':
      return { event: 'doc:sync', message: mutate(syncStep1(source), c.mutations) };
    case 'awareness':
      presence.setLocalState({ user: { name: c.edits.map((e) => e.op).join() }, cursor: null });
      return {
        event: 'doc:awareness',
        message: mutate(encodeAwarenessUpdate(presence, [source.clientID]), c.mutations),
      };
  }
}
