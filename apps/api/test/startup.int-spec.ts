import { ChildProcess, execFileSync, execSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';

// The product as a newcomer starts it: the compiled server, no DATABASE_URL (so the embedded
// PostgreSQL in DATA_DIR), demo data on by default; then started again on the same DATA_DIR.
const ROOT = join(__dirname, '..', '..', '..');
const MAIN = join(ROOT, 'apps', 'api', 'dist', 'main.js');
const DEMO_PASSWORD = 'passerelle';

interface Server {
  child: ChildProcess;
  url: string;
  output: () => string;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** The environment of a fresh machine: only what `npm start` would see, plus where to keep data. */
function freshEnv(dataDir: string, port: number): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const name of [
    'DATABASE_URL',
    'TEST_DATABASE_URL',
    'REDIS_URL',
    'TEST_REDIS_URL',
    'JWT_SECRET',
    'SEED_DEMO',
    'DEMO_PASSWORD',
    'NODE_ENV',
    'PUBLIC_URL',
  ]) {
    delete env[name];
  }
  return { ...env, DATA_DIR: dataDir, PORT: String(port), SERVE_WEB: 'false' };
}

async function start(dataDir: string): Promise<Server> {
  const port = await freePort();
  const child = spawn(process.execPath, [MAIN], { cwd: ROOT, env: freshEnv(dataDir, port) });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 150_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${output}`);
    const res = await request(url)
      .get('/api/health')
      .timeout(2000)
      .catch(() => null);
    if (res?.status === 200) return { child, url, output: () => output };
    await new Promise((r) => setTimeout(r, 300));
  }
  child.kill('SIGKILL');
  throw new Error(`server did not answer /api/health in time:\n${output}`);
}

function stop(server: Server): Promise<number | null> {
  return new Promise((resolve) => {
    if (server.child.exitCode !== null) return resolve(server.child.exitCode);
    server.child.once('exit', (code) => resolve(code));
    server.child.kill('SIGTERM');
  });
}

/** Reads the stopped server's embedded database directly (PGlite cannot load inside Jest's sandbox). */
function queryDataDir(dataDir: string, sql: string): unknown[] {
  const script = `
    const { PGlite } = require('@electric-sql/pglite');
    (async () => {
      const db = await PGlite.create(process.argv[1]);
      const result = await db.query(process.argv[2]);
      process.stdout.write(JSON.stringify(result.rows));
      await db.close();
    })().catch((e) => { console.error(e); process.exit(1); });`;
  const out = execFileSync(process.execPath, ['-e', script, join(dataDir, 'pg'), sql], { cwd: ROOT });
  return JSON.parse(out.toString());
}

const SEEDED_ROWS = `
  SELECT json_build_object(
    'programmes', (SELECT json_agg(p ORDER BY p.slug) FROM (SELECT id, slug, name FROM programmes) p),
    'cities', (SELECT json_agg(c ORDER BY c.slug) FROM (SELECT id, slug, phase, languages FROM cities) c),
    'organisations', (SELECT json_agg(o ORDER BY o.name) FROM (SELECT id, name, kind, city_id FROM organisations) o),
    'themes', (SELECT json_agg(t ORDER BY t.slug) FROM (SELECT id, slug, position FROM themes) t),
    'users', (SELECT json_agg(u ORDER BY u.email) FROM (SELECT id, email, role, password_hash FROM users) u),
    'memberships', (SELECT json_agg(m ORDER BY m.id) FROM (SELECT id, user_id, city_id, role FROM memberships) m),
    'documents', (SELECT COALESCE(json_agg(d ORDER BY d.id), '[]') FROM (SELECT id, city_id, kind FROM documents) d)
  ) AS data`;

async function signInAndListCities(server: Server): Promise<Array<{ slug: string; phase: string }>> {
  const login = await request(server.url)
    .post('/api/auth/login')
    .send({ email: 'coordinator@passerelle.test', password: DEMO_PASSWORD });
  expect(login.status).toBe(200);
  const cities = await request(server.url).get('/api/cities').set('Authorization', `Bearer ${login.body.accessToken}`);
  expect(cities.status).toBe(200);
  return cities.body;
}

describe('start-up on the embedded database', () => {
  let dataDir: string;
  const servers: Server[] = [];

  beforeAll(() => {
    try {
      execSync('npx tsc -b apps/api', { cwd: ROOT, stdio: 'pipe' });
    } catch (error) {
      // Type errors elsewhere still leave the emitted server; without one there is nothing to test.
      if (!existsSync(MAIN)) throw error;
    }
    dataDir = mkdtempSync(join(tmpdir(), 'passerelle-startup-'));
  }, 300_000);

  afterAll(async () => {
    for (const server of servers) await stop(server);
    rmSync(dataDir, { recursive: true, force: true });
  });

  let firstStart: ReturnType<typeof queryDataDir>;

  it('starts on a fresh DATA_DIR: migrates, loads the demo data, serves the API, stops on SIGTERM', async () => {
    const server = await start(dataDir);
    servers.push(server);
    const cities = await signInAndListCities(server);
    expect(cities.map((c) => c.slug).sort()).toEqual([
      'amman',
      'beirut',
      'lisbon',
      'lyon',
      'madrid',
      'tangier',
      'turin',
    ]);
    expect(server.output()).toContain('Applied migrations');
    expect(server.output()).toContain('Demo data ready');
    expect(await stop(server)).toBe(0);

    firstStart = queryDataDir(dataDir, SEEDED_ROWS);
    const data = (firstStart[0] as { data: Record<string, unknown[]> }).data;
    expect(data.programmes).toHaveLength(1);
    expect(data.cities).toHaveLength(7);
    expect(data.users).toHaveLength(7);
    expect(data.themes).toHaveLength(7);
  }, 240_000);

  it('starts again on the same DATA_DIR with the data kept and nothing duplicated', async () => {
    expect(firstStart).toBeDefined();
    const server = await start(dataDir);
    servers.push(server);
    const cities = await signInAndListCities(server);
    expect(cities).toHaveLength(7);
    expect(server.output()).not.toContain('Applied migrations');
    expect(await stop(server)).toBe(0);
    expect(queryDataDir(dataDir, SEEDED_ROWS)).toEqual(firstStart);
  }, 240_000);
});
