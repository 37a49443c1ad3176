import { createWriteStream } from 'node:fs';
import WebSocket from 'ws';
import { sleep } from './util';

/** `process.memoryUsage()` of the server, in MiB. */
export interface MemoryReading {
  rss: number;
  heapTotal: number;
  heapUsed: number;
  external: number;
  arrayBuffers: number;
}

type Pending = { resolve(result: unknown): void; reject(error: Error): void };

/**
 * A client of the V8 inspector of a server started with `--inspect=127.0.0.1:<port>`: reads its
 * `process.memoryUsage()` and takes heap snapshots, without any change to the server's code.
 * Only the Runtime and HeapProfiler methods below are used (the Debugger domain is never enabled,
 * so the server's code runs as without the inspector).
 */
export class Inspector {
  private ws: WebSocket | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private onChunk: ((chunk: string) => void) | null = null;

  constructor(private readonly port: number) {}

  async connect(): Promise<void> {
    let targets: Array<{ webSocketDebuggerUrl: string }> = [];
    for (let attempt = 0; attempt < 50 && targets.length === 0; attempt++) {
      try {
        targets = (await (await fetch(`http://127.0.0.1:${this.port}/json/list`)).json()) as typeof targets;
      } catch {
        await sleep(100);
      }
    }
    if (!targets[0]) throw new Error(`no inspector target on port ${this.port}`);
    const ws = new WebSocket(targets[0].webSocketDebuggerUrl, { perMessageDeflate: false, maxPayload: 0 });
    this.ws = ws;
    ws.on('message', (data) => this.receive(String(data)));
    ws.on('close', () => {
      for (const p of this.pending.values()) p.reject(new Error('inspector closed'));
      this.pending.clear();
    });
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
    });
  }

  /** The server's `process.memoryUsage()` in MiB (evaluated on its main thread, between two of its tasks). */
  async memoryUsage(): Promise<MemoryReading> {
    const res = (await this.call('Runtime.evaluate', {
      expression: 'JSON.stringify(process.memoryUsage())',
      returnByValue: true,
    })) as { result: { value: string } };
    const raw = JSON.parse(res.result.value) as Record<keyof MemoryReading, number>;
    const mib = (n: number) => n / 1024 / 1024;
    return {
      rss: mib(raw.rss),
      heapTotal: mib(raw.heapTotal),
      heapUsed: mib(raw.heapUsed),
      external: mib(raw.external),
      arrayBuffers: mib(raw.arrayBuffers),
    };
  }

  /** Starts measuring the server's event-loop delay (a perf_hooks histogram in the server, 10 ms resolution). */
  async startLoopDelay(): Promise<void> {
    await this.call('Runtime.evaluate', {
      expression:
        'globalThis.__benchLoopDelay = require("node:perf_hooks").monitorEventLoopDelay({ resolution: 10 }); __benchLoopDelay.enable();',
      includeCommandLineAPI: true, // `require`
    });
  }

  /** The server's longest event-loop delay (ms) since the last call; the histogram restarts. */
  async loopDelayMax(): Promise<number> {
    const res = (await this.call('Runtime.evaluate', {
      expression: '(() => { const max = __benchLoopDelay.max / 1e6; __benchLoopDelay.reset(); return max; })()',
      returnByValue: true,
    })) as { result: { value: number } };
    return res.result.value;
  }

  /** A full GC of the server (pauses it for as long). */
  async collectGarbage(): Promise<void> {
    await this.call('HeapProfiler.collectGarbage', {});
  }

  /** Writes a heap snapshot (V8 runs a full GC first) to `file`; resolves once it is written. Pauses the server meanwhile. */
  async heapSnapshot(file: string): Promise<void> {
    const out = createWriteStream(file);
    this.onChunk = (chunk) => out.write(chunk);
    try {
      await this.call('HeapProfiler.enable', {});
      await this.call('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
      // Disabling drops the object ids V8 keeps from a snapshot on (native memory, updated at every GC).
      await this.call('HeapProfiler.disable', {});
    } finally {
      this.onChunk = null;
      await new Promise<void>((resolve, reject) =>
        out.end((error?: Error | null) => (error ? reject(error) : resolve())),
      );
    }
  }

  /** Closes the session and waits for it to end (a server stopped with a session open waits for the debugger). */
  async close(): Promise<void> {
    const ws = this.ws;
    this.ws = null;
    if (!ws || ws.readyState === WebSocket.CLOSED) return;
    const closed = new Promise<void>((resolve) => ws.once('close', () => resolve()));
    ws.close();
    await Promise.race([closed, sleep(2000)]);
  }

  private call(method: string, params: object): Promise<unknown> {
    const ws = this.ws;
    if (!ws) return Promise.reject(new Error('inspector not connected'));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      ws.send(JSON.stringify({ id, method, params }));
    });
  }

  private receive(text: string): void {
    const msg = JSON.parse(text) as {
      id?: number;
      method?: string;
      params?: { chunk?: string };
      result?: unknown;
      error?: { message: string };
    };
    if (msg.method === 'HeapProfiler.addHeapSnapshotChunk' && msg.params?.chunk !== undefined) {
      this.onChunk?.(msg.params.chunk);
      return;
    }
    if (msg.id === undefined) return;
    const pending = this.pending.get(msg.id);
    if (!pending) return;
    this.pending.delete(msg.id);
    if (msg.error) pending.reject(new Error(`inspector: ${msg.error.message}`));
    else pending.resolve(msg.result);
  }
}

