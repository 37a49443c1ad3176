import * as Y from 'yjs';

/** Where UpdateFanout sends what it gathered. `O` identifies the connection an update came from. */
export interface FanoutTarget<O> {
  /** Sends `update` to every connection of this instance in the document's room, except `except`. */
  toRoom(documentId: string, update: Uint8Array, except: readonly O[]): void;
  /** Sends `update` to one connection in the room. */
  toOne(origin: O, documentId: string, update: Uint8Array): void;
}

interface Gathered<O> {
  update: Uint8Array;
  /** The connection that sent it, or null for the server's own changes and other instances'. */
  origin: O | null;
}

const merge = (updates: readonly Uint8Array[]): Uint8Array =>
  updates.length === 1 ? updates[0] : Y.mergeUpdates(updates as Uint8Array[]);

/**
 * Fan-out of document changes with at most two messages per document and connection per turn of
 * the event loop: the first change of a document in a turn is sent at once (no added latency when
 * changes are sparse), and the ones that follow it within the same turn are merged and sent at the
 * end of the turn (as Hocuspocus does). In a meeting where a hundred people type, that divides the
 * socket writes — the server's main cost — by the number of changes per turn.
 *
 * A connection never receives its own changes back: the room gets the merge of all of them minus
 * the connections that sent some, and each of those gets the merge of the others' changes.
 */
export class UpdateFanout<O> {
  /** Documents that had a change sent in this turn, with the changes gathered since. */
  private pending = new Map<string, Array<Gathered<O>>>();
  private scheduled = false;

  constructor(private readonly target: FanoutTarget<O>) {}

  push(documentId: string, update: Uint8Array, origin: O | null): void {
    const gathered = this.pending.get(documentId);
    if (gathered) {
      gathered.push({ update, origin });
      return;
    }
    this.pending.set(documentId, []);
    this.send(documentId, [{ update, origin }]);
    if (!this.scheduled) {
      this.scheduled = true;
      setImmediate(() => this.flush());
    }
  }

  /** Sends what was gathered and starts a new turn (called at the end of the turn). */
  flush(): void {
    const batches = this.pending;
    this.pending = new Map();
    this.scheduled = false;
    for (const [documentId, items] of batches) if (items.length > 0) this.send(documentId, items);
  }

  private send(documentId: string, items: ReadonlyArray<Gathered<O>>): void {
    const origins = [...new Set(items.map((i) => i.origin).filter((o): o is O => o !== null))];
    let all: Uint8Array;
    try {
      all = merge(items.map((i) => i.update));
    } catch {
      // Every update was applied before it got here, so this should not happen; if it does, one by one.
      for (const item of items) this.send(documentId, [item]);
      return;
    }
    this.target.toRoom(documentId, all, origins);
    if (origins.length === 0 || (origins.length === 1 && items.every((i) => i.origin === origins[0]))) return;
    for (const origin of origins) {
      const others = items.filter((i) => i.origin !== origin).map((i) => i.update);
      if (others.length > 0) this.target.toOne(origin, documentId, merge(others));
    }
  }
}
