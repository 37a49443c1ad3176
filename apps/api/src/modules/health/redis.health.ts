import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { createClient } from 'redis';
import { AppConfig } from '../../core/config/config';

type Redis = ReturnType<typeof createClient>;

/** Whether Redis (REDIS_URL, used for scale-out) answers a PING; its own connection, opened on first check. */
@Injectable()
export class RedisHealthIndicator implements OnApplicationShutdown {
  private client: Redis | null = null;
  private connecting: Promise<unknown> | null = null;

  constructor(
    private readonly config: AppConfig,
    private readonly indicator: HealthIndicatorService,
  ) {}

  get configured(): boolean {
    return Boolean(this.config.REDIS_URL);
  }

  async pingCheck(key: string, timeoutMs = 3000) {
    const check = this.indicator.check(key);
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        this.ping(),
        new Promise((_, reject) => {
          timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
        }),
      ]);
      return check.up();
    } catch (error) {
      return check.down({ message: error instanceof Error ? error.message : String(error) });
    } finally {
      clearTimeout(timer);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.client?.isOpen) await this.client.quit().catch(() => undefined);
  }

  private async ping(): Promise<void> {
    if (!this.client) {
      const client = createClient({
        url: this.config.REDIS_URL,
        socket: { reconnectStrategy: (n) => Math.min(n * 200, 2000) },
      });
      // Errors surface through the failed PING; the client reconnects by itself.
      client.on('error', () => undefined);
      this.client = client;
      this.connecting = client.connect();
    }
    await this.connecting;
    await this.client.ping();
  }
}
