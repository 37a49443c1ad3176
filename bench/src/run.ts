import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { LiveMemory, runLoad, scenarioA, ScenarioAOptions, ScenarioAResult } from './scenario-a';
import { scenarioB, scenarioBHocuspocus, ScenarioBPeerResult, ScenarioBResult } from './scenario-b';
import { scenarioD, ScenarioDResult } from './scenario-d';
import {
  ApiServer,
  BenchDatabase,
  PeerServer,
  ROOT,
  SERVER_KINDS,
  SERVER_LABEL,
  SERVER_PROTOCOL,
  ServerKind,
} from './server';
import { fmt, MemoryMap, sleep } from './util';

const USAGE = `npm run bench -w @passerelle/bench -- [options]
  --only a,c,b,d        scenarios to run (default all, in the order a, c, b, d):
                        a: --clients on --documents documents; c: --c-clients on one document;
                        b: opening the long-history document; d: REST list and search under load (ours only)
  --servers LIST        for a and c (default ${SERVER_KINDS.join(',')}); b runs ours and hocuspocus-pg
  --reverse             run the servers in the reverse order (run twice, once each way: the machine drifts)
  --duration 60         seconds of typing in a and c      --rate 2       changes a second per client
  --clients 200         clients in a                      --documents 40 documents in a
  --c-clients 100       clients on the one document of c  --workers 2    worker threads of the generator
  --updates 10000       stored updates of the trace (b)   --b-documents 3
  --d-documents 10000   documents inserted for d          --d-duration 10  seconds per endpoint and concurrency
  --d-connections 1,10  concurrent connections for d
  --soak                a 10-minute run of a against Passerelle only (--duration 600 unless given; other servers
                        with --servers), RSS every 10 s. Without --steady the documents only grow (insertions).
  --steady              steady state (a and c, soak or not): once a document's paragraph is longer than --max-chars,
                        each change of a client deletes one of its own earlier insertions (chosen at random, ~10
                        characters, like an insertion) instead of inserting; still --rate changes/s per client, so the
                        text stays near --max-chars. Deletions are timed and counted like insertions (propagation of
                        both together, and of each apart; arrivals of deletions counted apart); convergence compares
                        the final texts, deletions included
  --max-chars 2000      the length the paragraph is held at with --steady
  --heap                start the servers with the V8 inspector and --trace-gc: their process.memoryUsage() every
                        10 s, the heap after each full GC and its pause (cost to the server: negligible)
  --snapshots           --heap, and (runs of 120 s or more) heap snapshots after the first minute and at the end,
                        diffed by constructor (files in bench/results/heap-<time>/). A snapshot pauses the server for
                        seconds (latencies outside the pause are printed apart) and leaves RSS ~200 MiB higher (freed
                        to malloc, not to the system): read RSS from a run without --snapshots. Diff any two
                        snapshots: node bench/dist/heap-diff.js BEFORE.heapsnapshot AFTER.heapsnapshot [top]
  --cpu-prof            start our server with --cpu-prof (profiles in bench/results/prof-<time>/)
  --out FILE            where to write the JSON of the results (default bench/results/run-<time>.json)
Needs the API built (npx tsc -b libs/domain libs/content libs/collab apps/api) and PostgreSQL at BENCH_PG_URL
(default postgres://postgres@127.0.0.1:5432/postgres).`;

const loadAverage = () =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');

const ACK_MEANING = {
  durable: 'ack (durable: committed to PostgreSQL)',
  applied: 'SyncStatus (applied in memory, NOT stored)',
  received: 'ack (relay: at once, nothing stored)',
  none: 'no answer',
} as const;

