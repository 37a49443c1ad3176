import * as Y from 'yjs';
import {
  readSyncMessage,
  syncStep1,
  syncStep1FromStateVector,
  syncStep2,
  syncStep2FromUpdate,
  toUint8Array,
  updateMessage,
} from './messages';

describe('sync messages', () => {
  const doc = new Y.Doc();
  doc.getText('t').insert(0, 'bonjour');

  it('round-trips step 1, step 2 and updates', () => {
    expect(readSyncMessage(syncStep1(doc))).toEqual({ type: 'step1', stateVector: Y.encodeStateVector(doc) });
    const step2 = readSyncMessage(syncStep2(doc, new Uint8Array([0])));
    expect(step2.type).toBe('step2');
    const copy = new Y.Doc();
    Y.applyUpdate(copy, (step2 as { update: Uint8Array }).update);
    expect(copy.getText('t').toString()).toBe('bonjour');
    const update = Y.encodeStateAsUpdate(doc);
    expect(readSyncMessage(updateMessage(update))).toEqual({ type: 'update', update });
    expect(readSyncMessage(syncStep2FromUpdate(update))).toEqual({ type: 'step2', update });
  });

  it('rejects unknown types, truncated payloads and trailing bytes', () => {
    const message = updateMessage(Y.encodeStateAsUpdate(doc));
    expect(() => readSyncMessage(new Uint8Array([3, 0]))).toThrow('unknown sync message type');
    for (let cut = 1; cut < message.length; cut++) expect(() => readSyncMessage(message.slice(0, cut))).toThrow();
    expect(() => readSyncMessage(new Uint8Array([...message, 0]))).toThrow('trailing');
    expect(() => readSyncMessage(new Uint8Array())).toThrow();
  });

  it('normalises what Socket.IO hands over to a Uint8Array', () => {
    const bytes = new Uint8Array([1, 2, 3]);
    expect(toUint8Array(bytes)).toBe(bytes);
    expect(toUint8Array(bytes.buffer)).toEqual(bytes);
    expect(toUint8Array(Buffer.from([1, 2, 3]))).toEqual(bytes);
    expect(toUint8Array(new DataView(bytes.buffer, 1, 2))).toEqual(new Uint8Array([2, 3]));
    expect(toUint8Array('abc')).toBeNull();
    expect(toUint8Array(null)).toBeNull();
  });

  it('builds step 1 from a state vector at hand, byte for byte as from the document', () => {
    const doc = new Y.Doc();
    doc.getText('t').insert(0, 'hello');
    expect(syncStep1FromStateVector(Y.encodeStateVector(doc))).toEqual(syncStep1(doc));
  });
});
