/**
 * Error codes shared by the API (HTTP and socket) and the web client, which switches on them.
 * One registry: the HTTP status of each code lives here too so the mapping cannot drift.
 */
export const ERROR_CODES = {
  bad_request: 400,
  validation_failed: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_large: 413,
  rate_limited: 429,
  not_joined: 409,
  unavailable: 503,
  internal: 500,
} as const;
export type ErrorCode = keyof typeof ERROR_CODES;

export interface ErrorBody {
  statusCode: number;
  code: ErrorCode;
  message: string;
  /** For validation errors: the fields that are wrong. */
  fields?: string[];
}

export const httpStatusOf = (code: ErrorCode): number => ERROR_CODES[code];

/** Socket acknowledgements: `{ok: true, ...}` or `{ok: false, error: {code, message}}`. */
export type Ack<T extends object = object> =
  ({ ok: true } & T) | { ok: false; error: { code: ErrorCode; message: string } };
