import { Logger } from '@nestjs/common';
import { DomainException } from '../../core/errors/domain.exception';
import type { UpdateRow } from './collab.repository';

interface Pending extends UpdateRow {
  resolve(): void;
  reject(error: Error): void;
}

export interface WriteQueueOptions {
  /** Rows per INSERT at most. */
  maxRows: number;
  /** Delay before retrying after a failed INSERT (grows up to 5 s). */
  retryDelayMs: number;
  /**
   * Least time between the starts of two INSERTs (0: none). Under load this makes each commit carry
   * the updates of that interval instead of one or two: fewer round trips and WAL flushes, less CPU
   * for PostgreSQL and the server; when updates are rare the first one is written at once.
   */
  minIntervalMs?: number;
}

/** PostgreSQL integrity violations (class 23): retrying the same rows cannot succeed. */
const isPermanent = (error: unknown): boolean => /^23/.test(String((error as { code?: unknown })?.code ?? ''));

/**
 * Group commit for Yjs updates: updates that arrive while an INSERT is running are written
 * together by the next one, in one transaction. Each `enqueue` resolves only after the commit
 * that holds its row, so an acknowledgement never precedes durability.
 *
 * A failed INSERT is retried (the rows are already in memory and maybe at other clients, so
 * giving up would let memory and storage drift apart); rows that violate a constraint — their
 * document was deleted — are retried one document at a time and those that still fail are
 * rejected with not_found.
 */
export class WriteQueue {
  private readonly logger = new Logger('CollabWriteQueue');
  private pending: Pending[] = [];
  private running: Promise<void> | null = null;
  private closed = false;
  private lastWriteAt = -Infinity;

  constructor(
    private readonly write: (rows: readonly UpdateRow[]) => Promise<void>,
    private readonly options: WriteQueueOptions,
  ) {}

  get size(): number {
    return this.pending.length;
  }

  enqueue(row: UpdateRow): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.pending.push({ ...row, resolve, reject });
      if (!this.running) this.running = this.drain();
    });
  }

  /** Resolves when everything enqueued so far is written (or has failed for good). */
  async flush(): Promise<void> {
    while (this.running) await this.running;
  }

  /** Stops retrying after a failure (shutdown): what cannot be written is rejected. */
  close(): void {
    this.closed = true;
  }

  private async drain(): Promise<void> {
    try {
      while (this.pending.length > 0) {
        await this.gather();
        const batch = this.pending.splice(0, this.options.maxRows);
        this.lastWriteAt = performance.now();
        await this.writeBatch(batch);
      }
    } finally {
      this.running = null;
    }
  }

  /** Lets the updates of the current tick — and, under load, of the rest of the interval — join the batch. */
  private async gather(): Promise<void> {
    const wait = this.lastWriteAt + (this.options.minIntervalMs ?? 0) - performance.now();
    if (wait >= 1 && this.pending.length < this.options.maxRows && !this.closed) {
      await new Promise<void>((resolve) => setTimeout(resolve, wait));
    } else {
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
  }

  private async writeBatch(batch: Pending[]): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      try {
        await this.write(batch);
        for (const row of batch) row.resolve();
        return;
      } catch (error) {
        if (isPermanent(error)) return this.writePerDocument(batch);
        if (this.closed) {
          for (const row of batch) row.reject(new DomainException('unavailable', 'The change could not be stored'));
          return;
        }
        this.logger.warn(`storing ${batch.length} update(s) failed, retrying: ${String(error)}`);
        const delay = Math.min(5000, this.options.retryDelayMs * 2 ** attempt);
        await new Promise((resolve) => setTimeout(resolve, delay));
      }
    }
  }

  private async writePerDocument(batch: Pending[]): Promise<void> {
    const byDocument = new Map<string, Pending[]>();
    for (const row of batch) byDocument.set(row.documentId, [...(byDocument.get(row.documentId) ?? []), row]);
    if (byDocument.size === 1) {
      for (const row of batch) row.reject(new DomainException('not_found', 'Document not found'));
      return;
    }
    for (const rows of byDocument.values()) await this.writeBatch(rows);
  }
}
