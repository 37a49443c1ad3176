import { badRequest } from './domain.exception';

/** Deeper JSON is refused before it is parsed (real bodies nest a few levels). */
export const MAX_JSON_DEPTH = 64;

/**
 * Throws a 400 when the JSON text in `body` nests arrays and objects deeper than `max`: validation
 * walks a body recursively, and a few thousand levels overflow the stack (a 500 at best). Used as
 * the body parser's `verify` hook, on the raw bytes, in one pass.
 */
export function assertJsonDepth(body: Buffer, max = MAX_JSON_DEPTH): void {
  let depth = 0;
  let inString = false;
  let escaped = false;
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (inString) {
      if (escaped) escaped = false;
      else if (c === 0x5c) escaped = true;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) {
      inString = true;
    } else if (c === 0x7b || c === 0x5b) {
      if (++depth > max) {
        throw Object.assign(new Error(`The request body nests deeper than ${max} levels`), {
          status: 400,
          expose: true,
          type: 'entity.too.deep',
        });
      }
    } else if (c === 0x7d || c === 0x5d) {
      depth--;
    }
  }
}

/** Lone surrogates (`"\ud800"` is valid JSON but not text) and NUL, which PostgreSQL text cannot hold. */
// eslint-disable-next-line no-control-regex -- matching NUL is the point
const UNSTORABLE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]|\u0000/g;

/**
 * A JSON.parse reviver that replaces what text cannot hold with U+FFFD, as encoding it would anyway:
 * otherwise PostgreSQL refuses NUL, and libraries on the way (validator's isEmail,
 * encodeURIComponent) throw on lone surrogates — a 500 either way.
 */
export function storableStrings(_key: string, value: unknown): unknown {
  return typeof value === 'string' ? value.replace(UNSTORABLE, '\uFFFD') : value;
}

/** Express middleware: a NUL in the path or the query (`%00`) is refused with 400 before it reaches a query. */
export function refuseNulInUrl(req: { url: string }, _res: unknown, next: (error?: unknown) => void): void {
  next(req.url.includes('%00') ? badRequest('The URL contains a NUL character') : undefined);
}
