import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { SCRIPT_PAYLOADS, SQL_PAYLOADS, TRAVERSAL_PAYLOADS } from './fuzz/hostile';
import { check, unescaped } from './fuzz/oracle';
import { caseOf, Operation, operationsOf, poolFor, wellFormed } from './fuzz/openapi';
import { outcomeOf, send, sendCase } from './fuzz/send';
import { fuzzSeed, runs, Tally, timeLimit } from './fuzz/tally';
import { createFuzzWorld, FUZZ_DEMO_PASSWORD, FuzzWorld } from './fuzz/world';
import { createTestApp, TEST_PASSWORD, TestApp } from './utils/test-app';

const JWT_SECRET = 'fuzz-secret-that-is-long-enough-0123456789';

// Hostile requests to every operation of the OpenAPI description, from callers in every position
// of the access table. FUZZ_SCALE multiplies the number of cases (`npm run fuzz`), FUZZ_SEED replays a run.
jest.setTimeout(timeLimit(600_000));

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

  it('answers hostile requests with a success or a 4xx JSON error — never a 500, internals, or what the caller may not read', async () => {
    const tally = new Tally('rest');
    const seed = (tally.seed = fuzzSeed());
    const arbitrary = fc
      .record({ operation: fc.constantFrom(...operations), caller: fc.constantFrom(...world.callers) })
      .chain(({ operation, caller }) =>
        caseOf(operation, world.pools(caller.privileged)).map((restCase) => ({ restCase, caller })),
      );
    let n = 0;
    try {
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
          // Cases that break the body's schema for sure are counted apart: each of them must be refused.
          tally.add(restCase.mustRefuse ? `${restCase.kind} (schema broken)` : restCase.kind, outcomeOf(res));
          const problems = check(res, secrets, caller.privileged ? [] : [world.marker]);
          if (restCase.mustRefuse && res.status < 400) problems.push(`accepted ${restCase.mustRefuse}`);
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
    } finally {
      tally.save();
    }
    expect(tally.problems).toEqual([]);
    // Still up, and the canary untouched.
    expect((await t.http().get('/api/health')).status).toBe(200);
    expect(await world.canarySnapshot()).toBe(canaryBefore);
  });

  it('answers 413 to bodies over the limit, compressed ones included, and 4xx to pathological JSON', async () => {
    const tally = new Tally('rest-bodies');
    const admin = world.callers[0].token;
    const withBody = operations.filter((o) => o.body);
    const huge = JSON.stringify({ title: 'x'.repeat(1024 * 1024 + 10) });
    const bomb = gzipSync(Buffer.from(JSON.stringify({ title: ' '.repeat(20 * 1024 * 1024) })));
    const deep = (depth: number, open: string, close: string) =>
      `{"title":${open.repeat(depth)}1${close.repeat(depth)}}`;
    try {
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
    } finally {
      tally.save();
    }
    expect(tally.problems).toEqual([]);
  });

  it('answers 4xx to path traversal and SQL in every id of every operation', async () => {
    const tally = new Tally('rest-ids');
    await world.refresh();
    const payloads = [...TRAVERSAL_PAYLOADS, ...SQL_PAYLOADS];
    // Each operation gets its share of the payloads, in turn: all of them in the long run.
    const perOperation = Math.min(payloads.length, runs(1));
    let n = 0;
    try {
      for (const operation of operations.filter((o) => o.pathParams.length > 0)) {
        for (let p = 0; p < perOperation; p++) {
          const payload = payloads[(n + p) % payloads.length];
          for (const hostile of operation.pathParams) {
            const caller = world.callers[n++ % world.callers.length];
            const pools = world.pools(caller.privileged);
            // Encoded as a client would, or raw (slashes and dots as they are) every other time.
            const raw = n % 2 === 0 || /%[0-9a-fA-F]{2}/.test(payload);
            let url = operation.path;
            for (const name of operation.pathParams) {
              const real = pools[poolFor(operation.path, name)]?.[0] ?? 'x';
              const id = name !== hostile ? real : raw ? payload : encodeURIComponent(wellFormed(payload));
              url = url.replace(`{${name}}`, id);
            }
            const kind = TRAVERSAL_PAYLOADS.includes(payload) ? 'path traversal in an id' : 'SQL in an id';
            const res = await send(t, operation.method, url, {
              token: caller.token,
              body: operation.body ? '{}' : undefined,
            });
            tally.add(kind, outcomeOf(res));
            const problems = check(res, secrets, caller.privileged ? [] : [world.marker]);
            if (res.status < 400) problems.push(`a ${res.status} to a made-up id`);
            if (problems.length)
              tally.problem(
                `${caller.name} ${operation.method.toUpperCase()} ${url} → ${res.status} ${res.text.slice(0, 200)}: ` +
                  problems.join(', '),
              );
          }
        }
      }
    } finally {
      tally.save();
    }
    expect(tally.problems).toEqual([]);
    expect(await world.canarySnapshot()).toBe(canaryBefore);
  });

  it('takes script in every text field of every body as text, from a caller allowed to write', async () => {
    const tally = new Tally('rest-script');
    await world.refresh();
    const admin = world.callers[0];
    const pools = world.pools(true);
    const perOperation = Math.min(SCRIPT_PAYLOADS.length, runs(1));
    let n = 0;
    try {
      for (const operation of operations.filter((o) => o.body?.properties)) {
        for (let p = 0; p < perOperation; p++) {
          const payload = SCRIPT_PAYLOADS[n++ % SCRIPT_PAYLOADS.length];
          if (n % 25 === 0) await world.refresh();
          const url = operation.path.replace(/\{([^}]+)\}/g, (_m, name: string) => {
            const real = pools[poolFor(operation.path, name)] ?? [];
            return real[n % Math.max(1, real.length)] ?? 'x';
          });
          const body = scripted(operation.body!, payload, pools);
          const res = await send(t, operation.method, url, { token: admin.token, body: JSON.stringify(body) });
          tally.add(`${operation.method.toUpperCase()} ${operation.path}`, outcomeOf(res));
          const problems = check(res, secrets);
          if (problems.length)
            tally.problem(
              `${operation.method.toUpperCase()} ${url} ${JSON.stringify(body).slice(0, 200)} → ${res.status} ` +
                `${res.text.slice(0, 200)}: ${problems.join(', ')}`,
            );
        }
      }
    } finally {
      tally.save();
    }
    expect(tally.problems).toEqual([]);
    expect(await world.canarySnapshot()).toBe(canaryBefore);
  });

  it('answers null in every field, and lists in every list of objects, with a success or a 4xx', async () => {
    const tally = new Tally('rest-nulls');
    await world.refresh();
    const admin = world.callers[0];
    const pools = world.pools(true);
    let n = 0;
    try {
      for (const operation of operations.filter((o) => o.body?.properties)) {
        const url = operation.path.replace(/\{([^}]+)\}/g, (_m, name: string) => {
          const real = pools[poolFor(operation.path, name)] ?? [];
          return real[n % Math.max(1, real.length)] ?? 'x';
        });
        const valid = scripted(operation.body!, 'text', pools) as Record<string, unknown>;
        for (const [field, schema] of Object.entries(operation.body!.properties!)) {
          const values: Array<[string, unknown]> = [['null', null]];
          if (schema.type === 'array' && schema.items?.type !== 'string') values.push(['list in a list', [[]]]);
          for (const [kind, value] of values) {
            if (++n % 25 === 0) await world.refresh();
            const body = { ...valid, [field]: value };
            const res = await send(t, operation.method, url, { token: admin.token, body: JSON.stringify(body) });
            tally.add(`${kind} as a field`, outcomeOf(res));
            const problems = check(res, secrets);
            if (problems.length)
              tally.problem(
                `${operation.method.toUpperCase()} ${operation.path} ${JSON.stringify(body).slice(0, 200)} → ` +
                  `${res.status} ${res.text.slice(0, 200)}: ${problems.join(', ')}`,
              );
          }
        }
      }
    } finally {
      tally.save();
    }
    expect(tally.problems).toEqual([]);
    expect(await world.canarySnapshot()).toBe(canaryBefore);
  });

  it('never serves files from outside the web client (path traversal)', async () => {
    const tally = new Tally('rest-files');
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
    try {
      for (const probe of probes) {
        const res = await send(t, 'get', probe, { token: world.callers[0].token });
        tally.add('path traversal in the URL', outcomeOf(res));
        const problems = check(res, secrets);
        if (/root:.*:0:0|"workspaces"|JWT_SECRET/.test(res.text)) problems.push('serves a file from outside');
        if (problems.length) tally.problem(`GET ${probe} → ${res.status}: ${problems.join(', ')}`);
      }
    } finally {
      tally.save();
    }
    expect(tally.problems).toEqual([]);
  });

  it('keeps markup as text and escapes it wherever it is rendered as HTML', async () => {
    const tally = new Tally('rest-html');
    await world.refresh();
    const admin = world.callers[0].token;
    // The newest first: those the fuzz made, with hostile titles and text.
    const documents = (
      (await t.db.query(`SELECT id FROM documents ORDER BY created_at DESC LIMIT $1`, [runs(60)])) as Array<{
        id: string;
      }>
    )
      .map((r) => r.id)
      .filter((id) => id !== world.canary.documentId);
    const pages = [
      ...documents.map((id) => `/api/documents/${id}/content?format=html`),
      '/api/reports/programme?format=html',
    ];
    try {
      for (const url of pages) {
        const html = await send(t, 'get', url, { token: admin });
        const problems = unescaped(html.text);
        if (html.status !== 200) problems.push(`status ${html.status}`);
        tally.add(url.startsWith('/api/reports') ? 'report as HTML' : 'document as HTML', outcomeOf(html));
        if (problems.length) tally.problem(`GET ${url} → ${html.status}: ${problems.join(', ')}`);
      }
    } finally {
      tally.save();
    }
    expect(tally.problems).toEqual([]);
  });
});

