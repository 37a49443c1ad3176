import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import * as Y from 'yjs';
import { firstText, RawClient, stateVectorKey } from './client';
import { ApiServer } from './server';
import { nowMs, processCpuSeconds, processRssMiB, sleep, summarize, Summary } from './util';
import type { ClientResult, WorkerInput, WorkerOutput } from './worker-a';

export interface ScenarioAOptions {
  clients: number;
  documents: number;
  perSecond: number;
  durationS: number;
  workers: number;
}

export interface ScenarioAResult {
  options: ScenarioAOptions;
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
  serverRssMiB: { start: number; peak: number; end: number };
  generatorCpuPercent: number;
  convergedDocuments: number;
  freshJoinMatches: number;
  /** Propagation p99 per 10-second window of the run (by send time): shows when the tail happens. */
  propagationP99ByWindow: number[];
}

/** 200 clients on 40 documents typing 2 changes a second (issue 3, "Benchmark"). */
export async function scenarioA(
  server: ApiServer,
  token: string,
  cityId: string,
  options: ScenarioAOptions,
): Promise<ScenarioAResult> {
  const documentIds: string[] = [];
  for (let i = 0; i < options.documents; i++)
    documentIds.push(await server.createDocument(token, cityId, `Bench A ${i}`));
  return runLoad({ url: server.url, pid: server.pid, token, documentIds, stateful: true }, options);
}

export interface LoadTarget {
  url: string;
  pid: number;
  token: string;
  documentIds: string[];
  /** False for the relay: it keeps no document, so there is no paragraph to seed and no fresh joiner to compare with. */
  stateful: boolean;
}

/** The load of scenario A against any server speaking the collaboration socket. */
export async function runLoad(target: LoadTarget, options: ScenarioAOptions): Promise<ScenarioAResult> {
  const server = target;
  const { token, documentIds } = target;
  // Give every document a paragraph with text, so that clients type into the same XmlText.
  for (const documentId of target.stateful ? documentIds : []) {
    const seeder = new RawClient(server.url, token, documentId);
    await seeder.connect();
    await seeder.join();
    if (!firstText(seeder.doc)) {
      const res = await seeder.change(() => {
        const paragraph = new Y.XmlElement('paragraph');
        paragraph.insert(0, [new Y.XmlText('bench ')]);
        seeder.doc.getXmlFragment('default').insert(0, [paragraph]);
      });
      if (!res.ok) throw new Error('could not seed a paragraph');
    }
    seeder.close();
  }

  const maxSeq = Math.ceil(options.durationS * options.perSecond) + 10;
  const sendTimes = new SharedArrayBuffer(8 * options.clients * maxSeq);
  const assignments = Array.from({ length: options.clients }, (_, clientId) => ({
    clientId,
    documentId: documentIds[clientId % documentIds.length],
  }));
  const workers = Array.from({ length: options.workers }, (_, w) => {
    const input: WorkerInput = {
      url: server.url,
      token,
      clients: assignments.filter((a) => a.clientId % options.workers === w),
      sendTimes,
      maxSeq,
      intervalMs: 1000 / options.perSecond,
    };
    return new Worker(join(__dirname, 'worker-a.js'), { workerData: input });
  });
  const next = (worker: Worker, type: string) =>
    new Promise<unknown>((resolve, reject) => {
      worker.once('error', reject);
      worker.once('message', (msg: { type: string; message?: string; output?: WorkerOutput }) => {
        if (msg.type === 'error') reject(new Error(msg.message));
        else if (msg.type !== type) reject(new Error(`expected ${type}, got ${msg.type}`));
        else resolve(msg.output);
      });
    });
  await Promise.all(workers.map((w) => next(w, 'ready')));
  console.log(`  ${options.clients} clients joined ${options.documents} documents; typing for ${options.durationS} s`);

  const pid = server.pid;
  const rssStart = processRssMiB(pid);
  let rssPeak = rssStart;
  const cpu0 = processCpuSeconds(pid);
  const gen0 = process.cpuUsage();
  const t0 = Date.now();
  const go = nowMs();
  const done = workers.map((w) => next(w, 'done') as Promise<WorkerOutput>);
  for (const w of workers) w.postMessage('go');
  while (Date.now() - t0 < options.durationS * 1000) {
    await sleep(1000);
    rssPeak = Math.max(rssPeak, processRssMiB(pid));
  }
  const elapsedS = (Date.now() - t0) / 1000;
  const serverCpu = processCpuSeconds(pid) - cpu0;
  const gen = process.cpuUsage(gen0);
  for (const w of workers) w.postMessage('stop');
  const outputs = await Promise.all(done);
  const rssEnd = processRssMiB(pid);
  await Promise.all(workers.map((w) => w.terminate()));

  const results: ClientResult[] = outputs.flatMap((o) => o.clients);
  const sentByDoc = new Map<string, number>();
  for (const r of results) sentByDoc.set(r.documentId, (sentByDoc.get(r.documentId) ?? 0) + r.sent);
  let expectedArrivals = 0;
  for (const r of results) expectedArrivals += sentByDoc.get(r.documentId)! - r.sent;

  // Convergence: every client of a document ends with the same state, equal to a fresh joiner's.
  let convergedDocuments = 0;
  let freshJoinMatches = 0;
  for (const documentId of documentIds) {
    const mine = results.filter((r) => r.documentId === documentId);
    const same = mine.every((r) => r.stateVector === mine[0].stateVector && r.content === mine[0].content);
    if (same) convergedDocuments++;
    if (!target.stateful) continue;
    const fresh = new RawClient(server.url, token, documentId);
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

  const sum = (f: (r: ClientResult) => number) => results.reduce((n, r) => n + f(r), 0);
  const concat = (f: (o: WorkerOutput) => Float64Array) => {
    const all: number[] = [];
    for (const o of outputs) for (const v of f(o)) all.push(v);
    return all;
  };
  const windows: number[][] = [];
  for (const o of outputs) {
    o.propagation.forEach((latency, i) => {
      const w = Math.max(0, Math.floor((o.propagationSentAt[i] - go) / 10_000));
      (windows[w] ??= []).push(latency);
    });
  }
  return {
    propagationP99ByWindow: Array.from(windows, (w) => summarize(w ?? []).p99),
    options,
    stateful: target.stateful,
    ack: summarize(concat((o) => o.ack)),
    propagation: summarize(concat((o) => o.propagation)),
    changesPerSecond: sum((r) => r.acked) / elapsedS,
    sent: sum((r) => r.sent),
    acked: sum((r) => r.acked),
    ackErrors: sum((r) => r.ackErrors),
    expectedArrivals,
    arrivals: sum((r) => r.received),
    serverCpuPercent: (serverCpu / elapsedS) * 100,
    serverRssMiB: { start: rssStart, peak: rssPeak, end: rssEnd },
    generatorCpuPercent: ((gen.user + gen.system) / 1e6 / elapsedS) * 100,
    convergedDocuments,
    freshJoinMatches,
  };
}
