import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import * as Y from 'yjs';
import { firstText, stateVectorKey } from './client';
import { formatDiff, HeapDiffRow, diffSummaries, summarizeSnapshot } from './heap-diff';
import { Inspector, IsolateGcs, MemoryReading } from './inspector';
import { ACK_KIND, AckKind, makeClient, Protocol } from './protocols';
import { ApiServer, Diagnostics } from './server';
import {
  cpuByProcessName,
  cpuDelta,
  memoryMap,
  MemoryMap,
  nowMs,
  processCpuSeconds,
  processRssMiB,
  sleep,
  summarize,
  Summary,
} from './util';
import type { ClientResult, WorkerInput, WorkerOutput } from './worker-a';

export interface ScenarioAOptions {
  clients: number;
  documents: number;
  perSecond: number;
  durationS: number;
  workers: number;
  /** Steady state: past this many characters in the paragraph, clients delete as much as they insert (0: off, the text grows). */
  steadyMaxChars: number;
  /**
   * With a server started with diagnostics: where to write its heap snapshots (after the first
   * minute and at the end), or null for none (its memory is still read every 10 s).
   */
  heapDir: string | null;
}

/** The server's memory every 10 s (MiB), from its own `process.memoryUsage()`. */
export interface MemoryPoint extends MemoryReading {
  /** Seconds since the start of typing. */
  t: number;
}

/** Seconds waited after every client left: ours drops a document 30 s after its last client (evictAfterMs). */
export const AFTER_CLOSE_S = 40;

export interface LiveMemory extends MemoryReading {
  /** Seconds waited before the full GC. */
  waitedS: number;
  map: MemoryMap;
}

/** Waits `waitS`, has the server run a full GC, then reads its memory. */
async function liveMemory(inspector: Inspector, pid: number, waitS: number): Promise<LiveMemory> {
  await sleep(waitS * 1000);
  await inspector.collectGarbage();
  return { waitedS: waitS, ...(await inspector.memoryUsage()), map: memoryMap(pid) };
}

export interface HeapReport {
  snapshots: Array<{ file: string; t: number; takeMs: number; after: MemoryReading | null }>;
  /** Object kinds by growth between the two snapshots (shallow sizes). */
  diff: HeapDiffRow[];
  totalBytes: [number, number];
  objects: [number, number];
  text: string;
}

export interface ScenarioAResult {
  options: ScenarioAOptions;
  label: string;
  protocol: Protocol;
  /** What the answers timed in `ack` mean (only `durable` is an acknowledgement of storage). */
  ackKind: AckKind;
  stateful: boolean;
  ack: Summary;
  propagation: Summary;
  changesPerSecond: number;
  sent: number;
  acked: number;
  ackErrors: number;
  expectedArrivals: number;
  arrivals: number;
  serverCpuPercent: number;
  /** CPU of all PostgreSQL processes of the machine during the run (includes other users' sessions). */
  postgresCpuPercent: number;
  serverRssMiB: { start: number; peak: number; end: number };
  /** Server RSS every 10 s of the run: [seconds since the start of typing, MiB]. */
  rssSeries: Array<[number, number]>;
  /** With diagnostics: the server's process.memoryUsage() every 10 s. */
  memorySeries: MemoryPoint[];
  /** With diagnostics: the server's resident memory by kind of mapping every 10 s (see memoryMap). */
  memoryMapSeries: Array<MemoryMap & { t: number }>;
  /** With diagnostics: the server's heap after each full GC (--trace-gc): [seconds since the start of typing, MiB]. */
  liveHeapSeries: Array<[number, number]>;
  /** With diagnostics: the main-thread pause of each of those full GCs (ms). */
  fullGcPausesMs: number[];
  /**
   * With diagnostics: the server's memory after a full GC, before any client joined and
   * AFTER_CLOSE_S after they all left (a leak shows as the second above the first).
   */
  liveMemoryBefore: LiveMemory | null;
  liveMemoryAfterClose: LiveMemory | null;
  /** With diagnostics: the heaps of the server's worker threads (e.g. our compactor), since it started. */
  workerHeaps: IsolateGcs[];
  heap: HeapReport | null;
  /** Changes sent that were insertions and deletions (steady state; without it every change is an insertion). */
  inserted: number;
  deleted: number;
  expectedDeleteArrivals: number;
  deleteArrivals: number;
  /** Deletions that did not find all their characters (must be 0). */
  deleteMisses: number;
  /** Propagation of insertions only, and of deletions only (`propagation` is of both). */
  propagationInserts: Summary;
  propagationDeletes: Summary;
  /** With heap snapshots during the load: the propagation of changes sent more than 2 s away from their pauses. */
  propagationOutsidePauses: Summary | null;
  /** Characters of text per document at the end (min, max over the documents). */
  textLengthEnd: [number, number];
  elapsedS: number;
  generatorCpuPercent: number;
  convergedDocuments: number;
  freshJoinMatches: number;
  /** Propagation p99 per 10-second window of the run (by send time): shows when the tail happens. */
  propagationP99ByWindow: number[];
  /** The generator's longest event-loop delay per 10 s (ms, max over its workers): its share of the latency tail. */
  generatorLoopDelayMaxByWindow: number[];
  /** With diagnostics: the server's longest event-loop delay per 10 s (ms): its share. */
  serverLoopDelayMaxByWindow: number[];
}

