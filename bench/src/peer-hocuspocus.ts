import { Database } from '@hocuspocus/extension-database';
import { Server } from '@hocuspocus/server';
import { Pool } from 'pg';
import { HOCUSPOCUS_TABLE } from './peer-tables';

/**
 * A reference server: Hocuspocus 4.7 with its defaults (debounce 2 s, max 10 s, documents unloaded
 * when their last client leaves), in memory or — when DATABASE_URL is set — with
 * @hocuspocus/extension-database storing each document's whole state (Y.encodeStateAsUpdate) into a
 * bytea column of PostgreSQL, the way that extension is meant to be used.
 */
const port = Number(process.env.PORT);
const databaseUrl = process.env.DATABASE_URL;

async function main(): Promise<void> {
  const extensions = [];
  if (databaseUrl) {
    const pool = new Pool({ connectionString: databaseUrl, max: 4 });
    await pool.query(
      `CREATE TABLE IF NOT EXISTS ${HOCUSPOCUS_TABLE} (name text PRIMARY KEY, data bytea NOT NULL, updated_at timestamptz NOT NULL DEFAULT now())`,
    );
    extensions.push(
      new Database({
        fetch: async ({ documentName }) => {
          const res = await pool.query<{ data: Buffer }>(`SELECT data FROM ${HOCUSPOCUS_TABLE} WHERE name = $1`, [
            documentName,
          ]);
          return res.rows[0]?.data ?? null;
        },
        store: async ({ documentName, state }) => {
          await pool.query(
            `INSERT INTO ${HOCUSPOCUS_TABLE} (name, data) VALUES ($1, $2)
             ON CONFLICT (name) DO UPDATE SET data = EXCLUDED.data, updated_at = now()`,
            [documentName, state],
          );
        },
      }),
    );
  }
  const server = new Server({ port, address: '127.0.0.1', quiet: true, extensions });
  await server.listen();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
