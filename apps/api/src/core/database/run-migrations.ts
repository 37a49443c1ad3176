import { DataSource } from 'typeorm';

const MIGRATION_LOCK = 7_246_301;

/** Runs pending migrations; with a pool of more than one, under an advisory lock held on its own connection. */
export async function runMigrations(dataSource: DataSource, poolSize: number): Promise<string[]> {
  if (poolSize <= 1) return (await dataSource.runMigrations({ transaction: 'each' })).map((m) => m.name);
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    return (await dataSource.runMigrations({ transaction: 'each' })).map((m) => m.name);
  } finally {
    await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    await runner.release();
  }
}