/** Scenario A or C against our server: the documents are created through the REST API first. */
export async function scenarioA(
  server: ApiServer,
  token: string,
  cityId: string,
  options: ScenarioAOptions,
  name = 'A',
): Promise<ScenarioAResult> {
  const documentIds: string[] = [];
  for (let i = 0; i < options.documents; i++)
    documentIds.push(await server.createDocument(token, cityId, `Bench ${name} ${i}`));
  return runLoad(
    {
      label: 'Passerelle',
      protocol: 'passerelle',
      url: server.url,
      pid: server.pid,
      token,
      documentIds,
      stateful: true,
      diagnostics: server.diagnostics,
    },
    options,
  );
}

export interface LoadTarget {
  label: string;
  protocol: Protocol;
  url: string;
  pid: number;
  token: string;
  documentIds: string[];
  /** False for the relay: it keeps no document, so there is no paragraph to seed and no fresh joiner to compare with. */
  stateful: boolean;
  /** The server's inspector and GC trace, when started with diagnostics. */
  diagnostics?: Diagnostics | null;
}

type WorkerMessage = { type: string; message?: string; output?: WorkerOutput };

/**
 * The load of scenarios A and C against any server, each client speaking the server's protocol:
 * `clients` clients spread over `documents` documents, each typing `perSecond` changes a second.
 */
