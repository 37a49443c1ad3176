#!/usr/bin/env node
// `npm run fuzz`: the long versions of the fuzz tests (FUZZ_SCALE times as many cases as in `npm test`)
// and the fault tests, in one Jest run; then FUZZING.md from the counts each fuzz test writes to
// FUZZ_REPORT_DIR (apps/api/test/fuzz/tally.ts) and from Jest's own results.
//
//   npm run fuzz                        FUZZ_SCALE=20, a fresh seed per property (recorded)
//   FUZZ_SCALE=5 FUZZ_SEED=42 npm run fuzz
//   node tools/fuzz.js --report DIR     only write FUZZING.md from an earlier run's DIR
//   node tools/fuzz.js --no-faults      the fuzz tests only
//
// Exits non-zero when a test failed, a fuzz test reported a problem, or a fuzz test wrote no counts.
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const ROOT = path.join(__dirname, '..');
const OUTPUT = path.join(ROOT, 'FUZZING.md');
const FUZZ_FILES = [
  'apps/api/test/fuzz-rest.int-spec.ts',
  'apps/api/test/fuzz-socket.int-spec.ts',
  'apps/api/test/fuzz-live.int-spec.ts',
];
const FAULT_FILES = [
  'apps/api/test/faults-instance-kill.int-spec.ts',
  'apps/api/test/faults-postgres.int-spec.ts',
  'apps/api/test/faults-redis.int-spec.ts',
  'apps/api/test/faults-shutdown.int-spec.ts',
];
// What each fuzz test file must have written (one JSON per Tally).
const EXPECTED_TALLIES = [
  'rest',
  'rest-bodies',
  'rest-ids',
  'rest-script',
  'rest-nulls',
  'rest-files',
  'rest-html',
  'socket',
  'socket-handshake',
  'socket-floods',
  'live',
  'live-handshake',
];
const TITLES = {
  rest: 'REST: hostile requests to every operation, from every kind of caller',
  'rest-bodies': 'REST: huge, compressed and deeply nested bodies',
  'rest-ids': 'REST: path traversal and SQL in every id',
  'rest-script': 'REST: script in every text field of every body',
  'rest-nulls': 'REST: null in every field, a list in every list of objects',
  'rest-files': 'REST: path traversal in the URL',
  'rest-html': 'REST: hostile text rendered as HTML',
  socket: 'Socket: mutated and random y-protocols messages, wrong types, stray events, foreign documents',
  'socket-handshake': 'Socket: forged, expired and malformed handshakes',
  'socket-floods': 'Socket: floods and huge messages',
  live: 'Live socket: hostile subscriptions, to other cities’ drafts included',
  'live-handshake': 'Live socket: forged and malformed handshakes',
};

function parseArgs(argv) {
  const args = { report: null, faults: true };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--report') args.report = argv[++i];
    else if (argv[i] === '--no-faults') args.faults = false;
    else throw new Error(`unknown argument ${argv[i]} (see the top of tools/fuzz.js)`);
  }
  return args;
}

function run(args) {
  const scale = process.env.FUZZ_SCALE || '20';
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'passerelle-fuzz-'));
  const files = args.faults ? [...FUZZ_FILES, ...FAULT_FILES] : FUZZ_FILES;
  const env = {
    ...process.env,
    FUZZ_SCALE: scale,
    FUZZ_REPORT_DIR: dir,
    TEST_DATABASE_URL: process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres',
    TEST_REDIS_URL: process.env.TEST_REDIS_URL || 'redis://127.0.0.1:6379',
  };
  const jestArgs = [
    require.resolve('jest/bin/jest'),
    '--selectProjects',
    'api-int',
    '--runTestsByPath',
    ...files,
    '--forceExit',
    '--json',
    '--outputFile',
    path.join(dir, 'jest.json'),
  ];
  console.log(`FUZZ_SCALE=${scale}${env.FUZZ_SEED ? ` FUZZ_SEED=${env.FUZZ_SEED}` : ''}, counts in ${dir}`);
  const started = Date.now();
  const result = spawnSync(process.execPath, jestArgs, { cwd: ROOT, env, stdio: 'inherit' });
  const seconds = Math.round((Date.now() - started) / 1000);
  const meta = {
    scale,
    seed: env.FUZZ_SEED || null,
    seconds,
    date: new Date(started).toISOString(),
    command: `${env.FUZZ_SEED ? `FUZZ_SEED=${env.FUZZ_SEED} ` : ''}FUZZ_SCALE=${scale} npm run fuzz${args.faults ? '' : ' -- --no-faults'}`,
    load: os.loadavg().map((l) => l.toFixed(2)),
    cpus: os.cpus().length,
    node: process.version,
    jestStatus: result.status,
  };
  fs.writeFileSync(path.join(dir, 'run.json'), JSON.stringify(meta, null, 2));
  return dir;
}

const readJson = (file) => (fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : null);
// Hostile payloads show as text: markup escaped (GitHub would otherwise render some of it), pipes too.
const cell = (s) =>
  String(s)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\|/g, '\\|')
    .replace(/\r?\n/g, ' ');
const minutes = (s) => (s >= 90 ? `${Math.floor(s / 60)} min ${s % 60} s` : `${s} s`);

