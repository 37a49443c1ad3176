import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

/**
 * An embedded PostgreSQL for machines without one: PGlite (PostgreSQL compiled to WebAssembly)
 * behind a local TCP socket, so the ordinary `pg` driver reaches it like a real server.
 * PGlite serves one connection at a time: the pool that uses it must have size one.
 */
export interface EmbeddedPostgres {
  url: string;
  location: string;
  stop(): Promise<void>;
}

/** `dataDir` null keeps the database in memory (tests). */
export async function startEmbeddedPostgres(dataDir: string | null): Promise<EmbeddedPostgres> {
  let location = 'memory://';
  if (dataDir) {
    location = resolve(dataDir, 'pg');
    mkdirSync(location, { recursive: true });
  }
  const db = await PGlite.create(location);
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections: 1 });
  await server.start();
  let stopped = false;
  return {
    url: `postgres://postgres:postgres@${server.getServerConn()}/postgres`,
    location,
    async stop() {
      if (stopped) return;
      stopped = true;
      await server.stop();
      await db.close();
    },
  };
}
