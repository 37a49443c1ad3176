import { assertJsonDepth, refuseNulInUrl, storableStrings } from './request-guards';

const nested = (depth: number) => Buffer.from(`${'['.repeat(depth)}1${']'.repeat(depth)}`);

describe('assertJsonDepth', () => {
  it('lets ordinary bodies through, up to the limit', () => {
    expect(() => assertJsonDepth(Buffer.from('{"a":[{"b":{"c":[1,2,3]}}],"d":"x"}'))).not.toThrow();
    expect(() => assertJsonDepth(nested(64))).not.toThrow();
  });

  it('refuses deeper nesting with a client error', () => {
    expect(() => assertJsonDepth(nested(65))).toThrow(expect.objectContaining({ status: 400, expose: true }));
    expect(() => assertJsonDepth(Buffer.from(`${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}`))).toThrow(/deeper than 64/);
  });

  it('does not count brackets inside strings, escaped quotes included', () => {
    expect(() =>
      assertJsonDepth(Buffer.from(JSON.stringify({ t: '['.repeat(500) + '\\"{'.repeat(500) }))),
    ).not.toThrow();
  });
});

describe('storableStrings', () => {
  it('replaces lone surrogates and NUL in every string, and keeps surrogate pairs', () => {
    const parsed = JSON.parse(
      '{"a":"x\\ud800y","b":["\\udc00","n\\u0000"],"c":"\\ud83d\\ude00","d":1}',
      storableStrings,
    );
    expect(parsed).toEqual({ a: 'x\uFFFDy', b: ['\uFFFD', 'n\uFFFD'], c: '😀', d: 1 });
  });
});

describe('refuseNulInUrl', () => {
  it('refuses %00 anywhere in the URL and lets the rest through', () => {
    const next = jest.fn();
    refuseNulInUrl({ url: '/api/cities/a%00b' }, null, next);
    refuseNulInUrl({ url: '/api/search?q=%2500' }, null, next);
    expect(next.mock.calls[0][0]).toMatchObject({ code: 'bad_request' });
    expect(next.mock.calls[1][0]).toBeUndefined();
  });
});