/** FUZZING.md from a report directory; returns the list of what went wrong (empty: all good). */
function report(dir) {
  const meta = readJson(path.join(dir, 'run.json')) || {};
  const jest = readJson(path.join(dir, 'jest.json'));
  const tallies = EXPECTED_TALLIES.map((name) => readJson(path.join(dir, `${name}.json`)) || { name, missing: true });
  const extra = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.json') && !['run.json', 'jest.json'].includes(f))
    .map((f) => f.slice(0, -5))
    .filter((name) => !EXPECTED_TALLIES.includes(name));
  for (const name of extra) tallies.push(readJson(path.join(dir, `${name}.json`)));

  const failures = [];
  const tests = [];
  if (!jest) failures.push('Jest wrote no results');
  for (const file of jest?.testResults ?? []) {
    const relative = path.relative(ROOT, file.name);
    if (file.assertionResults.length === 0 && file.status !== 'passed')
      failures.push(`${relative}: ${file.message.split('\n')[0]}`);
    for (const test of file.assertionResults) {
      tests.push({ file: relative, title: test.title, status: test.status, ms: test.duration ?? 0 });
      if (test.status === 'failed') failures.push(`${relative}: ${test.title}`);
    }
  }
  for (const tally of tallies) {
    if (tally.missing) failures.push(`${tally.name}: no counts written`);
    else if (tally.problems.length) failures.push(`${tally.name}: ${tally.problems.length} problem(s)`);
  }

  const present = tallies.filter((t) => !t.missing);
  const total = present.reduce((sum, t) => sum + t.cases, 0);
  const lines = [];
  lines.push('# Fuzzing and fault tests');
  lines.push('');
  lines.push(
    'The long run of the hostile-input tests (issue 7): the fuzz tests of `npm test` with FUZZ_SCALE times as many ' +
      'cases, and the fault tests (PostgreSQL and Redis restarted under load, an instance killed, a graceful ' +
      'shutdown). Written by `tools/fuzz.js` from the counts the tests record; do not edit by hand — run it again.',
  );
  lines.push('');
  lines.push(`- Command: \`${meta.command ?? 'unknown'}\``);
  lines.push(`- Date: ${meta.date ?? 'unknown'}`);
  lines.push(`- Duration: ${meta.seconds !== undefined ? minutes(meta.seconds) : 'unknown'} (the whole Jest run)`);
  lines.push(
    `- Seed: ${meta.seed ?? 'none set — each property drew its own, listed below (replay one with FUZZ_SEED)'}`,
  );
  if (meta.node)
    lines.push(`- Machine: ${meta.cpus} CPUs, Node ${meta.node}, load average at the end ${meta.load.join(' ')}`);
  lines.push(
    `- Result: ${failures.length === 0 ? `**all passed** — ${total} fuzz cases, no problem found` : `**${failures.length} failure(s)**`}`,
  );
  lines.push('');
  if (failures.length) {
    lines.push('## Failures');
    lines.push('');
    for (const f of failures) lines.push(`- ${f}`);
    lines.push('');
  }

  lines.push('## Fuzz suites');
  lines.push('');
  lines.push('| Suite | Cases | Seed | Seconds | Problems |');
  lines.push('| --- | ---: | ---: | ---: | ---: |');
  for (const t of tallies) {
    if (t.missing) lines.push(`| ${cell(TITLES[t.name] ?? t.name)} | — | — | — | no counts written |`);
    else
      lines.push(
        `| ${cell(TITLES[t.name] ?? t.name)} | ${t.cases} | ${t.seed ?? '—'} | ${t.seconds} | ${t.problems.length} |`,
      );
  }
  lines.push(`| **Total** | **${total}** | | | |`);
  lines.push('');
  lines.push(
    'Outcomes are the HTTP status and error code of each answer (`400 validation_failed`, `201`, …) or the code ' +
      'of each socket acknowledgement (`bad_request`, `ok`, …). A success is not a failure: a hostile value that is ' +
      'also valid is stored as text; what the tests check is that nothing answered 5xx, leaked internals or data ' +
      'the caller may not read, or broke the document, other clients or the server.',
  );
  lines.push('');

  for (const t of present) {
    lines.push(`### ${TITLES[t.name] ?? t.name} (\`${t.name}\`)`);
    lines.push('');
    lines.push('| Kind | Cases | Outcomes |');
    lines.push('| --- | ---: | --- |');
    const kinds = Object.entries(t.outcomes).sort(([a], [b]) => a.localeCompare(b));
    for (const [kind, outcomes] of kinds) {
      const count = Object.values(outcomes).reduce((a, b) => a + b, 0);
      const text = Object.entries(outcomes)
        .sort(([, a], [, b]) => b - a)
        .map(([o, n]) => `${o}: ${n}`)
        .join(', ');
      lines.push(`| ${cell(kind)} | ${count} | ${cell(text)} |`);
    }
    lines.push('');
    if (t.problems.length === 0) lines.push('Problems: none.');
    else {
      // As sent and answered, in a code block: the payloads are hostile on purpose.
      lines.push(`Problems (${t.problems.length}, the first 50 kept):`);
      lines.push('');
      lines.push('```text');
      for (const p of t.problems) lines.push(p.replace(/```/g, "'''").replace(/\r?\n/g, ' '));
      lines.push('```');
    }
    lines.push('');
  }

  lines.push('## Tests');
  lines.push('');
  lines.push('| File | Test | Result | Seconds |');
  lines.push('| --- | --- | --- | ---: |');
  for (const test of tests)
    lines.push(
      `| ${cell(path.basename(test.file))} | ${cell(test.title)} | ${test.status} | ${Math.round(test.ms / 1000)} |`,
    );
  lines.push('');
  fs.writeFileSync(OUTPUT, lines.join('\n'));
  return failures;
}

function main() {
  const args = parseArgs(process.argv.slice(2));
  const dir = args.report ?? run(args);
  const failures = report(dir);
  console.log(`\nWrote ${path.relative(process.cwd(), OUTPUT) || OUTPUT} from ${dir}`);
  if (failures.length) {
    console.error(`${failures.length} failure(s):\n${failures.map((f) => `  - ${f}`).join('\n')}`);
    process.exitCode = 1;
  }
}

main();
