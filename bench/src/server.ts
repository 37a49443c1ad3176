import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { Client } from 'pg';
import { GcTrace } from './inspector';
import type { Protocol } from './protocols';
import { sleep } from './util';

export const ROOT = join(__dirname, '..', '..');
const ADMIN_URL = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

/** A throw-away database on the machine's PostgreSQL, dropped by `drop()`. */
export class BenchDatabase {
  readonly name = `passerelle_bench_${randomBytes(4).toString('hex')}`;
  readonly url = ADMIN_URL.replace(/\/[^/]*$/, `/${this.name}`);

  async create(): Promise<void> {
    await this.admin((c) => c.query(`CREATE DATABASE ${this.name}`));
  }

  async drop(): Promise<void> {
    await this.admin((c) => c.query(`DROP DATABASE IF EXISTS ${this.name} WITH (FORCE)`));
  }

  async withClient<T>(fn: (client: Client) => Promise<T>): Promise<T> {
    const client = new Client({ connectionString: this.url });
    await client.connect();
    try {
      return await fn(client);
    } finally {
      await client.end();
    }
  }

  private async admin(fn: (client: Client) => Promise<unknown>): Promise<void> {
    const client = new Client({ connectionString: ADMIN_URL });
    await client.connect();
    try {
      await fn(client);
    } finally {
      await client.end();
    }
  }
}

/**
 * What a server is started with when `diagnostics` is on: the V8 inspector on a free local port
 * (for `process.memoryUsage()` and heap snapshots, see Inspector) and `--trace-gc` on stdout (the
 * heap after each full GC, see GcTrace).
 */
export interface Diagnostics {
  inspectPort: number;
  gcTrace: GcTrace;
  /** Date.now() when the process was spawned: the origin (within a few ms) of GcTrace's clock. */
  spawnedAt: number;
}

async function diagnosticArgs(): Promise<{ args: string[]; diagnostics: Diagnostics }> {
  const inspectPort = await freePort();
  return {
    args: [`--inspect=127.0.0.1:${inspectPort}`, '--trace-gc'],
    diagnostics: { inspectPort, gcTrace: new GcTrace(), spawnedAt: Date.now() },
  };
}

/** The inspector's banner on stderr is not an error of the server. */
const withoutInspectorBanner = (stderr: string) =>
  stderr
    .split('\n')
    .filter((line) => !/^(Debugger (listening on|attached|ending on)|For help, see: https:\/\/nodejs.org)/.test(line))
    .join('\n');

/** The Passerelle API (apps/api/dist/main.js) as a child process, in production mode. */
export class ApiServer {
  private child: ChildProcess | null = null;
  port = 0;
  /** Start with the inspector and --trace-gc (set before `start`); see `diagnostics`. */
  withDiagnostics = false;
  /** Of the running server, when started `withDiagnostics`. */
  diagnostics: Diagnostics | null = null;

  constructor(
    private readonly databaseUrl: string,
    /** Extra options for node (e.g. --cpu-prof). */
    private readonly nodeArgs: string[] = [],
  ) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get pid(): number {
    if (!this.child?.pid) throw new Error('server not running');
    return this.child.pid;
  }

