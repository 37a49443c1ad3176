import { Worker } from 'node:worker_threads';

// Folds a snapshot and updates into one compact state through a garbage-collected Y.Doc, which
// drops the content of deleted text (merging updates alone would keep it). The parts are applied
// one by one in one transaction: Y.mergeUpdates of 10,000 small updates takes seconds, applying
// them a fraction of that. Plain JavaScript evaluated in the worker, so that it runs the same
// under ts-jest and compiled.
const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const Y = require(${JSON.stringify(require.resolve('yjs'))});
parentPort.on('message', ({ id, parts }) => {
  try {
    const doc = new Y.Doc({ gc: true });
    doc.transact(() => {
      for (const part of parts) Y.applyUpdate(doc, part);
    });
    const state = Y.encodeStateAsUpdate(doc);
    const stateVector = Y.encodeStateVector(doc);
    doc.destroy();
    parentPort.postMessage({ id, state, stateVector }, [state.buffer, stateVector.buffer]);
  } catch (error) {
    parentPort.postMessage({ id, error: String(error && error.message || error) });
  }
});
`;

/** A folded document: its whole state as one update, and its state vector (of what is integrated). */
export interface Folded {
  state: Uint8Array;
  stateVector: Uint8Array;
}

type Job = { resolve(folded: Folded): void; reject(error: Error): void };

/**
 * Runs `compactState` on a worker thread: folding even a few hundred updates of a template-sized
 * document takes ~10 ms, thousands of a long one hundreds of milliseconds — on the main thread
 * that would stall the fan-out of every editor of every document.
 *
 * The worker is started on the first job and stopped once it has had none for `idleMs`: compactions
 * come in bursts (documents that fall quiet, or leave memory), and an idle worker holds its own heap
 * (tens of MiB of resident memory after a busy spell) for nothing.
 */
export class Compactor {
  private worker: Worker | null = null;
  private readonly jobs = new Map<number, Job>();
  private nextId = 1;
  private idleTimer: NodeJS.Timeout | null = null;

  constructor(private readonly idleMs = 30_000) {}

  /** Whether the worker thread exists (started, not yet stopped for idleness). */
  get running(): boolean {
    return this.worker !== null;
  }

  compact(parts: readonly Uint8Array[]): Promise<Folded> {
    return new Promise((resolve, reject) => {
      const id = this.nextId++;
      this.jobs.set(id, { resolve, reject });
      this.cancelIdleTimer();
      const worker = this.ensureWorker();
      worker.ref();
      worker.postMessage({ id, parts: parts.map((p) => p.slice()) });
    });
  }

  async close(): Promise<void> {
    this.cancelIdleTimer();
    const worker = this.worker;
    this.worker = null;
    for (const job of this.jobs.values()) job.reject(new Error('compactor closed'));
    this.jobs.clear();
    if (worker) await worker.terminate();
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(WORKER_SOURCE, { eval: true });
    worker.on('message', (message: { id: number; state?: Uint8Array; stateVector?: Uint8Array; error?: string }) => {
      const job = this.jobs.get(message.id);
      if (!job) return;
      this.jobs.delete(message.id);
      if (this.jobs.size === 0) {
        worker.unref();
        this.stopWhenIdle(worker);
      }
      if (message.state && message.stateVector)
        job.resolve({ state: new Uint8Array(message.state), stateVector: new Uint8Array(message.stateVector) });
      else job.reject(new Error(message.error ?? 'compaction failed'));
    });
    worker.on('error', (error) => this.fail(worker, error));
    worker.on('exit', () => this.fail(worker, new Error('compaction worker exited')));
    this.worker = worker;
    return worker;
  }

  private stopWhenIdle(worker: Worker): void {
    this.cancelIdleTimer();
    this.idleTimer = setTimeout(() => {
      this.idleTimer = null;
      if (this.worker !== worker || this.jobs.size > 0) return;
      this.worker = null;
      void worker.terminate();
    }, this.idleMs);
    this.idleTimer.unref();
  }

  private cancelIdleTimer(): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
  }

  private fail(worker: Worker, error: Error): void {
    if (this.worker !== worker) return;
    this.worker = null;
    for (const job of this.jobs.values()) job.reject(error);
    this.jobs.clear();
  }
}
