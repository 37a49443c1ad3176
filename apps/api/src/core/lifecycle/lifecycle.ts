import { Injectable, Logger } from '@nestjs/common';

/** A step of the graceful shutdown; it should finish by `deadline` (a `Date.now()` value). */
export type DrainStep = (deadline: number) => Promise<void>;

/**
 * Whether the process is shutting down, and the steps to run before the app closes (the
 * collaboration gateway flushes and acknowledges pending changes there, then closes its sockets).
 * Readiness answers 503 from the moment `drain` starts, so that a load balancer sends nobody new.
 */
@Injectable()
export class Lifecycle {
  private readonly logger = new Logger('Lifecycle');
  private readonly steps = new Set<DrainStep>();
  private stopping = false;

  get shuttingDown(): boolean {
    return this.stopping;
  }

  onDrain(step: DrainStep): () => void {
    this.steps.add(step);
    return () => this.steps.delete(step);
  }

  /** Marks the process as shutting down and runs every drain step, for at most `timeoutMs`. */
  async drain(timeoutMs: number): Promise<void> {
    this.stopping = true;
    const deadline = Date.now() + timeoutMs;
    let timer: NodeJS.Timeout | undefined;
    const expired = new Promise<'expired'>((resolve) => {
      timer = setTimeout(() => resolve('expired'), timeoutMs);
    });
    const steps = Promise.allSettled([...this.steps].map((step) => step(deadline))).then((results) => {
      for (const result of results) {
        if (result.status === 'rejected') this.logger.warn(`a shutdown step failed: ${String(result.reason)}`);
      }
      return 'done' as const;
    });
    try {
      if ((await Promise.race([steps, expired])) === 'expired') {
        this.logger.warn(`draining took longer than ${timeoutMs} ms: closing anyway`);
      }
    } finally {
      clearTimeout(timer);
    }
  }
}
