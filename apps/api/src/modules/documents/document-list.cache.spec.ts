import { createHash } from 'node:crypto';
import { accessScopeKey } from '../../core/access/access-scope';
import { DocumentListCache, etagOf, type SerializedList } from './document-list.cache';

const list = (bytes: number, fingerprint = 'f'): SerializedList => {
  const body = Buffer.alloc(bytes, 'x');
  return { body, etag: etagOf(body), fingerprint };
};

describe('DocumentListCache', () => {
  it('keeps lists by key and replaces one set again', () => {
    const cache = new DocumentListCache();
    const a = list(10, 'a');
    cache.set('k', a);
    expect(cache.get('k')).toBe(a);
    const b = list(10, 'b');
    cache.set('k', b);
    expect(cache.get('k')).toBe(b);
    expect(cache.size).toBe(1);
    cache.delete('k');
    expect(cache.get('k')).toBeUndefined();
  });

  it('keeps at most maxBytes, dropping the least recently used lists first', () => {
    const cache = new DocumentListCache();
    cache.maxBytes = 30;
    cache.set('a', list(10));
    cache.set('b', list(10));
    cache.set('c', list(10));
    cache.get('a');
    cache.set('d', list(10));
    expect(cache.get('b')).toBeUndefined();
    expect(['a', 'c', 'd'].every((k) => cache.get(k) !== undefined)).toBe(true);
    cache.set('huge', list(31));
    expect(cache.get('huge')).toBeUndefined();
    expect(cache.size).toBe(3);
  });
});

describe('etagOf', () => {
  it('writes a weak ETag of the bytes as Express does', () => {
    const body = Buffer.from('[{"id":"x"}]');
    const sha1 = createHash('sha1').update(body).digest('base64').replace(/=+$/, '');
    expect(etagOf(body)).toBe(`W/"${body.length.toString(16)}-${sha1}"`);
    expect(etagOf(Buffer.from('[]'))).not.toBe(etagOf(body));
  });
});

describe('accessScopeKey', () => {
  it('depends on the role and the memberships only, in any order', () => {
    const lyon = { cityId: 'lyon', role: 'editor' as const };
    const tangier = { cityId: 'tangier', role: 'observer' as const };
    expect(accessScopeKey({ role: 'member', memberships: [lyon, tangier] })).toBe(
      accessScopeKey({ role: 'member', memberships: [tangier, lyon] }),
    );
    const keys = [
      accessScopeKey({ role: 'member', memberships: [lyon] }),
      accessScopeKey({ role: 'member', memberships: [{ ...lyon, role: 'stakeholder' }] }),
      accessScopeKey({ role: 'coordinator', memberships: [lyon] }),
      accessScopeKey({ role: 'member', memberships: [] }),
    ];
    expect(new Set(keys).size).toBe(keys.length);
  });
});