/** One full (mark-compact) GC of the server's main isolate, from `--trace-gc`: heap after it, in MiB. */
export interface FullGc {
  /** Milliseconds since the isolate started (V8's clock of the trace). */
  atMs: number;
  beforeMiB: number;
  afterMiB: number;
  /** Main-thread pause (the first of V8's two figures). */
  pauseMs: number;
}

/** The GCs of one of the server's other isolates (worker threads), from `--trace-gc` (MiB). */
export interface IsolateGcs {
  isolate: string;
  gcs: number;
  fullGcs: number;
  /** The most its heap held (just before a GC). */
  peakUsedMiB: number;
  /** The most memory its heap had committed (after a GC). */
  peakCommittedMiB: number;
  /** Heap after each of its full GCs (its live heap). */
  afterFullGcMiB: number[];
}

/**
 * Reads `--trace-gc` lines from the server's stdout. Keeps the mark-compacts of the first isolate
 * seen (the main thread): the heap after each full GC is the live heap, its trend the cleanest sign
 * of a leak, at no cost to the server. The other isolates (worker threads, whose heaps count in RSS
 * but not in the main thread's process.memoryUsage()) are summed up in `others`.
 */
export class GcTrace {
  readonly fullGcs: FullGc[] = [];
  readonly others = new Map<string, IsolateGcs>();
  private isolate: string | null = null;
  private rest = '';

  feed(chunk: string): void {
    const lines = (this.rest + chunk).split('\n');
    this.rest = lines.pop() ?? '';
    for (const line of lines) {
      // [1234:0x5d1e3c0]    61234 ms: Mark-Compact 180.2 (195.4) -> 150.1 (190.0) MB, 33.84 / 0.00 ms …
      const m =
        /^\[\d+:(0x[0-9a-f]+)\]\s+(\d+) ms: (\S+(?: \(reduce\))?) ([\d.]+) \([\d.]+\) -> ([\d.]+) \(([\d.]+)\) MB, ([\d.]+)/.exec(
          line,
        );
      if (!m) continue;
      const [, isolate, atMs, kind, before, after, committed, pause] = m;
      const full = kind.startsWith('Mark-Compact');
      this.isolate ??= isolate;
      if (isolate !== this.isolate) {
        const other = this.others.get(isolate) ?? {
          isolate,
          gcs: 0,
          fullGcs: 0,
          peakUsedMiB: 0,
          peakCommittedMiB: 0,
          afterFullGcMiB: [],
        };
        other.gcs++;
        other.peakUsedMiB = Math.max(other.peakUsedMiB, Number(before));
        other.peakCommittedMiB = Math.max(other.peakCommittedMiB, Number(committed));
        if (full) {
          other.fullGcs++;
          other.afterFullGcMiB.push(Number(after));
        }
        this.others.set(isolate, other);
        continue;
      }
      if (!full) continue;
      this.fullGcs.push({
        atMs: Number(atMs),
        beforeMiB: Number(before),
        afterMiB: Number(after),
        pauseMs: Number(pause),
      });
    }
  }
}
