import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Where the global setup leaves the running product's URL for the tests. One file per Jest run
 * (named after the run's main process, which the test workers inherit through the environment),
 * so that two runs on one machine do not read each other's server.
 */
export function stateFile(): string {
  process.env.PASSERELLE_E2E_STATE ??= join(tmpdir(), `passerelle-e2e-${process.pid}.json`);
  return process.env.PASSERELLE_E2E_STATE;
}

/** The URL of the product started by the global setup. */
export function baseUrl(): string {
  return (JSON.parse(readFileSync(stateFile(), 'utf8')) as { url: string }).url;
}
