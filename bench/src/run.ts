import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { runLoad, scenarioA, ScenarioAOptions, ScenarioAResult } from './scenario-a';
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
import { fmt, sleep } from './util';

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
  --soak                a 10-minute run of a against Passerelle only (--duration 600 unless given), RSS every 10 s
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
  console.log(
    `\n${title} — ${r.label}: ${o.clients} clients, ${o.documents} documents, ${o.perSecond} changes/s each, ${o.durationS} s (load average ${loadAverage()})`,
  );
  if (r.ackKind !== 'none') {
    console.log(
      `  ${ACK_MEANING[r.ackKind].padEnd(44)} p50 ${fmt(r.ack.p50)} ms  p99 ${fmt(r.ack.p99)} ms  max ${fmt(r.ack.max)} ms (${r.ack.count})`,
    );
  } else console.log(`  ack                                          none: the protocol has no answer to an update`);
  console.log(
    `  propagation latency                          p50 ${fmt(r.propagation.p50)} ms  p99 ${fmt(r.propagation.p99)} ms  max ${fmt(r.propagation.max)} ms (${r.propagation.count})`,
  );
  console.log(
    `  changes/s            ${r.changesPerSecond.toFixed(1)} (sent ${r.sent}, answered ${r.acked}, errors ${r.ackErrors})`,
  );
  console.log(`  arrivals             ${r.arrivals} of ${r.expectedArrivals} expected`);
  console.log(
    `  server               CPU ${r.serverCpuPercent.toFixed(1)} % of one core (PostgreSQL, all sessions: ${r.postgresCpuPercent.toFixed(1)} %); RSS ${r.serverRssMiB.start.toFixed(0)} -> peak ${r.serverRssMiB.peak.toFixed(0)} -> ${r.serverRssMiB.end.toFixed(0)} MiB`,
  );
  console.log(`  propagation p99 per 10 s window: ${r.propagationP99ByWindow.map(fmt).join(', ')} ms`);
  console.log(`  generator            CPU ${r.generatorCpuPercent.toFixed(1)} % of one core`);
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
  }
}

/** Start, after the first minute, end, and the least-squares slope after the first minute. */
export function rssTrend(series: Array<[number, number]>) {
  const after = series.filter(([t]) => t >= 60);
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
  };
  const report: Record<string, unknown> = {
    startedAt: new Date().toISOString(),
    argv: process.argv.slice(2),
    machine: { cpus: cpus().length, model: cpus()[0]?.model, node: process.version, loadAverageStart: loadavg() },
  };

  const db = new BenchDatabase();
  await db.create();
  const ours = new ApiServer(db.url, nodeArgs);
  try {
    await ours.start();
    const token = await ours.login('editor.lyon@passerelle.test');
    const cityId = await ours.lyonId(token);
    await ours.stop();

    const loadScenario = async (key: 'a' | 'c', title: string, options: ScenarioAOptions) => {
      const all: ScenarioAResult[] = [];
      for (const kind of servers) {
        let result: ScenarioAResult;
        const loadStart = loadAverage();
        if (kind === 'passerelle') {
          await ours.start();
          try {
            result = await scenarioA(ours, token, cityId, options, key.toUpperCase());
          } finally {
            await ours.stop();
          }
        } else {
          const peer = new PeerServer(kind, db.url);
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
      await ours.start();
      const b = await scenarioB(ours, db, token, cityId, bOptions);
      await ours.stop();
      const peer = servers.includes('hocuspocus-pg') ? await scenarioBHocuspocus(db, bOptions) : null;
      printB(b, peer);
      report.b = { passerelle: b, hocuspocusPg: peer };
    }
    if (scenarios.has('d')) {
      console.log(`\nScenario D: REST under load (Passerelle only; load average ${loadAverage()})`);
      await ours.start();
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
