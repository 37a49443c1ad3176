import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { waitFor } from './collab-fixtures';
import type { TestDatabase } from './test-database';

/** The compiled server (`npm start`) as a child process, for tests that kill or stop it. */

export const ROOT = join(__dirname, '..', '..', '..', '..');
export const MAIN = join(ROOT, 'apps', 'api', 'dist', 'main.js');
export const CHILD_JWT_SECRET = 'test-secret-that-is-long-enough';

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Builds the server (incrementally): the tests run what `npm start` runs. */
export function buildServer(): void {
  const build = spawnSync(
    process.execPath,
    [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-b', 'apps/api'],
    {
      cwd: ROOT,
      encoding: 'utf8',
    },
  );
  if (build.status !== 0) console.warn(`tsc -b apps/api reported errors:\n${build.stdout}${build.stderr}`);
  if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: the build failed`);
}

export interface ChildServer {
  process: ChildProcess;
  url: string;
  port: number;
  output(): string;
  /** Resolves with the exit code (or the signal's name) once the process is gone. */
  exited: Promise<number | string>;
  kill(signal: NodeJS.Signals): Promise<number | string>;
}

/** Starts the compiled server on `port` against `database` and resolves once /api/health answers 200. */
export async function startServer(
  database: TestDatabase,
  port: number,
  extraEnv: NodeJS.ProcessEnv = {},
): Promise<ChildServer> {
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    NODE_ENV: 'production',
    PORT: String(port),
    DATABASE_URL: database.url,
    DATABASE_POOL_SIZE: String(database.poolSize),
    JWT_SECRET: CHILD_JWT_SECRET,
    SERVE_WEB: 'false',
    SEED_DEMO: 'false',
    ...extraEnv,
  };
  const child = spawn(process.execPath, [MAIN], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | string>((resolve) =>
    child.once('exit', (code, signal) => resolve(code ?? signal ?? 'unknown')),
  );
  const url = `http://127.0.0.1:${port}`;
  const healthy = waitFor(
    'the server to answer',
    async () => {
      try {
        return (await fetch(`${url}/api/health`)).status === 200;
      } catch {
        return false;
      }
    },
    60_000,
  );
  const died = exited.then((code) => {
    throw new Error(`the server exited (${code}):\n${output}`);
  });
  await Promise.race([healthy, died]);
  died.catch(() => undefined);
  return {
    process: child,
    url,
    port,
    output: () => output,
    exited,
    kill(signal) {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}
