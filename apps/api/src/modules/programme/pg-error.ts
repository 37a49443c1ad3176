import { QueryFailedError } from 'typeorm';

/** PostgreSQL error codes the feature modules translate into domain errors. */
export const PG_UNIQUE_VIOLATION = '23505';
export const PG_FOREIGN_KEY_VIOLATION = '23503';

/** The SQLSTATE and constraint of a failed query, or null when the error did not come from PostgreSQL. */
export function pgError(error: unknown): { code: string; constraint?: string } | null {
  if (!(error instanceof QueryFailedError)) return null;
  const driverError = error.driverError as { code?: string; constraint?: string };
  return driverError.code ? { code: driverError.code, constraint: driverError.constraint } : null;
}
