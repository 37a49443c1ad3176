import fc from 'fast-check';

/**
 * Hostile values for the fuzz tests: what an attacker types into every field, id and parameter.
 * Every text payload that could run as markup carries `MARK`, so that a rendering can be searched
 * for an unescaped copy of it.
 */
export const MARK = 'fz7q';

export const SCRIPT_PAYLOADS = [
  `<script>alert('${MARK}')</script>`,
  `"><img src=x onerror=alert('${MARK}')>`,
  `<svg onload=alert('${MARK}')>`,
  `javascript:alert('${MARK}')`,
  `<a href="javascript:alert('${MARK}')">${MARK}</a>`,
  `</textarea><script>${MARK}</script>`,
  `{{constructor.constructor('${MARK}')()}}`,
  `[${MARK}](javascript:alert(1))`,
];

export const SQL_PAYLOADS = [
  `' OR '1'='1`,
  `'; DROP TABLE documents; --`,
  `" OR 1=1 --`,
  `1; SELECT pg_sleep(5)`,
  `' UNION SELECT password_hash FROM users --`,
  `\\'; --`,
  `%' OR 'x'='x`,
  `$1`,
  `E'\\x00'`,
  `' || (SELECT current_setting('server_version')) || '`,
];

export const TRAVERSAL_PAYLOADS = [
  '../',
  '../../../../etc/passwd',
  '..%2F..%2F..%2Fetc%2Fpasswd',
  '%2e%2e%2f%2e%2e%2fetc%2fpasswd',
  '..%252f..%252fetc%252fpasswd',
  '....//....//etc/passwd',
  '..\\..\\windows\\win.ini',
  '%00',
  'id%00.json',
  '/etc/passwd',
  'file:///etc/passwd',
  '%c0%ae%c0%ae/',
];

export const ODD_STRINGS = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\uFEFF',
  '\uD800',
  '\u202Eevil',
  'مرحبا <b>',
  '😀'.repeat(50),
  'null',
  'undefined',
  'NaN',
  '-1',
  '0',
  '1e309',
  '__proto__',
  'constructor',
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  '12345678-1234-1234-1234-1234567890ab',
  '{"$gt":""}',
  '${jndi:ldap://x/a}',
  '%s%s%s%n',
  '\r\nSet-Cookie: injected=1',
];

const fromList = (list: readonly string[]) => fc.constantFrom(...list);

/** A hostile string of any kind, sometimes long. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fromList(SCRIPT_PAYLOADS) },
  { weight: 3, arbitrary: fromList(SQL_PAYLOADS) },
  { weight: 2, arbitrary: fromList(TRAVERSAL_PAYLOADS) },
  { weight: 3, arbitrary: fromList(ODD_STRINGS) },
  { weight: 2, arbitrary: fc.string({ maxLength: 40, unit: 'grapheme' }) },
  { weight: 1, arbitrary: fc.string({ maxLength: 20, unit: 'binary' }) },
  { weight: 1, arbitrary: fc.integer({ min: 201, max: 20_000 }).map((n) => 'A'.repeat(n)) },
  {
    weight: 1,
    arbitrary: fc.tuple(fromList(SCRIPT_PAYLOADS), fromList(SQL_PAYLOADS)).map(([a, b]) => `${a} ${b}`),
  },
);

/** Any JSON value of the wrong kind for a field. */
export const wrongValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer(),
  fc.double(),
  fc.constantFrom(Number.MAX_SAFE_INTEGER, -1, 0, 1e308, -0),
  hostileString,
  fc.array(hostileString, { maxLength: 3 }),
  fc.constant({}),
  fc.dictionary(fc.constantFrom('__proto__', 'constructor', 'toString', '$where', 'a'), hostileString, {
    maxKeys: 2,
  }),
  fc.constant([[[[[[[[[[[]]]]]]]]]]]),
  fc.constant({ type: 'Buffer', data: [1, 2, 3] }),
);

/** An id for a path segment: hostile, or `real` (an id that exists) with something appended. */
export const hostileId = (real: readonly string[]): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 4, arbitrary: hostileString.filter((s) => s.length < 5000) },
    {
      weight: 2,
      arbitrary: fc
        .tuple(fromList(real.length > 0 ? real : ['x']), fromList(['/..', '%2F..', "'", '"', ' ', '%00', '.json', '/']))
        .map(([id, suffix]) => id + suffix),
    },
    { weight: 1, arbitrary: fc.uuid() },
    { weight: 1, arbitrary: fc.integer().map(String) },
  );
