import { applyAwarenessUpdate, Awareness, encodeAwarenessUpdate, removeAwarenessStates } from 'y-protocols/awareness';
import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';

export type AwarenessChange = (documentId: string, update: Uint8Array, origin: unknown) => void;

/**
 * The server's mirror of the presence in each open document: what a joiner is sent, and what is
 * removed (and announced as removed) when a connection leaves or drops. Mirrors hold the states
 * of this instance's sockets and, with scale-out, those relayed from the other instances.
 */
export class RoomAwareness {
  private readonly rooms = new Map<string, Awareness>();

  constructor(private readonly onChange: AwarenessChange) {}

  /**
   * The client ids an awareness update speaks for, decoding it completely first: a truncated or
   * otherwise malformed update throws here rather than half-way through being applied.
   */
  static clientIds(update: Uint8Array): number[] {
    const decoder = decoding.createDecoder(update);
    const count = decoding.readVarUint(decoder);
    if (count > update.byteLength) throw new Error('awareness update: bad entry count');
    const ids: number[] = [];
    for (let i = 0; i < count; i++) {
      ids.push(decoding.readVarUint(decoder));
      decoding.readVarUint(decoder);
      const state: unknown = JSON.parse(decoding.readVarString(decoder));
      if (state !== null && typeof state !== 'object') throw new Error('awareness update: a state must be an object');
    }
    if (decoding.hasContent(decoder)) throw new Error('awareness update: trailing bytes');
    return ids;
  }

  has(documentId: string): boolean {
    return this.rooms.has(documentId);
  }

  /**
   * Applies an awareness update (throws when it is malformed). Returns the client ids it set
   * and removed, so that the caller can track which connection announced which.
   */
  apply(documentId: string, update: Uint8Array, origin: unknown): { set: number[]; removed: number[] } {
    const awareness = this.mirror(documentId);
    const result = { set: [] as number[], removed: [] as number[] };
    const track = (changes: { added: number[]; updated: number[]; removed: number[] }, o: unknown) => {
      if (o !== origin) return;
      result.set.push(...changes.added, ...changes.updated);
      result.removed.push(...changes.removed);
    };
    awareness.on('update', track);
    try {
      applyAwarenessUpdate(awareness, update, origin);
    } finally {
      awareness.off('update', track);
    }
    return result;
  }

  /** Every known presence state of the document, as one update (null when there is none). */
  encodeAll(documentId: string): Uint8Array | null {
    return this.encode(documentId, [...(this.rooms.get(documentId)?.getStates().keys() ?? [])]);
  }

  /** The states of the given clients, as one update (null when none is known). */
  encode(documentId: string, clientIds: Iterable<number>): Uint8Array | null {
    const awareness = this.rooms.get(documentId);
    if (!awareness) return null;
    const ids = [...clientIds].filter((id) => awareness.getStates().has(id));
    return ids.length > 0 ? encodeAwarenessUpdate(awareness, ids) : null;
  }

  /**
   * Removes clients' presence (a connection left). The removal keeps their clock, so the same
   * client announcing itself again with a newer clock is taken at once; their clocks are then forgotten.
   */
  remove(documentId: string, clientIds: Iterable<number>, origin: unknown): void {
    const awareness = this.rooms.get(documentId);
    if (!awareness) return;
    const ids = [...clientIds];
    removeAwarenessStates(awareness, ids, origin);
    for (const id of ids) awareness.meta.delete(id);
  }

  /** Forgets the document's presence (nobody of this instance is in it any more). */
  drop(documentId: string): void {
    this.rooms.get(documentId)?.destroy();
    this.rooms.delete(documentId);
  }

  dropAll(): void {
    for (const id of [...this.rooms.keys()]) this.drop(id);
  }

  private mirror(documentId: string): Awareness {
    let awareness = this.rooms.get(documentId);
    if (awareness) return awareness;
    awareness = new Awareness(new Y.Doc());
    // The server itself has no presence; the mirror's timer (which drops states not renewed for
    // 30 s) must not keep the process alive.
    awareness.setLocalState(null);
    (awareness as unknown as { _checkInterval?: NodeJS.Timeout })._checkInterval?.unref();
    awareness.on(
      'update',
      ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }, origin: unknown) => {
        const changed = [...added, ...updated, ...removed];
        if (changed.length > 0) this.onChange(documentId, encodeAwarenessUpdate(awareness!, changed), origin);
      },
    );
    this.rooms.set(documentId, awareness);
    return awareness;
  }
}
