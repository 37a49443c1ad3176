import { spawnSync } from 'node:child_process';
import { connect, createServer, Server, Socket } from 'node:net';

/**
 * A TCP proxy for fault tests: it stands between the app and PostgreSQL or Redis (or between
 * clients and an instance, like a load balancer), and can cut the link — every open connection is
 * reset and new ones are refused, as when the server behind it restarts — and restore it.
 * `retarget` sends new connections to another port (a load balancer taking a dead instance out).
 */
export class TcpProxy {
  private readonly server: Server;
  private readonly pairs = new Set<[Socket, Socket]>();
  private cutOff = false;
  port = 0;

  private constructor(
    private targetHost: string,
    private targetPort: number,
  ) {
    this.server = createServer((client) => this.accept(client));
  }

  static async start(target: string | URL): Promise<TcpProxy> {
    const url = typeof target === 'string' ? new URL(target) : target;
    const defaultPort = url.protocol.startsWith('redis') ? 6379 : url.protocol.startsWith('postgres') ? 5432 : 80;
    const proxy = new TcpProxy(url.hostname, Number(url.port || defaultPort));
    await new Promise<void>((resolve, reject) => {
      proxy.server.once('error', reject);
      proxy.server.listen(0, '127.0.0.1', () => resolve());
    });
    proxy.port = (proxy.server.address() as { port: number }).port;
    return proxy;
  }

  /** `url` with its host and port replaced by the proxy's. */
  via(url: string): string {
    const u = new URL(url);
    u.hostname = '127.0.0.1';
    u.port = String(this.port);
    return u.toString();
  }

  get connections(): number {
    return this.pairs.size;
  }

  get isCut(): boolean {
    return this.cutOff;
  }

  /** Resets every open connection and refuses new ones until `restore`. */
  cut(): void {
    this.cutOff = true;
    for (const [client, upstream] of this.pairs) {
      client.resetAndDestroy();
      upstream.destroy();
    }
    this.pairs.clear();
  }

  restore(): void {
    this.cutOff = false;
  }

  /** New connections go to `port` from now on (open ones stay where they are). */
  retarget(port: number, host = '127.0.0.1'): void {
    this.targetHost = host;
    this.targetPort = port;
  }

  async close(): Promise<void> {
    this.cut();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private accept(client: Socket): void {
    if (this.cutOff) {
      client.resetAndDestroy();
      return;
    }
    const upstream = connect(this.targetPort, this.targetHost);
    const pair: [Socket, Socket] = [client, upstream];
    this.pairs.add(pair);
    const end = () => {
      this.pairs.delete(pair);
      client.destroy();
      upstream.destroy();
    };
    client.on('error', end).on('close', end);
    upstream.on('error', end).on('close', end);
    client.pipe(upstream);
    upstream.pipe(client);
  }
}

/** Whether something accepts TCP connections at `url` (checked synchronously, so that a test file can skip itself). */
export function reachable(url: string): boolean {
  const u = new URL(url);
  const port = Number(u.port || (u.protocol.startsWith('redis') ? 6379 : 5432));
  const probe = spawnSync(
    process.execPath,
    [
      '-e',
      `const s=require('net').connect(${port},${JSON.stringify(u.hostname)});` +
        `s.on('connect',()=>process.exit(0));s.on('error',()=>process.exit(1));setTimeout(()=>process.exit(1),2000);`,
    ],
    { timeout: 5000 },
  );
  return probe.status === 0;
}
