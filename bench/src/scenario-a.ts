import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import * as Y from 'yjs';
import { firstText, stateVectorKey } from './client';
import { ACK_KIND, AckKind, makeClient, Protocol } from './protocols';
import { ApiServer } from './server';
import { cpuByProcessName, cpuDelta, nowMs, processCpuSeconds, processRssMiB, sleep, summarize, Summary } from './util';
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
  elapsedS: number;
  generatorCpuPercent: number;
  convergedDocuments: number;
  freshJoinMatches: number;
  /** Propagation p99 per 10-second window of the run (by send time): shows when the tail happens. */
  propagationP99ByWindow: number[];
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
}

type WorkerMessage = { type: string; message?: string; output?: WorkerOutput };

/**
 * The load of scenarios A and C against any server, each client speaking the server's protocol:
 * `clients` clients spread over `documents` documents, each typing `perSecond` changes a second.
 */
export async function runLoad(target: LoadTarget, options: ScenarioAOptions): Promise<ScenarioAResult> {
  const { token, documentIds, protocol } = target;
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

  const pid = target.pid;
  const rssStart = processRssMiB(pid);
  let rssPeak = rssStart;
  const rssSeries: Array<[number, number]> = [[0, rssStart]];
  const cpu0 = processCpuSeconds(pid);
  const pg0 = cpuByProcessName('postgres');
  const gen0 = process.cpuUsage();
  const t0 = Date.now();
  const go = nowMs();
  const done = workers.map((w) => next(w, 'done') as Promise<WorkerOutput>);
  for (const w of workers) w.postMessage('go');
  let tick = 0;
  while (Date.now() - t0 < options.durationS * 1000) {
    await sleep(Math.max(0, t0 + ++tick * 1000 - Date.now()));
    const rss = processRssMiB(pid);
    rssPeak = Math.max(rssPeak, rss);
    if (tick % 10 === 0) rssSeries.push([tick, rss]);
  }
  const elapsedS = (Date.now() - t0) / 1000;
  const serverCpu = processCpuSeconds(pid) - cpu0;
  const postgresCpu = cpuDelta(pg0, cpuByProcessName('postgres'));
  const gen = process.cpuUsage(gen0);
  for (const w of workers) w.postMessage('stop');
  const outputs = await Promise.all(done);
  const rssEnd = processRssMiB(pid);

  const results: ClientResult[] = outputs.flatMap((o) => o.clients);
  const sentByDoc = new Map<string, number>();
  for (const r of results) sentByDoc.set(r.documentId, (sentByDoc.get(r.documentId) ?? 0) + r.sent);
  let expectedArrivals = 0;
  for (const r of results) expectedArrivals += sentByDoc.get(r.documentId)! - r.sent;

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
  const ackKind = ACK_KIND[protocol];
  const answered = ackKind === 'none' ? sum((r) => r.sent) : sum((r) => r.acked);
  return {
    label: target.label,
    protocol,
    ackKind,
    propagationP99ByWindow: Array.from(windows, (w) => summarize(w ?? []).p99),
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
    elapsedS,
    generatorCpuPercent: ((gen.user + gen.system) / 1e6 / elapsedS) * 100,
    convergedDocuments,
    freshJoinMatches,
  };
}
