import type { ChildProcess } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { stateFile } from './state';

export default async function globalTeardown(): Promise<void> {
  const child = (globalThis as { __PASSERELLE_SERVER__?: ChildProcess }).__PASSERELLE_SERVER__;
  if (child && child.exitCode === null) {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
    if (child.exitCode === null) child.kill('SIGKILL');
  }
  try {
    const { dataDir } = JSON.parse(readFileSync(stateFile(), 'utf8')) as { dataDir: string };
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(stateFile(), { force: true });
  } catch {
    // nothing to clean
  }
}
