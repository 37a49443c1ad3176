import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as sync from 'y-protocols/sync';
import type * as Y from 'yjs';

/**
 * The y-protocols sync messages carried by `doc:sync`: `[type: varUint][payload: varUint8Array]`
 * with type 0 = step 1 (a state vector), 1 = step 2 (an update), 2 = update.
 */
export type SyncMessage =
  | { type: 'step1'; stateVector: Uint8Array }
  | { type: 'step2'; update: Uint8Array }
  | { type: 'update'; update: Uint8Array };

const TYPES = {
  [sync.messageYjsSyncStep1]: 'step1',
  [sync.messageYjsSyncStep2]: 'step2',
  [sync.messageYjsUpdate]: 'update',
} as const;

/** Normalises what Socket.IO hands over (Buffer in Node, ArrayBuffer in browsers) to a Uint8Array; null if not binary. */
export function toUint8Array(value: unknown): Uint8Array | null {
  if (value instanceof Uint8Array) return value;
  if (value instanceof ArrayBuffer) return new Uint8Array(value);
  if (ArrayBuffer.isView(value)) return new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
  return null;
}

/**
 * Decodes one sync message strictly: an unknown type, a truncated payload or trailing bytes throw.
 * (Whether the update inside is valid Yjs is a separate question: see `Y.decodeUpdate`.)
 */
export function readSyncMessage(message: Uint8Array): SyncMessage {
  const decoder = decoding.createDecoder(message);
  const type = decoding.readVarUint(decoder);
  const name = TYPES[type as keyof typeof TYPES];
  if (name === undefined) throw new Error(`unknown sync message type ${type}`);
  const payload = decoding.readVarUint8Array(decoder);
  if (decoding.hasContent(decoder)) throw new Error('trailing bytes after the sync message');
  return name === 'step1' ? { type: name, stateVector: payload } : { type: name, update: payload };
}

/** Step 1: "here is what I have" (the document's state vector). */
export function syncStep1(doc: Y.Doc): Uint8Array {
  const encoder = encoding.createEncoder();
  sync.writeSyncStep1(encoder, doc);
  return encoding.toUint8Array(encoder);
}

/** Step 1 built from a state vector already at hand. */
export function syncStep1FromStateVector(stateVector: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, sync.messageYjsSyncStep1);
  encoding.writeVarUint8Array(encoder, stateVector);
  return encoding.toUint8Array(encoder);
}

/** Step 2: the answer to a step 1, everything `doc` has that the state vector lacks. */
export function syncStep2(doc: Y.Doc, stateVector?: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  sync.writeSyncStep2(encoder, doc, stateVector);
  return encoding.toUint8Array(encoder);
}

/** Step 2 built from an update already at hand. */
export function syncStep2FromUpdate(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, sync.messageYjsSyncStep2);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}

/** An incremental update message. */
export function updateMessage(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  sync.writeUpdate(encoder, update);
  return encoding.toUint8Array(encoder);
}
