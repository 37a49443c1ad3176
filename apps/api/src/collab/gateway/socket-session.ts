import type { CollabAccess } from '@passerelle/domain';
import type { AuthUser } from '../../core/auth/auth-user';
import type { Rate } from '../collab.options';

/** A token bucket: `take()` is false once the connection goes faster than the rate allows. */
export class TokenBucket {
  private tokens: number;
  private last: number;

  constructor(
    private readonly rate: () => Rate,
    private readonly now: () => number = Date.now,
  ) {
    this.tokens = rate().burst;
    this.last = now();
  }

  take(): boolean {
    const { perSecond, burst } = this.rate();
    const now = this.now();
    this.tokens = Math.min(burst, this.tokens + ((now - this.last) / 1000) * perSecond);
    this.last = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}

/** Counts bad messages in a sliding window. */
export class BadMessageCounter {
  private times: number[] = [];

  constructor(
    private readonly limit: () => number,
    private readonly windowMs: () => number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Records one; true when the limit is reached within the window. */
  record(): boolean {
    const now = this.now();
    this.times = this.times.filter((t) => now - t < this.windowMs());
    this.times.push(now);
    return this.times.length >= this.limit();
  }
}

export interface JoinedDocument {
  access: CollabAccess;
  /** Awareness client ids this connection announced in the document (removed when it leaves). */
  awarenessClients: Set<number>;
}

/** What the server knows about one connection (kept in `socket.data.session`). */
export interface SocketSession {
  user: AuthUser;
  /** The token's version: when the account's changes, the connection is dropped. */
  tokenVersion: number;
  joined: Map<string, JoinedDocument>;
  /** Joins in progress, so that a sync message sent right after `doc:join` waits for it. */
  joining: Map<string, Promise<unknown>>;
  syncBucket: TokenBucket;
  awarenessBucket: TokenBucket;
  badMessages: BadMessageCounter;
}
