import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { RawClient } from './client';

export type Ack = { ok: true } | { ok: false; error: { code: string; message: string } };

/**
 * Which protocol a server speaks (each load client speaks the protocol of the server under test):
 * - `passerelle`: the collaboration socket (Socket.IO, `doc:join` / `doc:sync` with acknowledgements);
 * - `relay`: the same socket, served by the dumb relay (src/relay.ts), the floor;
 * - `hocuspocus`: Hocuspocus's protocol over a WebSocket (every message prefixed with the document name);
 * - `y-websocket`: the y-websocket protocol (messageSync / messageAwareness, the URL path names the document).
 */
export type Protocol = 'passerelle' | 'relay' | 'hocuspocus' | 'y-websocket';

/**
 * What the answer to a change means, per protocol:
 * - `durable`: Passerelle acknowledges an update only once it is committed to PostgreSQL;
 * - `applied`: Hocuspocus answers every update with a SyncStatus message once it is applied in
 *   memory (storage happens later, debounced) — not a durability acknowledgement;
 * - `received`: the relay acknowledges at once (nothing is applied or stored);
 * - `none`: y-websocket sends no answer at all.
 */
export type AckKind = 'durable' | 'applied' | 'received' | 'none';

export const ACK_KIND: Record<Protocol, AckKind> = {
  passerelle: 'durable',
  relay: 'received',
  hocuspocus: 'applied',
  'y-websocket': 'none',
};

/** One editing client of a document, whatever the protocol. */
export interface BenchClient {
  readonly doc: Y.Doc;
  readonly documentId: string;
  /** Called with the bytes of every update another client made (after it is applied locally). */
  onUpdate: ((update: Uint8Array) => void) | null;
  connect(): Promise<void>;
  /** Opens the document and completes the sync (the server's state applied locally). */
  join(): Promise<void>;
  /** Applies a local change and sends it; the answer of the server, or null when it sends none. */
  change(fn: () => void): Promise<Ack> | null;
  close(): void;
}

const REMOTE = 'remote';
const MESSAGE_SYNC = 0;
const HP_AUTH = 2;
const HP_SYNC_REPLY = 4;
const HP_SYNC_STATUS = 8;
const HP_AUTH_TOKEN = 0;
const HP_AUTH_DENIED = 1;

/** The update a local transaction produces (null when it changed nothing). */
function captureUpdate(doc: Y.Doc, fn: () => void): Uint8Array | null {
  let update: Uint8Array | null = null;
  const capture = (u: Uint8Array, origin: unknown) => {
    if (origin !== REMOTE) update = u;
  };
  doc.on('update', capture);
  doc.transact(fn);
  doc.off('update', capture);
  return update;
}

const toBytes = (data: WebSocket.RawData): Uint8Array =>
  Array.isArray(data) ? Buffer.concat(data) : data instanceof ArrayBuffer ? new Uint8Array(data) : data;

/** Shared by the two WebSocket protocols: the socket, the sync state machine and the update hook. */
abstract class WsClient implements BenchClient {
  readonly doc = new Y.Doc();
  onUpdate: ((update: Uint8Array) => void) | null = null;
  protected ws: WebSocket | null = null;
  private synced: (() => void) | null = null;
  private failed: ((error: Error) => void) | null = null;

  constructor(
    protected readonly url: string,
    readonly documentId: string,
  ) {}

  protected abstract get socketUrl(): string;
  /** Frames a sync message (`body` already holds the y-protocols sync message). */
  protected abstract frame(write: (encoder: encoding.Encoder) => void): Uint8Array;
  protected abstract handle(decoder: decoding.Decoder): void;
  protected abstract start(): void;

  connect(): Promise<void> {
    const ws = new WebSocket(this.socketUrl, { perMessageDeflate: false });
    ws.binaryType = 'nodebuffer';
    this.ws = ws;
    ws.on('message', (data) => {
      try {
        this.handle(decoding.createDecoder(toBytes(data)));
      } catch (error) {
        this.failed?.(error instanceof Error ? error : new Error(String(error)));
      }
    });
    return new Promise((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
    });
  }

  join(): Promise<void> {
    const synced = new Promise<void>((resolve, reject) => {
      this.synced = resolve;
      this.failed = reject;
    });
    this.start();
    return synced;
  }

  change(fn: () => void): Promise<Ack> | null {
    const update = captureUpdate(this.doc, fn);
    if (!update) return null;
    this.send(this.frame((e) => syncProtocol.writeUpdate(e, update)));
    return this.expectAnswer();
  }

  close(): void {
    this.ws?.close();
  }

  /** The promise of the server's answer to the message just sent (null: the protocol has none). */
  protected expectAnswer(): Promise<Ack> | null {
    return null;
  }

