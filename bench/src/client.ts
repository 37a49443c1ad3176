import { CollabEvent, readSyncMessage, syncStep1, syncStep2, toUint8Array, updateMessage } from '@passerelle/collab';
import { io, Socket } from 'socket.io-client';
import * as Y from 'yjs';

type Ack = { ok: true } | { ok: false; error: { code: string; message: string } };

const REMOTE = 'remote';

/**
 * A raw Socket.IO client of the collaboration socket, lighter than the provider: it answers the
 * server's step 1, applies incoming updates and hands each incoming update's bytes to `onUpdate`
 * so that arrivals are read from the bytes rather than from Yjs text events.
 */
export class RawClient {
  readonly doc = new Y.Doc();
  private socket: Socket | null = null;
  private synced: (() => void) | null = null;
  onUpdate: ((update: Uint8Array) => void) | null = null;

  constructor(
    private readonly url: string,
    private readonly token: string,
    readonly documentId: string,
  ) {}

  connect(): Promise<void> {
    const socket = io(`${this.url}/collab`, {
      auth: { token: this.token },
      transports: ['websocket'],
      reconnection: false,
    });
    this.socket = socket;
    socket.on(CollabEvent.sync, (payload: { documentId: string; message: unknown }) => this.onSync(payload));
    return new Promise((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', (error: Error) => reject(error));
    });
  }

  /** Joins and completes the sync (our step 1 answered by the server's step 2). */
  async join(): Promise<void> {
    const joined = await this.emit(CollabEvent.join, { documentId: this.documentId });
    if (!joined.ok) throw new Error(`join: ${joined.error.code}`);
    const synced = new Promise<void>((resolve) => (this.synced = resolve));
    const ack = await this.emit(CollabEvent.sync, { documentId: this.documentId, message: syncStep1(this.doc) });
    if (!ack.ok) throw new Error(`sync: ${ack.error.code}`);
    await synced;
  }

  /** Applies a local change and sends it; resolves with the acknowledgement. */
  change(fn: () => void): Promise<Ack> {
    let update: Uint8Array | null = null;
    const capture = (u: Uint8Array, origin: unknown) => {
      if (origin !== REMOTE) update = u;
    };
    this.doc.on('update', capture);
    this.doc.transact(fn);
    this.doc.off('update', capture);
    if (!update) return Promise.resolve({ ok: true });
    return this.emit(CollabEvent.sync, { documentId: this.documentId, message: updateMessage(update) });
  }

  close(): void {
    this.socket?.close();
  }

  private emit(event: string, payload: object): Promise<Ack> {
    return new Promise((resolve) => this.socket!.emit(event, payload, (ack: Ack) => resolve(ack)));
  }

  private onSync(payload: { documentId: string; message: unknown }): void {
    const bytes = toUint8Array(payload.message);
    if (!bytes || payload.documentId !== this.documentId) return;
    const message = readSyncMessage(bytes);
    if (message.type === 'step1') {
      this.socket!.emit(
        CollabEvent.sync,
        { documentId: this.documentId, message: syncStep2(this.doc, message.stateVector) },
        () => undefined,
      );
      return;
    }
    Y.applyUpdate(this.doc, message.update, REMOTE);
    if (message.type === 'step2') {
      this.synced?.();
      this.synced = null;
    } else {
      this.onUpdate?.(message.update);
    }
  }
}

/** The first XmlText of the `default` fragment, depth first (the templates put text in paragraphs). */
export function firstText(doc: Y.Doc): Y.XmlText | null {
  const walk = (node: Y.XmlFragment | Y.XmlElement): Y.XmlText | null => {
    for (const child of node.toArray()) {
      if (child instanceof Y.XmlText) return child;
      if (child instanceof Y.XmlElement) {
        const found = walk(child);
        if (found) return found;
      }
    }
    return null;
  };
  return walk(doc.getXmlFragment('default'));
}

/** Characters of text in the `default` fragment. */
export function textLength(doc: Y.Doc): number {
  let total = 0;
  const walk = (node: Y.XmlFragment | Y.XmlElement): void => {
    for (const child of node.toArray()) {
      if (child instanceof Y.XmlText) total += child.length;
      else if (child instanceof Y.XmlElement) walk(child);
    }
  };
  walk(doc.getXmlFragment('default'));
  return total;
}

/** A state vector as a canonical string (sorted by client id). */
export function stateVectorKey(doc: Y.Doc): string {
  const sv = Y.decodeStateVector(Y.encodeStateVector(doc));
  return [...sv.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([client, clock]) => `${client}:${clock}`)
    .join(',');
}
