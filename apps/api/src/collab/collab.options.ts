import { Injectable } from '@nestjs/common';
import { AppConfig } from '../core/config/config';

export interface Rate {
  /** Tokens added per second. */
  perSecond: number;
  /** Bucket size: how many may come at once. */
  burst: number;
}

/**
 * Tuning of the collaboration server. Read on every use, so tests may change a field of the
 * instance they get from the app (`app.get(CollabOptions)`) to exercise compaction or eviction
 * without waiting for production thresholds.
 */
@Injectable()
export class CollabOptions {
  /** COLLAB_MAX_MESSAGE_BYTES: larger sync or awareness messages get too_large. */
  maxMessageBytes: number;
  /** Stored updates after which a document is compacted into its snapshot (in the background), once its editing pauses … */
  compactAfterUpdates = 500;
  /** … for this long (no change stored by this instance) … */
  compactIdleMs = 2000;
  /** … or at once when it reaches this many while people keep typing. */
  compactWhenBusyAfterUpdates = 2000;
  /**
   * Background compactions running at once; the others wait their turn. Documents leave memory
   * together (a workshop ends: every one of its documents is compacted on eviction), and each
   * compaction reads its whole update log into this process and holds a database connection.
   */
  maxConcurrentCompactions = 2;
  /** A document opened from its compacted snapshot is built this long after loading, unless needed sooner. */
  buildAfterLoadMs = 250;
  /** How long a document nobody has open stays in memory. */
  evictAfterMs = 30_000;
  /** The searchable text is written this long after the last change … */
  plainTextDebounceMs = 1500;
  /** … or at the latest this long after the first unwritten one, while typing goes on. */
  plainTextMaxWaitMs = 5000;
  /** Sync messages per connection (an editor sends a few per second; the provider merges bursts). */
  syncRate: Rate = { perSecond: 50, burst: 200 };
  awarenessRate: Rate = { perSecond: 30, burst: 100 };
  /** A connection that sends this many bad messages within the window is disconnected. */
  badMessageLimit = 20;
  badMessageWindowMs = 10_000;
  /** Rows per INSERT of the group commit. */
  writeBatchMaxRows = 500;
  /**
   * Least time between two commits of the group commit (see WriteQueue): under load, each commit
   * carries this long's changes. Every commit is a WAL flush that PostgreSQL pays for in CPU on the
   * cores the server shares; at 20 ms (50 commits/s at most) rather than 10, the benchmark's 400
   * changes/s cost PostgreSQL and the server less and the acknowledgement's p99 stays well under 50 ms.
   */
  writeBatchIntervalMs = 20;

  constructor(config: AppConfig) {
    this.maxMessageBytes = config.COLLAB_MAX_MESSAGE_BYTES;
  }
}
