import { MARK } from './hostile';

/** Signs of internals in a response: stack frames, source paths, driver and SQL errors, hashes. */
const LEAKS: Array<[string, RegExp]> = [
  ['stack frame', /\bat [\w$.<>]+ \(|\bat (?:async )?\/|\n\s+at /],
  ['source path', /node_modules|\/work\/|apps\/api\/(src|dist)|\.ts:\d+/],
  ['driver error', /QueryFailedError|EntityNotFound|TypeORMError|ECONNREFUSED/],
  [
    'SQL error',
    /syntax error at or near|violates (foreign key|unique|check|not-null) constraint|invalid input syntax for type/i,
  ],
  ['password hash', /\$argon2(id|i|d)\$/],
];

/** Markup that would run if the response were rendered: a hostile payload that was not escaped. */
const UNESCAPED: Array<[string, RegExp]> = [
  ['script element', new RegExp(`<script[^>]*>[^<]*${MARK}`, 'i')],
  ['event handler', new RegExp(`<[a-z]+[^>]*\\son(error|load)\\s*=\\s*["']?alert\\('${MARK}`, 'i')],
  ['javascript: link', /<a[^>]+href\s*=\s*["']?\s*javascript:/i],
];

export interface Response {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

/**
 * What every answer to a hostile request must satisfy; returns the problems found (none: fine).
 * `secrets` must never appear; `forbidden` must not appear for this caller (data they may not read).
 */
export function check(res: Response, secrets: readonly string[], forbidden: readonly string[] = []): string[] {
  const problems: string[] = [];
  const type = String(res.headers['content-type'] ?? '');
  if (res.status >= 500) problems.push(`status ${res.status}`);
  if (res.status >= 400) {
    if (!type.startsWith('application/json')) problems.push(`error answered as ${type || 'no content type'}`);
    let body: { statusCode?: unknown; message?: unknown } = {};
    try {
      body = JSON.parse(res.text) as typeof body;
    } catch {
      problems.push('error body is not JSON');
    }
    if (typeof body.message !== 'string' || body.message.length === 0) problems.push('error without a message');
    if (body.statusCode !== res.status) problems.push(`statusCode ${String(body.statusCode)} in a ${res.status}`);
  }
  for (const [what, pattern] of LEAKS) if (pattern.test(res.text)) problems.push(`leaks a ${what}`);
  for (const secret of secrets) if (secret && res.text.includes(secret)) problems.push('leaks a secret');
  for (const word of forbidden)
    if (res.text.includes(word)) problems.push(`shows data the caller may not read (${word})`);
  if (type.startsWith('text/html')) problems.push(...unescaped(res.text));
  if (!res.headers['x-content-type-options']) problems.push('no X-Content-Type-Options');
  return problems;
}

/** Hostile markup that survived unescaped in an HTML rendering. */
export function unescaped(html: string): string[] {
  return UNESCAPED.filter(([, pattern]) => pattern.test(html)).map(([what]) => `unescaped ${what} in HTML`);
}