export async function runLoad(target: LoadTarget, options: ScenarioAOptions): Promise<ScenarioAResult> {
  const { token, documentIds, protocol } = target;
  const pid = target.pid;
  const diagnostics = target.diagnostics ?? null;
  const inspector = diagnostics ? new Inspector(diagnostics.inspectPort) : null;
  await inspector?.connect();
  try {
    // The live heap before any client joined, to compare with the one after they all left.
    const baseline = inspector ? await liveMemory(inspector, pid, 0) : null;
    // Give every document a paragraph with text, so that clients type into the same XmlText. The
    // seeders stay connected until every load client has joined: Hocuspocus in memory drops a
    // document when its last client leaves.
    const seeders = [];
    for (const documentId of target.stateful ? documentIds : []) {
      const seeder = makeClient(protocol, target.url, token, documentId);
      await seeder.connect();
      await seeder.join();
      if (!firstText(seeder.doc)) {
        const res = await seeder.change(() => {
          const paragraph = new Y.XmlElement('paragraph');
          paragraph.insert(0, [new Y.XmlText('bench ')]);
          seeder.doc.getXmlFragment('default').insert(0, [paragraph]);
        });
        if (res && !res.ok) throw new Error('could not seed a paragraph');
      }
      seeders.push(seeder);
    }
    if (protocol === 'y-websocket') await sleep(500); // no answer to wait for: let the server apply the seeds

    const maxSeq = Math.ceil(options.durationS * options.perSecond) + 10;
    const sendTimes = new SharedArrayBuffer(8 * options.clients * maxSeq);
    const tokenClocks = new SharedArrayBuffer(options.steadyMaxChars > 0 ? 8 * options.clients * maxSeq : 8);
    new Float64Array(tokenClocks).fill(Infinity);
    const deleteTimes = new SharedArrayBuffer(options.steadyMaxChars > 0 ? 8 * options.clients * maxSeq : 8);
    const yClientIds = new SharedArrayBuffer(8 * options.clients);
    const assignments = Array.from({ length: options.clients }, (_, clientId) => ({
      clientId,
      documentId: documentIds[clientId % documentIds.length],
    }));
    const workers = Array.from({ length: options.workers }, (_, w) => {
      const input: WorkerInput = {
        protocol,
        url: target.url,
        token,
        clients: assignments.filter((a) => a.clientId % options.workers === w),
        sendTimes,
        maxSeq,
        intervalMs: 1000 / options.perSecond,
        steadyMaxChars: options.steadyMaxChars,
        tokenClocks,
        deleteTimes,
        yClientIds,
      };
      return new Worker(join(__dirname, 'worker-a.js'), { workerData: input });
    });
    const next = (worker: Worker, type: string) =>
      new Promise<unknown>((resolve, reject) => {
        worker.once('error', reject);
        worker.once('message', (msg: WorkerMessage) => {
          if (msg.type === 'error') reject(new Error(msg.message));
          else if (msg.type !== type) reject(new Error(`expected ${type}, got ${msg.type}`));
          else resolve(msg.output);
        });
      });
    await Promise.all(workers.map((w) => next(w, 'ready')));
    for (const seeder of seeders) seeder.close();
    console.log(
      `  ${target.label}: ${options.clients} clients joined ${options.documents} documents; typing for ${options.durationS} s`,
    );

    const memorySeries: MemoryPoint[] = [];
    const memoryMapSeries: ScenarioAResult['memoryMapSeries'] = [];
    const serverLoopDelayMaxByWindow: number[] = [];
    const readMemory = async (t: number) => {
      if (!inspector) return;
      if (t > 0) serverLoopDelayMaxByWindow.push(await inspector.loopDelayMax());
      memoryMapSeries.push({ t, ...memoryMap(pid) });
      memorySeries.push({ t, ...(await inspector.memoryUsage()) });
    };
    const snapshots: HeapReport['snapshots'] = [];
    /** When the server was paused by a snapshot during the load (nowMs). */
    const pauses: Array<[number, number]> = [];
    const heapDir = inspector && options.heapDir ? options.heapDir : null;
    if (heapDir) mkdirSync(heapDir, { recursive: true });
    const snapshot = async (name: string, t: number) => {
      if (!inspector || !heapDir) return;
      const file = join(heapDir, `${target.label.replace(/[^A-Za-z0-9]+/g, '-').toLowerCase()}-${name}.heapsnapshot`);
      const started = nowMs();
      await inspector.heapSnapshot(file);
      pauses.push([started, nowMs()]);
      const takeMs = Math.round(nowMs() - started);
      const after = await inspector.memoryUsage();
      snapshots.push({ file, t, takeMs, after });
      console.log(
        `  heap snapshot at ${t.toFixed(0)} s: ${file} (${takeMs} ms, server paused meanwhile; after it heapUsed ${after.heapUsed.toFixed(1)} MiB, RSS ${after.rss.toFixed(0)} MiB)`,
      );
    };
    const rssStart = processRssMiB(pid);
    let rssPeak = rssStart;
    const rssSeries: Array<[number, number]> = [[0, rssStart]];
    await readMemory(0);
    const cpu0 = processCpuSeconds(pid);
    const pg0 = cpuByProcessName('postgres');
    const gen0 = process.cpuUsage();
    const t0 = Date.now();
    const go = nowMs();
    const done = workers.map((w) => next(w, 'done') as Promise<WorkerOutput>);
    await inspector?.startLoopDelay();
    for (const w of workers) w.postMessage('go');
    let tick = 0;
    while (Date.now() - t0 < options.durationS * 1000) {
      await sleep(Math.max(0, t0 + ++tick * 1000 - Date.now()));
      const rss = processRssMiB(pid);
      rssPeak = Math.max(rssPeak, rss);
      if (tick % 10 === 0) {
        rssSeries.push([tick, rss]);
        await readMemory(tick);
      }
      // The first snapshot once warm (taken after that second's readings; it pauses the server for seconds).
      if (tick === 60 && options.durationS >= 120) await snapshot('060s', tick);
    }
    const elapsedS = (Date.now() - t0) / 1000;
    const serverCpu = processCpuSeconds(pid) - cpu0;
    const postgresCpu = cpuDelta(pg0, cpuByProcessName('postgres'));
    const gen = process.cpuUsage(gen0);
    for (const w of workers) w.postMessage('stop');
    const outputs = await Promise.all(done);
    const rssEnd = processRssMiB(pid);
    // The last one with every client still connected, the load over (the workers waited 3 s for the last updates).
    if (snapshots.length > 0) await snapshot('end', (Date.now() - t0) / 1000);

    const results: ClientResult[] = outputs.flatMap((o) => o.clients);
    const expected = (f: (r: ClientResult) => number) => {
      const byDoc = new Map<string, number>();
      for (const r of results) byDoc.set(r.documentId, (byDoc.get(r.documentId) ?? 0) + f(r));
      return results.reduce((n, r) => n + byDoc.get(r.documentId)! - f(r), 0);
    };
    const expectedArrivals = expected((r) => r.inserted);
    const expectedDeleteArrivals = expected((r) => r.deleted);

    // Convergence: every client of a document ends with the same state, equal to that of a fresh
    // client joining now (the load clients are still connected, so every server still holds it).
    let convergedDocuments = 0;
    let freshJoinMatches = 0;
    for (const documentId of documentIds) {
      const mine = results.filter((r) => r.documentId === documentId);
      const same = mine.every((r) => r.stateVector === mine[0].stateVector && r.content === mine[0].content);
      if (same) convergedDocuments++;
      if (!target.stateful) continue;
      const fresh = makeClient(protocol, target.url, token, documentId);
      await fresh.connect();
      await fresh.join();
      if (
        stateVectorKey(fresh.doc) === mine[0].stateVector &&
        fresh.doc.getXmlFragment('default').toString() === mine[0].content
      ) {
        freshJoinMatches++;
      }
      fresh.close();
    }
    const closed = workers.map((w) => next(w, 'closed'));
    for (const w of workers) w.postMessage('close');
    await Promise.all(closed);
    await Promise.all(workers.map((w) => w.terminate()));
    // Every client gone: after the documents are dropped from memory (ours: 30 s after the last
    // leave), whatever the load added should be garbage.
    const afterClose = inspector ? await liveMemory(inspector, pid, AFTER_CLOSE_S) : null;

    const sum = (f: (r: ClientResult) => number) => results.reduce((n, r) => n + f(r), 0);
    const concat = (f: (o: WorkerOutput) => Float64Array) => {
      const all: number[] = [];
      for (const o of outputs) for (const v of f(o)) all.push(v);
      return all;
    };
    const windows: number[][] = [];
    const byKind: [number[], number[]] = [[], []];
    const outsidePauses: number[] = [];
    for (const o of outputs) {
      o.propagation.forEach((latency, i) => {
        const sentAt = o.propagationSentAt[i];
        const w = Math.max(0, Math.floor((sentAt - go) / 10_000));
        (windows[w] ??= []).push(latency);
        byKind[o.propagationIsDelete[i]].push(latency);
        if (!pauses.some(([from, to]) => sentAt > from - 2000 && sentAt < to + 2000)) outsidePauses.push(latency);
      });
    }
    let heap: HeapReport | null = null;
    if (snapshots.length === 2) {
      const [before, after] = snapshots.map((s) => summarizeSnapshot(s.file));
      heap = {
        snapshots,
        diff: diffSummaries(before, after, 40),
        totalBytes: [before.totalBytes, after.totalBytes],
        objects: [before.nodes, after.nodes],
        text: formatDiff(before, after, 30),
      };
    }
    const fullGcs = (diagnostics?.gcTrace.fullGcs ?? [])
      .map((g) => ({ ...g, t: (diagnostics!.spawnedAt + g.atMs - t0) / 1000 }))
      .filter(({ t }) => t >= 0 && t <= elapsedS);
    const liveHeapSeries = fullGcs.map((g): [number, number] => [g.t, g.afterMiB]);
    const lengths = documentIds.map((id) => results.find((r) => r.documentId === id)?.textLength ?? 0);
    const ackKind = ACK_KIND[protocol];
    const answered = ackKind === 'none' ? sum((r) => r.sent) : sum((r) => r.acked);
    return {
      label: target.label,
      protocol,
      ackKind,
      propagationP99ByWindow: Array.from(windows, (w) => summarize(w ?? []).p99),
      serverLoopDelayMaxByWindow,
      generatorLoopDelayMaxByWindow: Array.from(
        { length: Math.max(...outputs.map((o) => o.loopDelayMaxByWindow.length)) },
        (_, i) => Math.max(...outputs.map((o) => o.loopDelayMaxByWindow[i] ?? 0)),
      ),
      options,
      stateful: target.stateful,
      ack: summarize(concat((o) => o.ack)),
      propagation: summarize(concat((o) => o.propagation)),
      changesPerSecond: answered / elapsedS,
      sent: sum((r) => r.sent),
      acked: sum((r) => r.acked),
      ackErrors: sum((r) => r.ackErrors),
      expectedArrivals,
      arrivals: sum((r) => r.received),
      serverCpuPercent: (serverCpu / elapsedS) * 100,
      postgresCpuPercent: (postgresCpu / elapsedS) * 100,
      serverRssMiB: { start: rssStart, peak: rssPeak, end: rssEnd },
      rssSeries,
      memorySeries,
      memoryMapSeries,
      liveHeapSeries,
      fullGcPausesMs: fullGcs.map((g) => g.pauseMs),
      workerHeaps: [...(diagnostics?.gcTrace.others.values() ?? [])],
      heap,
      liveMemoryBefore: baseline,
      liveMemoryAfterClose: afterClose,
      inserted: sum((r) => r.inserted),
      deleted: sum((r) => r.deleted),
      expectedDeleteArrivals,
      deleteArrivals: sum((r) => r.receivedDeletes),
      deleteMisses: sum((r) => r.deleteMisses),
      propagationInserts: summarize(byKind[0]),
      propagationDeletes: summarize(byKind[1]),
      textLengthEnd: [Math.min(...lengths), Math.max(...lengths)],
      propagationOutsidePauses: pauses.length > 0 ? summarize(outsidePauses) : null,
      elapsedS,
      generatorCpuPercent: ((gen.user + gen.system) / 1e6 / elapsedS) * 100,
      convergedDocuments,
      freshJoinMatches,
    };
  } finally {
    await inspector?.close();
  }
}