function printA(r: ScenarioAResult, title: string): void {
  const o = r.options;
  const steady = o.steadyMaxChars > 0 ? `, steady state at ${o.steadyMaxChars} characters` : '';
  console.log(
    `\n${title} — ${r.label}: ${o.clients} clients, ${o.documents} documents, ${o.perSecond} changes/s each${steady}, ${o.durationS} s (load average ${loadAverage()})`,
  );
  if (r.ackKind !== 'none') {
    console.log(
      `  ${ACK_MEANING[r.ackKind].padEnd(44)} p50 ${fmt(r.ack.p50)} ms  p99 ${fmt(r.ack.p99)} ms  max ${fmt(r.ack.max)} ms (${r.ack.count})`,
    );
  } else console.log(`  ack                                          none: the protocol has no answer to an update`);
  console.log(
    `  propagation latency                          p50 ${fmt(r.propagation.p50)} ms  p99 ${fmt(r.propagation.p99)} ms  max ${fmt(r.propagation.max)} ms (${r.propagation.count})`,
  );
  if (r.propagationOutsidePauses) {
    const p = r.propagationOutsidePauses;
    console.log(
      `    sent outside the snapshots' pauses (±2 s)  p50 ${fmt(p.p50)} ms  p99 ${fmt(p.p99)} ms  max ${fmt(p.max)} ms (${p.count})`,
    );
  }
  console.log(
    `  changes/s            ${r.changesPerSecond.toFixed(1)} (sent ${r.sent}, answered ${r.acked}, errors ${r.ackErrors})`,
  );
  if (r.deleted > 0) {
    console.log(
      `    of insertions                              p50 ${fmt(r.propagationInserts.p50)} ms  p99 ${fmt(r.propagationInserts.p99)} ms  max ${fmt(r.propagationInserts.max)} ms (${r.propagationInserts.count})`,
    );
    console.log(
      `    of deletions                               p50 ${fmt(r.propagationDeletes.p50)} ms  p99 ${fmt(r.propagationDeletes.p99)} ms  max ${fmt(r.propagationDeletes.max)} ms (${r.propagationDeletes.count})`,
    );
    console.log(
      `  changes              ${r.inserted} insertions, ${r.deleted} deletions (${r.deleteMisses} not found whole); text per document at the end ${r.textLengthEnd[0]} – ${r.textLengthEnd[1]} characters`,
    );
  }
  console.log(`  arrivals             ${r.arrivals} of ${r.expectedArrivals} expected`);
  if (r.deleted > 0) console.log(`  deletion arrivals    ${r.deleteArrivals} of ${r.expectedDeleteArrivals} expected`);
  console.log(
    `  server               CPU ${r.serverCpuPercent.toFixed(1)} % of one core (PostgreSQL, all sessions: ${r.postgresCpuPercent.toFixed(1)} %); RSS ${r.serverRssMiB.start.toFixed(0)} -> peak ${r.serverRssMiB.peak.toFixed(0)} -> ${r.serverRssMiB.end.toFixed(0)} MiB`,
  );
  console.log(`  propagation p99 per 10 s window: ${r.propagationP99ByWindow.map(fmt).join(', ')} ms`);
  console.log(`  generator            CPU ${r.generatorCpuPercent.toFixed(1)} % of one core`);
  if (r.serverLoopDelayMaxByWindow.length > 0)
    console.log(
      `  server event-loop delay, max per 10 s window (its own stalls): ${r.serverLoopDelayMaxByWindow.map((d) => d.toFixed(0)).join(', ')} ms`,
    );
  console.log(
    `  generator event-loop delay, max per 10 s window (its own pauses, counted as latency): ${r.generatorLoopDelayMaxByWindow.map((d) => d.toFixed(0)).join(', ')} ms`,
  );
  console.log(
    `  convergence          ${r.convergedDocuments}/${o.documents} documents identical across clients; ` +
      (r.stateful
        ? `${r.freshJoinMatches}/${o.documents} equal to a fresh joiner`
        : 'no fresh joiner (the relay keeps no state)'),
  );
  if (r.rssSeries.length > 3) {
    const s = rssTrend(r.rssSeries);
    console.log(
      `  RSS every 10 s (MiB): ${r.rssSeries.map(([, m]) => m.toFixed(0)).join(' ')}\n` +
        `  RSS start ${s.start.toFixed(0)}, after warm-up (60 s) ${s.warm.toFixed(0)}, end ${s.end.toFixed(0)} MiB; ` +
        `slope after warm-up ${s.slopePerMin.toFixed(2)} MiB/min`,
    );
    // The snapshot of 60 s leaves its mark on RSS: the slope from 90 s is not biased by it.
    if (r.heap)
      console.log(
        `  RSS slope from 90 s (after the first snapshot) ${rssTrend(r.rssSeries, 90).slopePerMin.toFixed(2)} MiB/min`,
      );
  }
  if (r.memorySeries.length > 3) {
    const series = (f: (m: ScenarioAResult['memorySeries'][number]) => number) =>
      r.memorySeries.map((m): [number, number] => [m.t, f(m)]);
    const line = (name: string, f: (m: ScenarioAResult['memorySeries'][number]) => number) => {
      const s = rssTrend(series(f), 90);
      console.log(
        `  ${name.padEnd(12)} (MiB, every 10 s): ${r.memorySeries.map((m) => f(m).toFixed(0)).join(' ')}; slope from 90 s ${s.slopePerMin.toFixed(2)} MiB/min`,
      );
    };
    console.log('  server process.memoryUsage() (through the inspector):');
    line('heapUsed', (m) => m.heapUsed);
    line('heapTotal', (m) => m.heapTotal);
    line('external', (m) => m.external);
    line('arrayBuffers', (m) => m.arrayBuffers);
  }
  if (r.memoryMapSeries.length > 3) {
    console.log('  server resident memory by kind of mapping (/proc/<pid>/smaps):');
    const kinds: Array<[keyof MemoryMap, string]> = [
      ['anon', 'anonymous (V8 heaps of all threads, stacks, large malloc blocks)'],
      ['arenas', 'malloc arenas of the threads'],
      ['brk', 'malloc main arena (brk)'],
      ['files', 'mapped files'],
    ];
    for (const [kind, name] of kinds) {
      const series = r.memoryMapSeries.map((m): [number, number] => [m.t, m[kind]]);
      console.log(
        `    ${name}: ${series.map(([, v]) => v.toFixed(0)).join(' ')} MiB; slope from 90 s ${rssTrend(series, 90).slopePerMin.toFixed(2)} MiB/min`,
      );
    }
  }
  if (r.liveHeapSeries.length > 3) {
    const s = rssTrend(r.liveHeapSeries, 90);
    console.log(
      `  heap after each full GC (--trace-gc, main thread; ${r.liveHeapSeries.length} full GCs): ` +
        r.liveHeapSeries.map(([t, m]) => `${t.toFixed(0)}s:${m.toFixed(0)}`).join(' ') +
        `\n  their pauses (ms): ${r.fullGcPausesMs.map((p) => p.toFixed(0)).join(' ')}` +
        `\n  live heap slope from 90 s ${s.slopePerMin.toFixed(2)} MiB/min`,
    );
  }
  if (r.liveMemoryBefore && r.liveMemoryAfterClose) {
    const line = (m: LiveMemory) =>
      `heapUsed ${m.heapUsed.toFixed(1)} MiB (heapTotal ${m.heapTotal.toFixed(0)}, external ${m.external.toFixed(1)}), RSS ${m.rss.toFixed(0)} MiB ` +
      `(anonymous ${m.map.anon.toFixed(0)}, malloc arenas ${m.map.arenas.toFixed(0)}, brk ${m.map.brk.toFixed(0)}, files ${m.map.files.toFixed(0)})`;
    console.log(`  server after a full GC, before any client joined: ${line(r.liveMemoryBefore)}`);
    console.log(
      `  server after a full GC, ${r.liveMemoryAfterClose.waitedS} s after every client left: ${line(r.liveMemoryAfterClose)}`,
    );
  }
  for (const w of r.workerHeaps) {
    console.log(
      `  worker thread ${w.isolate} of the server: ${w.gcs} GCs (${w.fullGcs} full); heap peak ${w.peakUsedMiB.toFixed(0)} MiB used, ` +
        `${w.peakCommittedMiB.toFixed(0)} MiB committed; after its full GCs: ${w.afterFullGcMiB.map((m) => m.toFixed(0)).join(' ')} MiB`,
    );
  }
  if (r.heap)
    console.log(
      `  heap snapshots, ${r.heap.snapshots.map((s) => `${s.t.toFixed(0)} s`).join(' -> ')}: ${r.heap.text.replace(/\n/g, '\n  ')}`,
    );
}

