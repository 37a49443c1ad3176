/** Socket errors of a connection to the database (or Redis) that went away or cannot be made. */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);
/** What `pg` says when a connection drops or the pool cannot get one in time. */
const PG_MESSAGES =
  /Connection terminated|connection error and is not queryable|timeout exceeded when trying to connect|Connection ended unexpectedly/i;

/**
 * Whether an error means "a dependency cannot be reached right now" rather than a bug: answered
 * with 503 `unavailable` (retry later), not 500. PostgreSQL's own codes of that kind are class 08
 * (connection exception) and 57P01–57P03 (the server is shutting down or starting).
 */
export function isUnavailable(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; current && typeof current === 'object' && depth < 4; depth++) {
    const { code, message, driverError, cause } = current as {
      code?: unknown;
      message?: unknown;
      driverError?: unknown;
      cause?: unknown;
    };
    const text = typeof code === 'string' ? code : '';
    if (NETWORK_CODES.has(text) || /^08|^57P0[123]$/.test(text)) return true;
    if (typeof message === 'string' && PG_MESSAGES.test(message)) return true;
    current = driverError ?? cause;
  }
  return false;
}
