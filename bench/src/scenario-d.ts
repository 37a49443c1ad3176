import autocannon from 'autocannon';
import { loadTrace } from './scenario-b';
import { ApiServer, BenchDatabase } from './server';
import { cpuByProcessName, cpuDelta, processCpuSeconds, processRssMiB, sleep } from './util';

export interface ScenarioDOptions {
  documents: number;
  durationS: number;
  /** Each endpoint is loaded once per entry: concurrent connections kept busy by autocannon. */
  connections: number[];
}

export interface RestResult {
  name: string;
  path: string;
  connections: number;
  p50: number;
  p99: number;
  max: number;
  requestsPerSecond: number;
  requests: number;
  non2xx: number;
  errors: number;
  /** What one response holds: the list's length, or search's `total` and the page's length. */
  items: string;
  responseKiB: number;
  serverCpuPercent: number;
  /** All PostgreSQL processes of the machine (includes other users' sessions). */
  postgresCpuPercent: number;
  serverRssPeakMiB: number;
  generatorCpuPercent: number;
}

export interface ScenarioDResult {
  options: ScenarioDOptions;
  insertMs: number;
  queries: { common: { word: string; documents: number }; rare: { word: string; documents: number } };
  runs: RestResult[];
}

/** Words of at least six letters, lower case. */
const words = (text: string) => text.toLowerCase().match(/[a-z]{6,}/g) ?? [];

/**
 * Inserts `count` documents straight into `documents` (the text kept for search in `plain_text`;
 * the search vectors are generated columns), spread over the cities, one in five published.
 * Their text is a slice of 1,000 – 4,000 characters of the automerge-paper text.
 */
async function insertDocuments(db: BenchDatabase, count: number) {
  const text = loadTrace().endContent;
  const cities = await db.withClient(
    async (pg) =>
      (
        await pg.query<{ id: string; programme_id: string; phase: string }>(
          `SELECT id, programme_id, phase FROM cities`,
        )
      ).rows,
  );
  const documentFrequency = new Map<string, number>();
  const rows: Array<[string, string, string, boolean, string, string]> = [];
  for (let i = 0; i < count; i++) {
    const length = 1000 + ((i * 37) % 3000);
    const start = (i * 7919) % (text.length - length);
    // Whole words only, so that no cut word becomes a query.
    const slice = text.slice(start, start + length);
    const body = slice.slice(slice.search(/\s/) + 1, slice.lastIndexOf(' '));
    for (const w of new Set(words(body))) documentFrequency.set(w, (documentFrequency.get(w) ?? 0) + 1);
    const city = cities[i % cities.length];
    const title = `Note ${i}: ${body.split(/\s+/).slice(1, 6).join(' ')}`.slice(0, 200);
    rows.push([city.programme_id, city.id, title, i % 5 === 0, city.phase, body]);
  }
  await db.withClient(async (pg) => {
    for (let i = 0; i < rows.length; i += 1000) {
      const batch = rows.slice(i, i + 1000);
      const col = <T>(k: number) => batch.map((r) => r[k] as T);
      await pg.query(
        `INSERT INTO documents (programme_id, city_id, kind, title, language, status, published, phase, plain_text)
         SELECT p, c, 'note', t, 'en', 'draft', pub, ph, txt
           FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::boolean[], $5::text[], $6::text[]) AS x(p, c, t, pub, ph, txt)`,
        [col(0), col(1), col(2), col(3), col(4), col(5)],
      );
    }
    await pg.query('ANALYZE documents');
  });
  const ranked = [...documentFrequency.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const common = ranked[0];
  const rare = ranked.reduce((best, e) => (Math.abs(e[1] - 20) < Math.abs(best[1] - 20) ? e : best), ranked[0]);
  return { common: { word: common[0], documents: common[1] }, rare: { word: rare[0], documents: rare[1] } };
}

async function load(
  server: ApiServer,
  token: string,
  name: string,
  path: string,
  connections: number,
  durationS: number,
) {
  // One request first: its size and what it holds.
  const res = await fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
  const raw = await res.text();
  if (!res.ok) throw new Error(`${path}: ${res.status} ${raw}`);
  const body = JSON.parse(raw) as unknown;
  const items = Array.isArray(body)
    ? `${body.length} documents`
    : `total ${(body as { total: number }).total}, page ${(body as { results: unknown[] }).results.length}`;
  const pid = server.pid;
  let rssPeak = processRssMiB(pid);
  const cpu0 = processCpuSeconds(pid);
  const pg0 = cpuByProcessName('postgres');
  const gen0 = process.cpuUsage();
  const t0 = Date.now();
  const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, processRssMiB(pid))), 1000);
  const result = await autocannon({
    url: `${server.url}${path}`,
    connections,
    duration: durationS,
    headers: { authorization: `Bearer ${token}` },
  });
  clearInterval(sampler);
  const elapsedS = (Date.now() - t0) / 1000;
  const gen = process.cpuUsage(gen0);
  return {
    name,
    path,
    connections,
    p50: result.latency.p50,
    p99: result.latency.p99,
    max: result.latency.max,
    requestsPerSecond: result.requests.average,
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    items,
    responseKiB: Buffer.byteLength(raw) / 1024,
    serverCpuPercent: ((processCpuSeconds(pid) - cpu0) / elapsedS) * 100,
    postgresCpuPercent: (cpuDelta(pg0, cpuByProcessName('postgres')) / elapsedS) * 100,
    serverRssPeakMiB: rssPeak,
    generatorCpuPercent: ((gen.user + gen.system) / 1e6 / elapsedS) * 100,
  };
}

/** Scenario D (ours only): the list and search endpoints under load, with `documents` documents in the database. */
export async function scenarioD(
  server: ApiServer,
  db: BenchDatabase,
  token: string,
  options: ScenarioDOptions,
): Promise<ScenarioDResult> {
  const t0 = Date.now();
  const queries = await insertDocuments(db, options.documents);
  const insertMs = Date.now() - t0;
  console.log(
    `  ${options.documents} documents inserted in ${insertMs} ms; search words: common "${queries.common.word}" ` +
      `(in ${queries.common.documents} of them), rare "${queries.rare.word}" (in ${queries.rare.documents})`,
  );
  await sleep(1000);
  const endpoints: Array<[string, string]> = [
    ['list', '/api/documents'],
    ['search (common word)', `/api/search?q=${encodeURIComponent(queries.common.word)}`],
    ['search (rare word)', `/api/search?q=${encodeURIComponent(queries.rare.word)}`],
  ];
  const runs: RestResult[] = [];
  for (const connections of options.connections) {
    for (const [name, path] of endpoints) {
      const r = await load(server, token, name, path, connections, options.durationS);
      runs.push(r);
      console.log(
        `  ${name.padEnd(22)} c=${String(connections).padEnd(3)} p50 ${r.p50} ms  p99 ${r.p99} ms  max ${r.max} ms  ` +
          `${r.requestsPerSecond.toFixed(1)} req/s  (${r.items}, ${r.responseKiB.toFixed(0)} KiB; non-2xx ${r.non2xx}, errors ${r.errors}; ` +
          `server CPU ${r.serverCpuPercent.toFixed(0)} %, PostgreSQL CPU ${r.postgresCpuPercent.toFixed(0)} %, RSS peak ${r.serverRssPeakMiB.toFixed(0)} MiB; generator CPU ${r.generatorCpuPercent.toFixed(0)} %)`,
      );
    }
  }
  return { options, insertMs, queries, runs };
}
