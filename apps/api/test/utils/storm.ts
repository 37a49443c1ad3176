import type { SocketIOProvider } from '@passerelle/collab';
import * as Y from 'yjs';
import { RawClient, sleep } from './collab-fixtures';

/** One acknowledgement a raw client received. */
export interface AckRecord {
  key: string;
  sentAt: number;
  at: number;
  ok: boolean;
  code?: string;
}

/**
 * A storm of edits from many clients, for fault tests. Every edit sets a unique key in the map
 * `edits`. Raw clients record the acknowledgement of each edit (the key is in `acked` only after
 * `{ok: true}`); providers merge, retry and re-send by themselves, so what they made is checked
 * against their own document in the end.
 */
export class Storm {
  readonly acks: AckRecord[] = [];
  readonly acked = new Set<string>();
  sent = 0;
  private running = true;
  private readonly loops: Promise<void>[] = [];
  private readonly outstanding = new Set<Promise<unknown>>();

  /** A raw client editing every `intervalMs`, without waiting for each acknowledgement. */
  addRaw(client: RawClient, name: string, intervalMs = 25): void {
    this.loops.push(
      (async () => {
        for (let i = 0; this.running; i++) {
          const key = `${name}:${i}`;
          const sentAt = Date.now();
          this.sent++;
          if (!client.socket.connected) break;
          const pending = client
            .edit((d) => d.getMap('edits').set(key, i))
            .then((ack) => {
              this.acks.push({ key, sentAt, at: Date.now(), ok: ack.ok, code: ack.ok ? undefined : ack.error.code });
              if (ack.ok) this.acked.add(key);
            });
          this.outstanding.add(pending);
          void pending.finally(() => this.outstanding.delete(pending));
          await sleep(intervalMs);
        }
      })(),
    );
  }

  /** A provider editing every `intervalMs` (offline or not: its changes wait in its outbox). */
  addProvider(provider: SocketIOProvider, name: string, intervalMs = 25): void {
    this.loops.push(
      (async () => {
        for (let i = 0; this.running; i++) {
          provider.doc.getMap('edits').set(`${name}:${i}`, i);
          await sleep(intervalMs);
        }
      })(),
    );
  }

  /** Stops editing (acknowledgements still under way keep arriving). */
  async stop(): Promise<void> {
    this.running = false;
    await Promise.all(this.loops);
  }

  /** Raw clients' edits that have not been answered yet. */
  get unanswered(): number {
    return this.outstanding.size;
  }
}

/** The keys of `edits` in a document. */
export const editKeys = (doc: Y.Doc): string[] => [...doc.getMap('edits').keys()];

/** Keys of `expected` missing from `doc`. */
export const missingFrom = (doc: Y.Doc, expected: Iterable<string>): string[] => {
  const edits = doc.getMap('edits');
  return [...expected].filter((key) => !edits.has(key));
};
