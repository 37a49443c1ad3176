import fc from 'fast-check';
import { gzipSync } from 'node:zlib';
import { check, unescaped } from './fuzz/oracle';
import { caseOf, Operation, operationsOf } from './fuzz/openapi';
import { outcomeOf, send, sendCase } from './fuzz/send';
import { runs, Tally } from './fuzz/tally';
import { createFuzzWorld, FUZZ_DEMO_PASSWORD, FuzzWorld } from './fuzz/world';
import { createTestApp, TEST_PASSWORD, TestApp } from './utils/test-app';

const JWT_SECRET = 'fuzz-secret-that-is-long-enough-0123456789';

// Hostile requests to every operation of the OpenAPI description, from callers in every position
// of the access table. FUZZ_SCALE multiplies the number of cases (`npm run fuzz`), FUZZ_SEED replays a run.
describe('fuzz: REST', () => {
  let t: TestApp;
  let world: FuzzWorld;
  let operations: Operation[];
  let secrets: string[];
  let canaryBefore: string;

  beforeAll(async () => {
    t = await createTestApp({
      SEED_DEMO: 'true',
      DEMO_PASSWORD: FUZZ_DEMO_PASSWORD,
      JWT_SECRET,
      LOGIN_RATE_LIMIT: '100000',
    });
    world = await createFuzzWorld(t);
    operations = operationsOf((await t.http().get('/api/docs/json')).body);
    secrets = [JWT_SECRET, FUZZ_DEMO_PASSWORD, TEST_PASSWORD, 'postgres://'];
    canaryBefore = await world.canarySnapshot();
  }, 120_000);
  afterAll(async () => {
    await t?.close();
  });

  const seed = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined;

  it('answers hostile requests with a success or a 4xx JSON error — never a 500, internals, or what the caller may not read', async () => {
    const tally = new Tally('rest');
    const arbitrary = fc
      .record({ operation: fc.constantFrom(...operations), caller: fc.constantFrom(...world.callers) })
      .chain(({ operation, caller }) =>
        caseOf(operation, world.pools(caller.privileged)).map((restCase) => ({ restCase, caller })),
      );
    let n = 0;
    await fc.assert(
      fc.asyncProperty(arbitrary, async ({ restCase, caller }) => {
        if (++n % 250 === 0) await world.refresh();
        let res;
        try {
          res = await sendCase(t, restCase, caller.token);
        } catch (error) {
          tally.add(restCase.kind, 'no answer');
          tally.problem(`${restCase.operation.method} ${restCase.url}: no answer (${String(error)})`);
          return;
        }
        tally.add(restCase.kind, outcomeOf(res));
        const problems = check(res, secrets, caller.privileged ? [] : [world.marker]);
        if (problems.length > 0) {
          const body = restCase.raw?.text ?? JSON.stringify(restCase.body) ?? '';
          tally.problem(
            `${caller.name} ${restCase.operation.method.toUpperCase()} ${restCase.url} ${body.slice(0, 200)} → ` +
              `${res.status} ${res.text.slice(0, 200)}: ${problems.join(', ')}`,
          );
        }
      }),
      { numRuns: runs(400), seed, endOnFailure: true },
    );
    tally.save();
    expect(tally.problems).toEqual([]);
    // Still up, and the canary untouched.
    expect((await t.http().get('/api/health')).status).toBe(200);
    expect(await world.canarySnapshot()).toBe(canaryBefore);
  }, 600_000);

  it('answers 413 to bodies over the limit, compressed ones included, and 4xx to pathological JSON', async () => {
    const tally = new Tally('rest-bodies');
    const admin = world.callers[0].token;
    const withBody = operations.filter((o) => o.body);
    const huge = JSON.stringify({ title: 'x'.repeat(1024 * 1024 + 10) });
    const bomb = gzipSync(Buffer.from(JSON.stringify({ title: ' '.repeat(20 * 1024 * 1024) })));
    const deep = (depth: number, open: string, close: string) =>
      `{"title":${open.repeat(depth)}1${close.repeat(depth)}}`;
    for (const operation of withBody) {
      const url = operation.path.replace(/\{[^}]+\}/g, world.canary.documentId);
      const cases: Array<[string, Parameters<typeof send>[3], (status: number) => boolean]> = [
        ['huge', { token: admin, body: huge }, (s) => s === 413],
        ['gzip bomb', { token: admin, body: bomb, headers: { 'Content-Encoding': 'gzip' } }, (s) => s === 413],
        ['deep arrays', { token: admin, body: deep(5000, '[', ']') }, (s) => s >= 400 && s < 500],
        ['deep objects', { token: admin, body: deep(5000, '{"a":', '}') }, (s) => s >= 400 && s < 500],
      ];
      for (const [kind, options, expected] of cases) {
        const res = await send(t, operation.method, url, options);
        tally.add(kind, outcomeOf(res));
        const problems = check(res, secrets);
        if (!expected(res.status)) problems.push(`unexpected status ${res.status}`);
        if (problems.length)
          tally.problem(
            `${kind} ${operation.method} ${url} → ${res.status} ${res.text.slice(0, 200)}: ${problems.join(', ')}`,
          );
      }
    }
    tally.save();
    expect(tally.problems).toEqual([]);
  }, 300_000);

  it('never serves files from outside the web client (path traversal)', async () => {
    const probes = [
      '/..%2f..%2f..%2f..%2fetc%2fpasswd',
      '/%2e%2e/%2e%2e/%2e%2e/etc/passwd',
      '/..%252f..%252fetc%252fpasswd',
      '/assets/..%2f..%2f..%2f..%2fpackage.json',
      '/api/..%2f..%2fpackage.json',
      '/api/docs/..%2f..%2f..%2fpackage.json',
      '//etc/passwd',
      '/.env',
      '/data/jwt-secret',
      '/api/documents/..%2f..%2f..%2fetc%2fpasswd/content',
    ];
    for (const probe of probes) {
      const res = await send(t, 'get', probe, { token: world.callers[0].token });
      expect(res.status).toBeLessThan(500);
      expect(res.text).not.toMatch(/root:.*:0:0|"workspaces"|JWT_SECRET/);
    }
  });

  it('keeps markup as text and escapes it wherever it is rendered as HTML', async () => {
    const admin = world.callers[0].token;
    const documents = world.pools(true).documents.slice(0, 60);
    for (const id of documents) {
      const html = await send(t, 'get', `/api/documents/${id}/content?format=html`, { token: admin });
      expect(html.status).toBe(200);
      expect(unescaped(html.text)).toEqual([]);
    }
    const report = await send(t, 'get', '/api/reports/programme?format=html', { token: admin });
    expect(report.status).toBe(200);
    expect(unescaped(report.text)).toEqual([]);
  });
});