/** A body for `schema` with `payload` in every free text field (and real ids, dates and emails elsewhere). */
function scripted(
  schema: Operation['body'] & object,
  payload: string,
  pools: Record<string, readonly string[]>,
): unknown {
  // Fields with a format of their own get a valid value that still carries the payload where it can.
  const text = (name: string): string =>
    /url|website|link/i.test(name)
      ? `https://example.test/?q=${encodeURIComponent(payload)}`
      : name === 'slug'
        ? `script-${randomUUID().slice(0, 8)}`
        : name === 'currency'
          ? 'EUR'
          : payload;
  const walk = (s: typeof schema, name: string, depth: number): unknown => {
    if (s.enum?.length) return s.enum[0];
    switch (s.type) {
      case 'string':
        if (s.format === 'uuid') {
          const pool = pools[`${name.replace(/Id$/, '')}s`] ?? pools[poolFor('/api/x', name)];
          return pool?.[0] ?? pools.documents?.[0];
        }
        if (s.format === 'date-time') return '2031-05-01T10:00:00.000Z';
        if (s.format === 'date') return '2031-05-01';
        if (s.format === 'email') return `script.${Date.now()}@example.test`;
        return text(name);
      case 'number':
      case 'integer':
        return s.minimum ?? 1;
      case 'boolean':
        return false;
      case 'array':
        return depth > 3 ? [] : [walk(s.items ?? {}, name, depth + 1)];
      case 'object':
        if (!s.properties) return { en: payload, fr: payload };
        if (depth > 3) return {};
        return Object.fromEntries(Object.entries(s.properties).map(([k, v]) => [k, walk(v, k, depth + 1)]));
      default:
        if (!s.properties) return text(name);
        if (depth > 3) return {};
        return Object.fromEntries(Object.entries(s.properties).map(([k, v]) => [k, walk(v, k, depth + 1)]));
    }
  };
  return walk(schema, '', 0);
}
