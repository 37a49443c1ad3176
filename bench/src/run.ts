import { spawn } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { runLoad, scenarioA, ScenarioAOptions, ScenarioAResult } from './scenario-a';
import { scenarioB, ScenarioBResult } from './scenario-b';
import { ApiServer, BenchDatabase } from './server';
import { fmt, sleep } from './util';

/** The same load against the dumb relay (src/relay.ts) in a child process: the floor. */
async function floor(options: ScenarioAOptions): Promise<ScenarioAResult> {
  const port = 20000 + Math.floor(Math.random() * 20000);
  const child = spawn(process.execPath, [join(__dirname, 'relay.js')], {
    env: { ...process.env, PORT: String(port) },
    stdio: 'inherit',
  });
  try {
    await sleep(1000);
    const documentIds = Array.from({ length: options.documents }, (_, i) => `relay-${i}`);
    return await runLoad(
      { url: `http://127.0.0.1:${port}`, pid: child.pid!, token: 'none', documentIds, stateful: false },
      options,
    );
  } finally {
    child.kill('SIGTERM');
  }
}

const USAGE = `npm run bench -w @passerelle/bench -- [--only a|b] [--duration 60] [--clients 200] [--documents 40]
  [--rate 2] [--workers 2] [--updates 10000] [--b-documents 3] [--floor]
--floor also runs the load of A against a dumb Socket.IO relay (the floor) before Passerelle; --floor-last after it.
Needs the API built (npx tsc -b libs/domain libs/content libs/collab apps/api) and PostgreSQL at BENCH_PG_URL
(default postgres://postgres@127.0.0.1:5432/postgres).`;

function printA(r: ScenarioAResult, label = 'Scenario A'): void {
  const o = r.options;
  console.log(
    `\n${label}: ${o.clients} clients, ${o.documents} documents, ${o.perSecond} changes/s each, ${o.durationS} s`,
  );
  console.log(
    `  ack latency          p50 ${fmt(r.ack.p50)} ms  p99 ${fmt(r.ack.p99)} ms  max ${fmt(r.ack.max)} ms (${r.ack.count})`,
  );
  console.log(
    `  propagation latency  p50 ${fmt(r.propagation.p50)} ms  p99 ${fmt(r.propagation.p99)} ms  max ${fmt(r.propagation.max)} ms (${r.propagation.count})`,
  );
  console.log(
    `  changes/s            ${r.changesPerSecond.toFixed(1)} (sent ${r.sent}, acked ${r.acked}, ack errors ${r.ackErrors})`,
  );
  console.log(`  arrivals             ${r.arrivals} of ${r.expectedArrivals} expected`);
  console.log(
    `  server               CPU ${r.serverCpuPercent.toFixed(1)} % of one core; RSS ${r.serverRssMiB.start.toFixed(0)} -> peak ${r.serverRssMiB.peak.toFixed(0)} -> ${r.serverRssMiB.end.toFixed(0)} MiB`,
  );
  console.log(`  propagation p99 per 10 s window: ${r.propagationP99ByWindow.map(fmt).join(', ')} ms`);
  console.log(`  generator            CPU ${r.generatorCpuPercent.toFixed(1)} % of one core`);
  console.log(
    `  convergence          ${r.convergedDocuments}/${o.documents} documents identical across clients; ` +
      (r.stateful
        ? `${r.freshJoinMatches}/${o.documents} equal to a fresh joiner`
        : 'no fresh joiner (the relay keeps no state)'),
  );
}

function printB(r: ScenarioBResult): void {
  const list = (v: number[]) => v.map((x) => x.toFixed(1)).join(', ');
  console.log(
    `\nScenario B: automerge-paper trace as ${r.options.updates} stored updates (${(r.storedBytes / 1024).toFixed(0)} KiB), ${r.options.documents} documents`,
  );
  console.log(`  open, cold (replays the updates)  ${list(r.coldMs)} ms`);
  console.log(`  open, already in memory           ${list(r.inMemoryMs)} ms`);
  console.log(`  open, after compaction (snapshot) ${list(r.warmMs)} ms`);
  console.log(`  text length ${r.expectedLength} on every open: ${r.lengthsOk ? 'yes' : 'NO'}`);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      only: { type: 'string' },
      duration: { type: 'string', default: '60' },
      clients: { type: 'string', default: '200' },
      documents: { type: 'string', default: '40' },
      rate: { type: 'string', default: '2' },
      workers: { type: 'string', default: '2' },
      updates: { type: 'string', default: '10000' },
      'b-documents': { type: 'string', default: '3' },
      floor: { type: 'boolean', default: false },
      'floor-last': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const load = () =>
    loadavg()
      .map((x) => x.toFixed(2))
      .join(' ');
  console.log(
    `Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}; load average ${load()}`,
  );
  const loadOptions: ScenarioAOptions = {
    clients: Number(values.clients),
    documents: Number(values.documents),
    perSecond: Number(values.rate),
    durationS: Number(values.duration),
    workers: Number(values.workers),
  };
  const withFloor = (values.floor || values['floor-last']) && values.only !== 'b';
  if (withFloor && !values['floor-last']) printA(await floor(loadOptions), 'Floor (dumb Socket.IO relay)');
  const db = new BenchDatabase();
  await db.create();
  const server = new ApiServer(db.url);
  try {
    await server.start();
    const token = await server.login('editor.lyon@passerelle.test');
    const cityId = await server.lyonId(token);
    if (values.only !== 'b') {
      printA(await scenarioA(server, token, cityId, loadOptions));
      if (withFloor && values['floor-last']) printA(await floor(loadOptions), 'Floor (dumb Socket.IO relay)');
    }
    if (values.only !== 'a') {
      printB(
        await scenarioB(server, db, token, cityId, {
          updates: Number(values.updates),
          documents: Number(values['b-documents']),
        }),
      );
    }
    console.log(`\nLoad average at the end: ${load()} (other processes on a shared machine add noise)`);
  } finally {
    await server.stop();
    await db.drop();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