/** Start, after the first minute, end, and the least-squares slope from `from` seconds (default: after the first minute). */
export function rssTrend(series: Array<[number, number]>, from = 60) {
  const after = series.filter(([t]) => t >= from);
  const n = after.length;
  const mt = after.reduce((a, [t]) => a + t, 0) / n;
  const mm = after.reduce((a, [, m]) => a + m, 0) / n;
  const cov = after.reduce((a, [t, m]) => a + (t - mt) * (m - mm), 0);
  const varT = after.reduce((a, [t]) => a + (t - mt) ** 2, 0);
  return {
    start: series[0][1],
    warm: after[0]?.[1] ?? NaN,
    end: series[series.length - 1][1],
    slopePerMin: varT > 0 ? (cov / varT) * 60 : NaN,
  };
}

/** The comparison of one scenario's servers, with our p99 over each peer's. */
function printTable(title: string, results: ScenarioAResult[]): void {
  const ours = results.find((r) => r.protocol === 'passerelle');
  console.log(`\n${title}: summary (ms; CPU in % of one core)`);
  console.log(
    '  server                    | prop p50 | prop p99 | ack p50 / p99 (durable) | changes/s | arrivals      | CPU % | PG CPU % | RSS peak | gen CPU % | ours/peer prop p99',
  );
  for (const r of results) {
    const ack = r.ackKind === 'durable' ? `${fmt(r.ack.p50)} / ${fmt(r.ack.p99)}` : `— (${r.ackKind})`;
    const ratio = ours && r !== ours ? (ours.propagation.p99 / r.propagation.p99).toFixed(2) : '';
    console.log(
      `  ${r.label.padEnd(25)} | ${fmt(r.propagation.p50).padStart(8)} | ${fmt(r.propagation.p99).padStart(8)} | ${ack.padEnd(23)} | ` +
        `${r.changesPerSecond.toFixed(1).padStart(9)} | ${`${r.arrivals}/${r.expectedArrivals}`.padEnd(13)} | ` +
        `${r.serverCpuPercent.toFixed(1).padStart(5)} | ${r.postgresCpuPercent.toFixed(1).padStart(8)} | ${r.serverRssMiB.peak.toFixed(0).padStart(8)} | ${r.generatorCpuPercent.toFixed(1).padStart(9)} | ${ratio}`,
    );
  }
}

