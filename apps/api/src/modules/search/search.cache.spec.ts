import { EventEmitter2 } from '@nestjs/event-emitter';
import { accessScopeKey } from '../../core/access/access-scope';
import { SEARCH_INVALIDATING_EVENTS, SearchCache } from './search.cache';

describe('SearchCache', () => {
  let now: number;
  let events: EventEmitter2;
  let cache: SearchCache;

  beforeEach(() => {
    now = 1_000_000;
    jest.spyOn(Date, 'now').mockImplementation(() => now);
    events = new EventEmitter2();
    cache = new SearchCache(events);
    cache.onModuleInit();
  });
  afterEach(() => {
    cache.onModuleDestroy();
    jest.restoreAllMocks();
  });

  const counter = () => {
    let calls = 0;
    const compute = () => Promise.resolve(++calls);
    return { compute, calls: () => calls };
  };

  it('keeps an answer for ttlMs counted from when it was computed, then computes it again', async () => {
    const c = counter();
    expect(await cache.get('k', c.compute)).toBe(1);
    now += cache.ttlMs - 1;
    expect(await cache.get('k', c.compute)).toBe(1);
    now += 1;
    expect(await cache.get('k', c.compute)).toBe(2);
  });

  it('keeps answers apart by key', async () => {
    const c = counter();
    expect(await cache.get('a', c.compute)).toBe(1);
    expect(await cache.get('b', c.compute)).toBe(2);
    expect(await cache.get('a', c.compute)).toBe(1);
  });

  it('computes once for requests that come while the answer is being computed', async () => {
    let finish: (value: string) => void = () => undefined;
    const compute = jest.fn(() => new Promise<string>((resolve) => (finish = resolve)));
    const first = cache.get('k', compute);
    const second = cache.get('k', compute);
    finish('answer');
    expect(await Promise.all([first, second])).toEqual(['answer', 'answer']);
    expect(compute).toHaveBeenCalledTimes(1);
  });

  it('does not keep a failure', async () => {
    await expect(cache.get('k', () => Promise.reject(new Error('down')))).rejects.toThrow('down');
    expect(await cache.get('k', () => Promise.resolve('up'))).toBe('up');
  });

  it.each(SEARCH_INVALIDATING_EVENTS)('forgets every answer on %s', async (name) => {
    const c = counter();
    await cache.get('a', c.compute);
    await cache.get('b', c.compute);
    events.emit(name, {});
    expect(cache.size).toBe(0);
    expect(await cache.get('a', c.compute)).toBe(3);
  });

  it('does not hand an answer computed before a change to requests made after it', async () => {
    let finish: (value: string) => void = () => undefined;
    const before = cache.get('k', () => new Promise<string>((resolve) => (finish = resolve)));
    events.emit(SEARCH_INVALIDATING_EVENTS[0], {});
    const after = cache.get('k', () => Promise.resolve('fresh'));
    finish('stale');
    expect(await before).toBe('stale');
    expect(await after).toBe('fresh');
  });

  it('keeps at most maxEntries answers, dropping the oldest', async () => {
    cache.maxEntries = 2;
    const c = counter();
    await cache.get('a', c.compute);
    await cache.get('b', c.compute);
    await cache.get('c', c.compute);
    expect(cache.size).toBe(2);
    expect(await cache.get('a', c.compute)).toBe(4);
  });

  it('is off with a ttl of 0', async () => {
    cache.ttlMs = 0;
    const c = counter();
    await cache.get('k', c.compute);
    expect(await cache.get('k', c.compute)).toBe(2);
    expect(cache.size).toBe(0);
  });

  it('stops listening when the module is destroyed', async () => {
    const c = counter();
    await cache.get('k', c.compute);
    cache.onModuleDestroy();
    events.emit(SEARCH_INVALIDATING_EVENTS[0], {});
    expect(cache.size).toBe(1);
  });
});

describe('accessScopeKey', () => {
  const lyon = '11111111-1111-1111-1111-111111111111';
  const tangier = '22222222-2222-2222-2222-222222222222';

  it('is the same for people with the same role and memberships, in any order', () => {
    expect(
      accessScopeKey({
        role: 'member',
        memberships: [
          { cityId: lyon, role: 'editor' },
          { cityId: tangier, role: 'observer' },
        ],
      }),
    ).toBe(
      accessScopeKey({
        role: 'member',
        memberships: [
          { cityId: tangier, role: 'observer' },
          { cityId: lyon, role: 'editor' },
        ],
      }),
    );
  });

  it('differs when the global role, a city or a role in a city differs', () => {
    const keys = [
      accessScopeKey({ role: 'member', memberships: [] }),
      accessScopeKey({ role: 'coordinator', memberships: [] }),
      accessScopeKey({ role: 'admin', memberships: [] }),
      accessScopeKey({ role: 'member', memberships: [{ cityId: lyon, role: 'editor' }] }),
      accessScopeKey({ role: 'member', memberships: [{ cityId: lyon, role: 'stakeholder' }] }),
      accessScopeKey({ role: 'member', memberships: [{ cityId: tangier, role: 'editor' }] }),
      accessScopeKey({ role: 'coordinator', memberships: [{ cityId: lyon, role: 'editor' }] }),
    ];
    expect(new Set(keys).size).toBe(keys.length);
  });
});
