import { BadMessageCounter, TokenBucket } from './socket-session';

describe('TokenBucket', () => {
  it('allows a burst, then the refill rate', () => {
    let now = 0;
    const bucket = new TokenBucket(
      () => ({ perSecond: 10, burst: 3 }),
      () => now,
    );
    expect([bucket.take(), bucket.take(), bucket.take(), bucket.take()]).toEqual([true, true, true, false]);
    now += 100; // one token back
    expect([bucket.take(), bucket.take()]).toEqual([true, false]);
    now += 10_000; // never more than the burst
    expect([bucket.take(), bucket.take(), bucket.take(), bucket.take()]).toEqual([true, true, true, false]);
  });
});

describe('BadMessageCounter', () => {
  it('trips at the limit within the window only', () => {
    let now = 0;
    const counter = new BadMessageCounter(
      () => 3,
      () => 1000,
      () => now,
    );
    expect([counter.record(), counter.record()]).toEqual([false, false]);
    now += 1500; // the first two are forgotten
    expect([counter.record(), counter.record(), counter.record()]).toEqual([false, false, true]);
  });
});