  protected send(bytes: Uint8Array): void {
    this.ws?.send(bytes);
  }

  protected sendStep1(): void {
    this.send(this.frame((e) => syncProtocol.writeSyncStep1(e, this.doc)));
  }

  /** Reads one y-protocols sync message: answers step 1, applies step 2 and updates. */
  protected readSync(decoder: decoding.Decoder): void {
    const type = decoding.readVarUint(decoder);
    const payload = decoding.readVarUint8Array(decoder);
    if (type === syncProtocol.messageYjsSyncStep1) {
      this.send(this.frame((e) => syncProtocol.writeSyncStep2(e, this.doc, payload)));
      this.afterStep2Sent();
      return;
    }
    Y.applyUpdate(this.doc, payload, REMOTE);
    if (type === syncProtocol.messageYjsSyncStep2) {
      this.synced?.();
      this.synced = null;
    } else {
      this.onUpdate?.(payload);
    }
  }

  /** Hocuspocus answers our step 2 with a SyncStatus too. */
  protected afterStep2Sent(): void {}

  protected fail(error: Error): void {
    this.failed?.(error);
  }
}

/** y-websocket: `ws://host/<document>`, messages `[messageSync, sync message]` / `[messageAwareness, …]`. */
export class YWebsocketClient extends WsClient {
  protected get socketUrl(): string {
    return `${this.url.replace(/^http/, 'ws')}/${encodeURIComponent(this.documentId)}`;
  }

  protected frame(write: (encoder: encoding.Encoder) => void): Uint8Array {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE_SYNC);
    write(encoder);
    return encoding.toUint8Array(encoder);
  }

  protected start(): void {
    this.sendStep1();
  }

  protected handle(decoder: decoding.Decoder): void {
    const type = decoding.readVarUint(decoder);
    if (type === MESSAGE_SYNC) this.readSync(decoder);
    // Awareness (and anything else) is not part of the load.
  }
}

/**
 * Hocuspocus (@hocuspocus/server 4.x): every message starts with the document name (varString),
 * then the message type. The client authenticates each document (Auth/Token, any token here: no
 * onAuthenticate hook), sends its step 1; the server answers step 2 and its own step 1 (SyncReply),
 * and answers every step 2 / update with a SyncStatus (applied, not stored).
 */
export class HocuspocusClient extends WsClient {
  private readonly pending: Array<(ack: Ack) => void> = [];

  protected get socketUrl(): string {
    return this.url.replace(/^http/, 'ws');
  }

  protected frame(write: (encoder: encoding.Encoder) => void): Uint8Array {
    const encoder = encoding.createEncoder();
    encoding.writeVarString(encoder, this.documentId);
    encoding.writeVarUint(encoder, MESSAGE_SYNC);
    write(encoder);
    return encoding.toUint8Array(encoder);
  }

  protected start(): void {
    const auth = encoding.createEncoder();
    encoding.writeVarString(auth, this.documentId);
    encoding.writeVarUint(auth, HP_AUTH);
    encoding.writeVarUint(auth, HP_AUTH_TOKEN);
    encoding.writeVarString(auth, 'bench');
    this.send(encoding.toUint8Array(auth));
    this.sendStep1();
  }

  protected override expectAnswer(): Promise<Ack> {
    return new Promise((resolve) => this.pending.push(resolve));
  }

  protected override afterStep2Sent(): void {
    this.pending.push(() => undefined);
  }

  protected handle(decoder: decoding.Decoder): void {
    const name = decoding.readVarString(decoder);
    if (name !== this.documentId) return;
    const type = decoding.readVarUint(decoder);
    if (type === MESSAGE_SYNC || type === HP_SYNC_REPLY) {
      this.readSync(decoder);
    } else if (type === HP_SYNC_STATUS) {
      const ok = decoding.readVarUint(decoder) === 1;
      this.pending.shift()?.(ok ? { ok: true } : { ok: false, error: { code: 'sync_status', message: 'refused' } });
    } else if (type === HP_AUTH && decoding.readVarUint(decoder) === HP_AUTH_DENIED) {
      this.fail(new Error(`hocuspocus: permission denied (${decoding.readVarString(decoder)})`));
    }
    // Awareness, QueryAwareness, Stateless, Ping: not part of the load.
  }
}

/** A client of `protocol` for `documentId` on the server at `url` (http://host:port). */
export function makeClient(protocol: Protocol, url: string, token: string, documentId: string): BenchClient {
  switch (protocol) {
    case 'passerelle':
    case 'relay':
      return new RawClient(url, token, documentId);
    case 'hocuspocus':
      return new HocuspocusClient(url, documentId);
    case 'y-websocket':
      return new YWebsocketClient(url, documentId);
  }
}
