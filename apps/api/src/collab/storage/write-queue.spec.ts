import { DomainException } from '../../core/errors/domain.exception';
import type { UpdateRow } from './collab.repository';
import { WriteQueue } from './write-queue';

const row = (documentId: string, n: number): UpdateRow => ({ documentId, data: new Uint8Array([n]), userId: null });

describe('WriteQueue (group commit)', () => {
  it('writes the updates of one tick in one statement and resolves each only after it', async () => {
    const batches: number[][] = [];
    let commit!: () => void;
    const write = jest.fn(
      (rows: readonly UpdateRow[]) =>
        new Promise<void>((resolve) => {
          batches.push(rows.map((r) => r.data[0]));
          commit = resolve;
        }),
    );
    const queue = new WriteQueue(write, { maxRows: 100, retryDelayMs: 1 });
    const resolved: number[] = [];
    const first = [1, 2, 3].map((n) => queue.enqueue(row('a', n)).then(() => resolved.push(n)));
    await new Promise((r) => setImmediate(r));
    expect(batches).toEqual([[1, 2, 3]]);
    // While the first INSERT runs, new updates wait for the next one.
    const later = queue.enqueue(row('b', 4)).then(() => resolved.push(4));
    await new Promise((r) => setTimeout(r, 5));
    expect(resolved).toEqual([]);
    commit();
    await Promise.all(first);
    expect(resolved).toEqual([1, 2, 3]);
    await new Promise((r) => setTimeout(r, 5));
    expect(batches).toEqual([[1, 2, 3], [4]]);
    commit();
    await later;
    expect(resolved).toEqual([1, 2, 3, 4]);
  });

  it('retries after a transient failure instead of giving up', async () => {
    let calls = 0;
    const queue = new WriteQueue(
      async () => {
        if (++calls < 3) throw Object.assign(new Error('connection reset'), { code: 'ECONNRESET' });
      },
      { maxRows: 100, retryDelayMs: 1 },
    );
    await queue.enqueue(row('a', 1));
    expect(calls).toBe(3);
  });

  it('isolates a document whose rows violate a constraint (deleted) and rejects only those', async () => {
    const written: string[] = [];
    const queue = new WriteQueue(
      async (rows) => {
        if (rows.some((r) => r.documentId === 'gone')) throw Object.assign(new Error('fk'), { code: '23503' });
        written.push(...rows.map((r) => r.documentId));
      },
      { maxRows: 100, retryDelayMs: 1 },
    );
    const ok = queue.enqueue(row('a', 1));
    const gone = queue.enqueue(row('gone', 2));
    await expect(ok).resolves.toBeUndefined();
    await expect(gone).rejects.toBeInstanceOf(DomainException);
    await expect(gone).rejects.toMatchObject({ code: 'not_found' });
    expect(written).toEqual(['a']);
  });

  it('under load, lets the updates of the interval join one INSERT; when idle, writes at once', async () => {
    const batches: number[][] = [];
    const queue = new WriteQueue(
      async (rows) => {
        batches.push(rows.map((r) => r.data[0]));
      },
      { maxRows: 100, retryDelayMs: 1, minIntervalMs: 500 },
    );
    await queue.enqueue(row('a', 1));
    // Right after a write: the next updates wait for the rest of the interval and go together.
    const next = [2, 3].map((n) => queue.enqueue(row('a', n)));
    await new Promise((r) => setImmediate(r));
    expect(batches).toEqual([[1]]);
    const late = new Promise((r) => setTimeout(r, 5)).then(() => queue.enqueue(row('a', 4)));
    await Promise.all([...next, late]);
    expect(batches).toEqual([[1], [2, 3, 4]]);
    // Idle for longer than the interval: written in the same turn's batch, without waiting.
    await new Promise((r) => setTimeout(r, 550));
    const idle = queue.enqueue(row('a', 5));
    await new Promise((r) => setImmediate(r));
    await new Promise((r) => setImmediate(r));
    expect(batches).toEqual([[1], [2, 3, 4], [5]]);
    await idle;
  });
});
