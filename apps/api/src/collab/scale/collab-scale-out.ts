import { Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { createAdapter } from '@socket.io/redis-adapter';
import { randomUUID } from 'node:crypto';
import { createClient } from 'redis';
import type { Server } from 'socket.io';
import { AppConfig } from '../../core/config/config';
import { BusMessage, decodeBusMessage, encodeBusMessage } from './bus-message';

type Redis = ReturnType<typeof createClient>;

const CHANNEL = 'passerelle:collab';
const CONNECT_TIMEOUT_MS = 10_000;
/** Connections come back one by one after an outage: one catch-up for all of them. */
const CATCH_UP_DELAY_MS = 250;

/**
 * Scale-out over Redis (only when REDIS_URL is set; a single instance needs none of it).
 *
 * - Socket.IO rooms span the instances through `@socket.io/redis-adapter`.
 * - A channel of our own carries what each instance must *apply*, not just forward: the updates it
 *   stored and its sockets' presence. Every instance applies them to its in-memory copy and mirror
 *   and forwards them to its own sockets in the same step, so a client joining on any instance gets
 *   a copy that already holds everything it will not be sent again. Updates are published after
 *   their commit: an instance that loads the document from the database afterwards cannot miss one
 *   (it is either in the rows it read or arrives on the channel while it loads).
 * - Access re-checks (a membership removed on one instance) reach the connections on every instance.
 * - Messages published while a link was down are lost: when a connection comes back, this instance
 *   and the others (told by a `catch-up` message) re-read their open documents from storage and
 *   re-check access — everything acknowledged is stored, so that is where to converge from.
 */
@Injectable()
export class CollabScaleOut implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('CollabScaleOut');
  readonly instanceId = randomUUID();
  private readonly clients: Redis[] = [];
  private readonly handlers = new Set<(message: BusMessage) => void>();
  private readonly ready: Promise<unknown> | null = null;
  private publisher: Redis | null = null;
  private adapterClients: [Redis, Redis] | null = null;
  private lastError = 0;
  private readonly readyOnce = new WeakSet<Redis>();
  private catchUpTimer: NodeJS.Timeout | null = null;

  constructor(private readonly config: AppConfig) {
    if (!config.REDIS_URL) return;
    const [adapterPub, adapterSub, publisher, subscriber] = [0, 1, 2, 3].map(() => this.client(config.REDIS_URL!));
    this.adapterClients = [adapterPub, adapterSub];
    this.publisher = publisher;
    this.ready = Promise.all(this.clients.map((c) => c.connect())).then(() =>
      subscriber.subscribe(CHANNEL, (raw: Buffer) => this.receive(raw), true),
    );
  }

  get enabled(): boolean {
    return this.publisher !== null;
  }

  /** Installs the Redis adapter on the Socket.IO server (called by the gateway once the server exists). */
  attach(server: Server): void {
    if (!this.adapterClients) return;
    server.adapter(createAdapter(this.adapterClients[0], this.adapterClients[1], { key: 'passerelle:socket.io' }));
  }

  async onModuleInit(): Promise<void> {
    if (!this.ready) return;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`Redis at REDIS_URL did not answer within ${CONNECT_TIMEOUT_MS} ms`)),
        CONNECT_TIMEOUT_MS,
      );
    });
    try {
      await Promise.race([this.ready, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Tells the other instances (no-op without Redis). */
  publish(message: BusMessage): void {
    if (!this.publisher) return;
    const bytes = encodeBusMessage(this.instanceId, message);
    this.publisher
      .publish(CHANNEL, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength))
      .catch((error: unknown) => this.logError('publishing to Redis failed', error));
  }

  /** Messages from the other instances (never this one's own). */
  subscribe(handler: (message: BusMessage) => void): () => void {
    this.handlers.add(handler);
    return () => this.handlers.delete(handler);
  }

  async onApplicationShutdown(): Promise<void> {
    // After the Socket.IO server (and its adapter) closed: now the clients can go.
    if (this.catchUpTimer) clearTimeout(this.catchUpTimer);
    await Promise.allSettled(this.clients.map((c) => (c.isOpen ? c.quit() : Promise.resolve())));
  }

  private client(url: string): Redis {
    const client = createClient({ url });
    client.on('error', (error: unknown) => this.logError('Redis connection error', error));
    client.on('ready', () => {
      if (this.readyOnce.has(client)) this.scheduleCatchUp();
      this.readyOnce.add(client);
    });
    this.clients.push(client);
    return client;
  }

  private scheduleCatchUp(): void {
    if (this.catchUpTimer) return;
    this.catchUpTimer = setTimeout(() => {
      this.catchUpTimer = null;
      this.logger.log('reconnected to Redis: catching up from storage');
      this.publish({ kind: 'catch-up' });
      this.deliver({ kind: 'catch-up' });
    }, CATCH_UP_DELAY_MS);
  }

  private receive(raw: Buffer): void {
    let decoded: ReturnType<typeof decodeBusMessage>;
    try {
      decoded = decodeBusMessage(new Uint8Array(raw.buffer, raw.byteOffset, raw.byteLength));
    } catch (error) {
      return this.logError('ignoring a malformed message on the collaboration channel', error);
    }
    if (decoded.instanceId === this.instanceId) return;
    this.deliver(decoded.message);
  }

  private deliver(message: BusMessage): void {
    for (const handler of this.handlers) {
      try {
        handler(message);
      } catch (error) {
        this.logError('handling a collaboration channel message failed', error);
      }
    }
  }

  /** At most one line per second: a Redis outage must not flood the log. */
  private logError(what: string, error: unknown): void {
    const now = Date.now();
    if (now - this.lastError < 1000) return;
    this.lastError = now;
    this.logger.error(`${what}: ${error instanceof Error ? error.message : String(error)}`);
  }
}