  async start(): Promise<void> {
    this.port = this.port || (await freePort());
    const diag = this.withDiagnostics ? await diagnosticArgs() : null;
    this.diagnostics = diag?.diagnostics ?? null;
    const args = [...this.nodeArgs, ...(diag?.args ?? []), join(ROOT, 'apps/api/dist/main.js')];
    const child = spawn(process.execPath, args, {
      cwd: ROOT,
      env: {
        ...process.env,
        PORT: String(this.port),
        DATABASE_URL: this.databaseUrl,
        SERVE_WEB: 'false',
        SEED_DEMO: 'true',
        JWT_SECRET: 'bench-secret-long-enough',
        NODE_ENV: 'production',
        LOGIN_RATE_LIMIT: '100000',
      },
      stdio: ['ignore', diag ? 'pipe' : 'ignore', 'pipe'],
    });
    if (diag) child.stdout?.on('data', (chunk: Buffer) => diag.diagnostics.gcTrace.feed(chunk.toString()));
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
    this.child = child;
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode}): ${stderr}`);
      try {
        const res = await fetch(`${this.url}/api/health`);
        if (res.ok) return;
      } catch {
        // not listening yet
      }
      await sleep(200);
    }
    throw new Error(`server did not become healthy: ${stderr}`);
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
    this.child = null;
  }

  async login(email: string, password = 'passerelle'): Promise<string> {
    const body = await this.request<{ accessToken: string }>('POST', '/api/auth/login', undefined, { email, password });
    return body.accessToken;
  }

  async request<T>(method: string, path: string, token?: string, body?: unknown): Promise<T> {
    const res = await fetch(`${this.url}${path}`, {
      method,
      headers: {
        'content-type': 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  }

  async lyonId(token: string): Promise<string> {
    const cities = await this.request<Array<{ id: string; slug: string }>>('GET', '/api/cities', token);
    const lyon = cities.find((c) => c.slug === 'lyon');
    if (!lyon) throw new Error('no Lyon in the demo data');
    return lyon.id;
  }

  async createDocument(token: string, cityId: string, title: string): Promise<string> {
    const doc = await this.request<{ id: string }>('POST', '/api/documents', token, {
      cityId,
      kind: 'note',
      title,
      language: 'en',
    });
    return doc.id;
  }
}

/** The servers the load is run against: ours and the peers the benchmark starts itself. */
export type ServerKind = 'passerelle' | 'relay' | 'hocuspocus' | 'hocuspocus-pg' | 'y-websocket';

export const SERVER_KINDS: ServerKind[] = ['passerelle', 'hocuspocus', 'hocuspocus-pg', 'y-websocket', 'relay'];

export const SERVER_LABEL: Record<ServerKind, string> = {
  passerelle: 'Passerelle',
  relay: 'dumb relay (floor)',
  hocuspocus: 'Hocuspocus in memory',
  'hocuspocus-pg': 'Hocuspocus + PostgreSQL',
  'y-websocket': 'y-websocket',
};

export const SERVER_PROTOCOL: Record<ServerKind, Protocol> = {
  passerelle: 'passerelle',
  relay: 'relay',
  hocuspocus: 'hocuspocus',
  'hocuspocus-pg': 'hocuspocus',
  'y-websocket': 'y-websocket',
};

/**
 * A peer server as a child process (so that its CPU and RSS are read from /proc like ours):
 * the dumb relay, Hocuspocus in memory or with PostgreSQL (src/peer-hocuspocus.ts), or the
 * y-websocket reference server (`y-websocket@1`'s bin/server.js, no persistence).
 */
export class PeerServer {
  private child: ChildProcess | null = null;
  private stderr = '';
  port = 0;
  /** Start with the inspector and --trace-gc (set before `start`). */
  withDiagnostics = false;
  diagnostics: Diagnostics | null = null;

  constructor(
    readonly kind: Exclude<ServerKind, 'passerelle'>,
    private readonly databaseUrl: string,
    private readonly nodeArgs: string[] = [],
  ) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get pid(): number {
    if (!this.child?.pid) throw new Error('server not running');
    return this.child.pid;
  }

  async start(): Promise<void> {
    this.port = await freePort();
    const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(this.port), HOST: '127.0.0.1' };
    delete env.DATABASE_URL;
    delete env.YPERSISTENCE;
    let script: string;
    if (this.kind === 'relay') script = join(__dirname, 'relay.js');
    else if (this.kind === 'y-websocket') script = join(ROOT, 'node_modules/y-websocket/bin/server.js');
    else {
      script = join(__dirname, 'peer-hocuspocus.js');
      if (this.kind === 'hocuspocus-pg') env.DATABASE_URL = this.databaseUrl;
    }
    const diag = this.withDiagnostics ? await diagnosticArgs() : null;
    this.diagnostics = diag?.diagnostics ?? null;
    const child = spawn(process.execPath, [...this.nodeArgs, ...(diag?.args ?? []), script], {
      cwd: ROOT,
      env,
      stdio: ['ignore', diag ? 'pipe' : 'ignore', 'pipe'],
    });
    if (diag) child.stdout?.on('data', (chunk: Buffer) => diag.diagnostics.gcTrace.feed(chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (this.stderr = (this.stderr + chunk.toString()).slice(-4000)));
    this.child = child;
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline) {
      if (child.exitCode !== null) throw new Error(`${this.kind} exited (${child.exitCode}): ${this.stderr}`);
      try {
        await fetch(this.url);
        return;
      } catch {
        // not listening yet
      }
      await sleep(100);
    }
    throw new Error(`${this.kind} did not start: ${this.stderr}`);
  }

  /** What the server wrote to stderr (warnings included), for the log. */
  get errors(): string {
    return withoutInspectorBanner(this.stderr);
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    await exited;
    clearTimeout(timer);
    this.child = null;
  }
}