function printB(r: ScenarioBResult, peer: ScenarioBPeerResult | null): void {
  const list = (v: number[]) => v.map((x) => x.toFixed(1)).join(', ');
  console.log(
    `\nScenario B: automerge-paper trace as ${r.options.updates} stored updates (${(r.storedBytes / 1024).toFixed(0)} KiB), ${r.options.documents} documents (load average ${loadAverage()})`,
  );
  console.log(`  Passerelle: open, cold (replays the stored updates)   ${list(r.coldMs)} ms`);
  console.log(`  Passerelle: open, already in memory                   ${list(r.inMemoryMs)} ms`);
  console.log(`  Passerelle: open, after compaction (fresh server)     ${list(r.warmMs)} ms`);
  console.log(`  text length ${r.expectedLength} on every open: ${r.lengthsOk ? 'yes' : 'NO'}`);
  if (!peer) return;
  console.log(`  Hocuspocus + PostgreSQL: one merged state of ${(peer.storedBytes / 1024).toFixed(0)} KiB`);
  console.log(`  Hocuspocus + PostgreSQL: first open after start       ${list(peer.coldMs)} ms`);
  console.log(`  Hocuspocus + PostgreSQL: open, already in memory      ${list(peer.inMemoryMs)} ms`);
  console.log(`  Hocuspocus + PostgreSQL: open on a fresh server       ${list(peer.freshMs)} ms`);
  console.log(`  text length on every open: ${peer.lengthsOk ? 'yes' : 'NO'}`);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      only: { type: 'string' },
      servers: { type: 'string' },
      reverse: { type: 'boolean', default: false },
      duration: { type: 'string' },
      clients: { type: 'string', default: '200' },
      documents: { type: 'string', default: '40' },
      'c-clients': { type: 'string', default: '100' },
      rate: { type: 'string', default: '2' },
      workers: { type: 'string', default: '2' },
      updates: { type: 'string', default: '10000' },
      'b-documents': { type: 'string', default: '3' },
      'd-documents': { type: 'string', default: '10000' },
      'd-duration': { type: 'string', default: '10' },
      'd-connections': { type: 'string', default: '1,10' },
      soak: { type: 'boolean', default: false },
      steady: { type: 'boolean', default: false },
      'max-chars': { type: 'string', default: '2000' },
      heap: { type: 'boolean', default: false },
      snapshots: { type: 'boolean', default: false },
      'cpu-prof': { type: 'boolean', default: false },
      out: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const scenarios = new Set((values.only ?? (values.soak ? 'a' : 'a,c,b,d')).split(','));
  const servers = (values.servers ?? (values.soak ? 'passerelle' : SERVER_KINDS.join(',')))
    .split(',')
    .map((s) => s.trim()) as ServerKind[];
  for (const s of servers) if (!SERVER_KINDS.includes(s)) throw new Error(`unknown server ${s}`);
  if (values.reverse) servers.reverse();
  const durationS = Number(values.duration ?? (values.soak ? '600' : '60'));
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const results = join(ROOT, 'bench', 'results');
  mkdirSync(results, { recursive: true });
  const nodeArgs = values['cpu-prof'] ? ['--cpu-prof', `--cpu-prof-dir=${join(results, `prof-${stamp}`)}`] : [];

  console.log(
    `Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}; load average ${loadAverage()}`,
  );
  console.log(`Scenarios ${[...scenarios].join(',')}; servers in this order: ${servers.join(', ')}`);
  const baseOptions: ScenarioAOptions = {
    clients: Number(values.clients),
    documents: Number(values.documents),
    perSecond: Number(values.rate),
    durationS,
    workers: Number(values.workers),
    steadyMaxChars: values.steady ? Number(values['max-chars']) : 0,
    heapDir: values.snapshots ? join(results, `heap-${stamp}`) : null,
  };
  const report: Record<string, unknown> = {
    startedAt: new Date().toISOString(),
    argv: process.argv.slice(2),
    machine: { cpus: cpus().length, model: cpus()[0]?.model, node: process.version, loadAverageStart: loadavg() },
  };

  const db = new BenchDatabase();
  await db.create();
  const ours = new ApiServer(db.url, nodeArgs);
  const diagnostics = values.heap || values.snapshots;
  ours.withDiagnostics = diagnostics;
  // Access tokens expire after 15 minutes: a new one at every start (a soak of a peer may come first).
  let token = '';
  const startOurs = async () => {
    await ours.start();
    token = await ours.login('editor.lyon@passerelle.test');
  };
  try {
    await startOurs();
    const cityId = await ours.lyonId(token);
    await ours.stop();

    const loadScenario = async (key: 'a' | 'c', title: string, options: ScenarioAOptions) => {
      const all: ScenarioAResult[] = [];
      report[key] = all; // written even if a later server fails
      for (const kind of servers) {
        let result: ScenarioAResult;
        const loadStart = loadAverage();
        if (kind === 'passerelle') {
          await startOurs();
          try {
            result = await scenarioA(ours, token, cityId, options, key.toUpperCase());
          } finally {
            await ours.stop();
          }
        } else {
          const peer = new PeerServer(kind, db.url);
          peer.withDiagnostics = diagnostics;
          await peer.start();
          try {
            const documentIds = Array.from({ length: options.documents }, (_, i) => `${key}-${i}`);
            result = await runLoad(
              {
                label: SERVER_LABEL[kind],
                protocol: SERVER_PROTOCOL[kind],
                url: peer.url,
                pid: peer.pid,
                token: 'none',
                documentIds,
                stateful: kind !== 'relay',
                diagnostics: peer.diagnostics,
              },
              options,
            );
          } finally {
            await peer.stop();
          }
          if (peer.errors.trim()) console.log(`  (${kind} wrote on stderr: ${peer.errors.trim().slice(-300)})`);
        }
        result.label = SERVER_LABEL[kind];
        printA(result, title);
        console.log(`  load average before ${loadStart}, after ${loadAverage()}`);
        all.push(result);
        await sleep(2000);
      }
      printTable(title, all);
      return all;
    };

    if (scenarios.has('a')) report.a = await loadScenario('a', 'Scenario A', baseOptions);
    if (scenarios.has('c')) {
      const cOptions = { ...baseOptions, clients: Number(values['c-clients']), documents: 1 };
      report.c = await loadScenario('c', 'Scenario C', cOptions);
    }
    if (scenarios.has('b')) {
      const bOptions = { updates: Number(values.updates), documents: Number(values['b-documents']) };
      await startOurs();
      const b = await scenarioB(ours, db, token, cityId, bOptions);
      await ours.stop();
      const peer = servers.includes('hocuspocus-pg') ? await scenarioBHocuspocus(db, bOptions) : null;
      printB(b, peer);
      report.b = { passerelle: b, hocuspocusPg: peer };
    }
    if (scenarios.has('d')) {
      console.log(`\nScenario D: REST under load (Passerelle only; load average ${loadAverage()})`);
      await startOurs();
      try {
        const d: ScenarioDResult = await scenarioD(ours, db, token, {
          documents: Number(values['d-documents']),
          durationS: Number(values['d-duration']),
          connections: values['d-connections'].split(',').map(Number),
        });
        report.d = d;
      } finally {
        await ours.stop();
      }
    }
    console.log(`\nLoad average at the end: ${loadAverage()} (other processes on a shared machine add noise)`);
    report.loadAverageEnd = loadavg();
  } finally {
    await ours.stop();
    await db.drop();
    // npm runs the script in bench/: a relative --out is taken from where the command was typed.
    const out = values.out
      ? resolve(process.env.INIT_CWD ?? process.cwd(), values.out)
      : join(results, `run-${stamp}.json`);
    writeFileSync(out, JSON.stringify(report, null, 1));
    console.log(`Results written to ${out}`);
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
