import * as Y from 'yjs';

export interface Outgoing {
  update: Uint8Array;
  /** How many local changes (Y.Doc updates) it carries. */
  count: number;
}

/**
 * Local changes on their way to the server: queued, then in flight until acknowledged. A change
 * leaves the outbox only when the server acknowledged it (stored) or refused it for good.
 */
export class Outbox {
  private queue: Outgoing[] = [];
  private readonly inFlight = new Map<number, Outgoing>();
  private nextId = 1;

  /** Local changes not yet acknowledged. */
  get pending(): number {
    let count = 0;
    for (const item of this.inFlight.values()) count += item.count;
    for (const item of this.queue) count += item.count;
    return count;
  }

  get empty(): boolean {
    return this.queue.length === 0 && this.inFlight.size === 0;
  }

  push(update: Uint8Array): void {
    this.queue.push({ update, count: 1 });
  }

  /** Everything queued, merged into one message, now in flight; null if nothing is queued or too much is in flight. */
  next(maxInFlight: number): { id: number; item: Outgoing } | null {
    if (this.queue.length === 0 || this.inFlight.size >= maxInFlight) return null;
    const batch = this.queue;
    this.queue = [];
    const item: Outgoing =
      batch.length === 1
        ? batch[0]
        : { update: Y.mergeUpdates(batch.map((b) => b.update)), count: batch.reduce((n, b) => n + b.count, 0) };
    const id = this.nextId++;
    this.inFlight.set(id, item);
    return { id, item };
  }

  /** Takes an acknowledged (or finally refused) message out; undefined if it is no longer in flight. */
  settle(id: number): Outgoing | undefined {
    const item = this.inFlight.get(id);
    this.inFlight.delete(id);
    return item;
  }

  /** Puts a refused message back at the head of the queue, to send again. */
  retry(item: Outgoing): void {
    this.queue.unshift(item);
  }

  /** What was in flight may or may not have been stored: it goes back to the queue (Yjs ignores duplicates). */
  requeueInFlight(): void {
    this.queue = [...this.inFlight.values(), ...this.queue];
    this.inFlight.clear();
  }

  clear(): void {
    this.queue = [];
    this.inFlight.clear();
  }
}
