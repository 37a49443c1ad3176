import { ObservableV2 } from 'lib0/observable';
import { applyAwarenessUpdate, Awareness, encodeAwarenessUpdate, removeAwarenessStates } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { readSyncMessage, syncStep1, syncStep2, toUint8Array, updateMessage } from './messages';
import { Outbox, type Outgoing } from './outbox';
import {
  CollabEvent,
  type AccessPayload,
  type CollabAccess,
  type CollabError,
  type CollabErrorCode,
  type JoinAck,
  type SyncAck,
  type SyncPayload,
} from './protocol';
import { backoffDelay, createCollabSocket, type CollabSocket, type CollabSocketOptions } from './socket';

export type ProviderStatus = 'connecting' | 'connected' | 'offline';

export interface SocketIOProviderOptions extends CollabSocketOptions {
  /** Presence to share; a new one is made on the document when not given. */
  awareness?: Awareness;
  /**
   * A socket shared with other providers (see `createCollabSocket`); the provider then neither
   * connects nor closes it. When absent the provider opens its own from token / getToken.
   */
  socket?: CollabSocket;
  /** Update messages awaiting their acknowledgement before further local changes are merged into one (default 8). */
  maxInFlight?: number;
}

export type ProviderEvents = {
  status: (status: ProviderStatus) => void;
  /** true once the server's state has been received after a (re)join; false when the link drops. */
  synced: (synced: boolean) => void;
  /** Every local change has been acknowledged, i.e. durably stored by the server ("all changes saved"). */
  saved: () => void;
  /** The access granted on join, or changed while joined; null when the document was taken away. */
  access: (access: CollabAccess | null) => void;
  error: (error: CollabError) => void;
};

/** Errors after which joining again is pointless until something changes (`connect()` retries). */
const FINAL_JOIN_ERRORS: readonly CollabErrorCode[] = ['not_found', 'forbidden', 'unauthorized', 'bad_request'];

/**
 * A Yjs provider over the collaboration socket, for the browser and Node alike.
 *
 * It joins the document, runs the y-protocols sync (its step 1 after the join; the server's step 1
 * answered with a step 2; local changes sent as updates), shares presence through
 * y-protocols/awareness, and re-joins and re-syncs after every reconnection. Local changes stay
 * counted in `pendingCount` until the server acknowledges them, which it does only once they are
 * stored: `saved` then means "all changes saved". Changes made while offline are sent after the
 * next join. Without edit access nothing is sent.
 */
export class SocketIOProvider extends ObservableV2<ProviderEvents> {
  readonly doc: Y.Doc;
  readonly documentId: string;
  readonly awareness: Awareness;
  readonly socket: CollabSocket;
  status: ProviderStatus = 'connecting';
  synced = false;
  /** The access granted by the server; null before the first join or once taken away. */
  access: CollabAccess | null = null;

  private readonly ownsSocket: boolean;
  private readonly ownsAwareness: boolean;
  private readonly maxInFlight: number;
  private wanted: boolean;
  private joined = false;
  private joining = false;
  /** Bumped on every join and disconnect: answers of an earlier session are ignored. */
  private session = 0;
  private joinAttempts = 0;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  /** What the server sends between our join and its acknowledgement (its step 1, the presence), handled after it. */
  private inbox: Array<() => void> = [];
  private readonly outbox = new Outbox();
  private readonly offSocket: Array<() => void> = [];

  constructor(serverUrl: string, documentId: string, doc: Y.Doc, options: SocketIOProviderOptions = {}) {
    super();
    this.doc = doc;
    this.documentId = documentId;
    this.maxInFlight = Math.max(1, options.maxInFlight ?? 8);
    this.awareness = options.awareness ?? new Awareness(doc);
    this.ownsAwareness = !options.awareness;
    this.ownsSocket = !options.socket;
    this.socket = options.socket ?? createCollabSocket(serverUrl, { ...options, connect: false });
    this.wanted = options.connect !== false;

    this.listen('connect', () => this.join());
    this.listen('disconnect', () => this.onDisconnect());
    this.listen('connect_error', (error: Error) => {
      this.setStatus('offline');
      this.emit('error', [
        { code: error.message === 'unauthorized' ? 'unauthorized' : 'unavailable', message: error.message },
      ]);
    });
    this.listen(CollabEvent.sync, (payload: SyncPayload) => this.onSync(payload));
    this.listen(CollabEvent.awareness, (payload: SyncPayload) => this.onAwareness(payload));
    this.listen(CollabEvent.access, (payload: AccessPayload) => this.onAccess(payload));
    doc.on('update', this.onLocalUpdate);
    this.awareness.on('update', this.onLocalAwareness);

    if (this.wanted) this.connect();
  }

  /** Local changes not yet acknowledged by the server. */
  get pendingCount(): number {
    return this.outbox.pending;
  }

  /** Joins (and connects the socket when the provider owns it). */
  connect(): void {
    this.wanted = true;
    if (this.socket.connected) this.join();
    else if (this.ownsSocket) this.socket.connect();
  }

  /** Leaves the document (and closes the socket when the provider owns it); local changes are kept for later. */
  disconnect(): void {
    this.wanted = false;
    if (this.joined) {
      // Others see us leave; the local state is kept for the next join.
      this.sendAwareness(encodeAwarenessUpdate(this.awareness, [this.doc.clientID], new Map()));
      this.socket.emit(CollabEvent.leave, { documentId: this.documentId }, () => undefined);
    }
    if (this.ownsSocket) this.socket.disconnect();
    this.onDisconnect();
  }

  /** Resolves once synced with the server. */
  whenSynced(): Promise<void> {
    return this.synced ? Promise.resolve() : this.waitFor('synced', () => this.synced);
  }

  /** Resolves once every local change so far is acknowledged. */
  whenSaved(): Promise<void> {
    return this.pendingCount === 0 ? Promise.resolve() : this.waitFor('saved', () => this.pendingCount === 0);
  }

  override destroy(): void {
    this.disconnect();
    for (const off of this.offSocket) off();
    this.doc.off('update', this.onLocalUpdate);
    this.awareness.off('update', this.onLocalAwareness);
    if (this.ownsAwareness) this.awareness.destroy();
    super.destroy();
  }

  private waitFor(event: 'synced' | 'saved', done: () => boolean): Promise<void> {
    return new Promise((resolve) => {
      const check = () => {
        if (!done()) return;
        this.off(event, check);
        resolve();
      };
      this.on(event, check);
    });
  }

  private listen(event: string, handler: (...args: never[]) => void): void {
    const socket = this.socket as unknown as {
      on(e: string, h: (...a: never[]) => void): void;
      off(e: string, h: (...a: never[]) => void): void;
    };
    socket.on(event, handler);
    this.offSocket.push(() => socket.off(event, handler));
  }

  private setStatus(status: ProviderStatus): void {
    if (this.status === status) return;
    this.status = status;
    this.emit('status', [status]);
  }

  private setSynced(synced: boolean): void {
    if (this.synced === synced) return;
    this.synced = synced;
    this.emit('synced', [synced]);
  }

  private setAccess(access: CollabAccess | null): void {
    if (this.access === access) return;
    this.access = access;
    if (access !== null && access !== 'edit') this.dropUnsendable();
    this.emit('access', [access]);
  }

  private join(): void {
    if (!this.wanted || this.joining || this.joined || !this.socket.connected) return;
    clearTimeout(this.retryTimer);
    const session = ++this.session;
    this.outbox.requeueInFlight();
    this.joining = true;
    this.inbox = [];
    this.setStatus('connecting');
    this.socket.emit(CollabEvent.join, { documentId: this.documentId }, (ack: JoinAck) => {
      if (session !== this.session) {
        // disconnect() came first: do not stay in the room on a shared socket.
        if (ack.ok && !this.wanted && this.socket.connected) {
          this.socket.emit(CollabEvent.leave, { documentId: this.documentId }, () => undefined);
        }
        return;
      }
      this.joining = false;
      if (!ack.ok) return this.onJoinRefused(ack.error);
      this.joined = true;
      this.joinAttempts = 0;
      this.setAccess(ack.access);
      this.setStatus('connected');
      this.send(syncStep1(this.doc), () => undefined);
      // Re-announce presence with a new clock: the server dropped it (at the old clock) when we left.
      const presence = this.awareness.getLocalState();
      if (presence !== null) this.awareness.setLocalState(presence);
      const inbox = this.inbox;
      this.inbox = [];
      for (const handle of inbox) handle();
      this.pump();
    });
  }

  private onJoinRefused(error: CollabError): void {
    this.emit('error', [error]);
    if (FINAL_JOIN_ERRORS.includes(error.code)) {
      this.wanted = false;
      this.setAccess(null);
      this.setStatus('offline');
      return;
    }
    this.retryTimer = setTimeout(() => this.join(), backoffDelay(this.joinAttempts++));
  }

  private onDisconnect(): void {
    this.session++;
    clearTimeout(this.retryTimer);
    this.joined = false;
    this.joining = false;
    this.outbox.requeueInFlight();
    // Others' presence is unknown while away. Forgetting their clocks too lets the states the
    // server sends on the next join (at those same clocks) be taken again.
    const others = [...this.awareness.getStates().keys()].filter((id) => id !== this.doc.clientID);
    removeAwarenessStates(this.awareness, others, this);
    for (const id of others) this.awareness.meta.delete(id);
    this.setSynced(false);
    this.setStatus('offline');
  }

  private onAccess(payload: AccessPayload): void {
    if (payload?.documentId !== this.documentId || !this.joined) return;
    this.setAccess(payload.access);
    if (payload.access === null) {
      // The server has taken us out of the room.
      this.wanted = false;
      this.onDisconnect();
    }
  }

  private onSync(payload: SyncPayload): void {
    if (payload?.documentId !== this.documentId) return;
    if (!this.joined) {
      if (this.joining) this.inbox.push(() => this.onSync(payload));
      return;
    }
    const bytes = toUint8Array(payload.message);
    let message;
    try {
      message = readSyncMessage(bytes ?? new Uint8Array());
    } catch (error) {
      this.emit('error', [{ code: 'bad_request', message: `bad sync message from the server: ${String(error)}` }]);
      return;
    }
    try {
      if (message.type === 'step1') {
        if (this.access === 'edit') this.send(syncStep2(this.doc, message.stateVector), () => undefined);
        return;
      }
      Y.applyUpdate(this.doc, message.update, this);
    } catch (error) {
      this.emit('error', [{ code: 'bad_request', message: `could not apply the server's message: ${String(error)}` }]);
      return;
    }
    if (message.type === 'step2') this.setSynced(true);
  }

  private onAwareness(payload: SyncPayload): void {
    if (payload?.documentId !== this.documentId) return;
    if (!this.joined) {
      if (this.joining) this.inbox.push(() => this.onAwareness(payload));
      return;
    }
    const bytes = toUint8Array(payload.message);
    try {
      if (bytes) applyAwarenessUpdate(this.awareness, bytes, this);
    } catch (error) {
      this.emit('error', [{ code: 'bad_request', message: `bad awareness message from the server: ${String(error)}` }]);
    }
  }

  private readonly onLocalUpdate = (update: Uint8Array, origin: unknown): void => {
    if (origin === this) return;
    if (this.joined && this.access !== 'edit') {
      this.emit('error', [
        { code: 'forbidden', message: 'This document is read-only for you: the change is not sent' },
      ]);
      return;
    }
    this.outbox.push(update);
    this.pump();
  };

  private readonly onLocalAwareness = (
    changes: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    if (origin === this || !this.joined) return;
    const changed = [...changes.added, ...changes.updated, ...changes.removed];
    if (changed.length > 0) this.sendAwareness(encodeAwarenessUpdate(this.awareness, changed));
  };

  private sendAwareness(message: Uint8Array): void {
    this.socket.emit(CollabEvent.awareness, { documentId: this.documentId, message }, () => undefined);
  }

  private send(message: Uint8Array, onAck: (ack: SyncAck) => void): void {
    this.socket.emit(CollabEvent.sync, { documentId: this.documentId, message }, onAck);
  }

  /** Sends queued local changes, merged into one message, while fewer than maxInFlight await their ack. */
  private pump(): void {
    if (!this.joined || this.access !== 'edit') return;
    const next = this.outbox.next(this.maxInFlight);
    if (!next) return;
    const session = this.session;
    this.send(updateMessage(next.item.update), (ack) => {
      if (session !== this.session) return;
      const item = this.outbox.settle(next.id);
      if (!item) return;
      if (ack.ok) {
        this.pump();
        if (this.outbox.pending === 0) this.emit('saved', []);
        return;
      }
      this.onSendRefused(item, ack.error);
    });
  }

  private onSendRefused(item: Outgoing, error: CollabError): void {
    switch (error.code) {
      case 'rate_limited':
      case 'unavailable':
      case 'internal':
        this.outbox.retry(item);
        clearTimeout(this.retryTimer);
        this.retryTimer = setTimeout(() => this.pump(), backoffDelay(1, 250, 2000));
        return;
      case 'not_joined':
        this.outbox.retry(item);
        this.joined = false;
        this.join();
        return;
      default:
        // forbidden, too_large, bad_request, not_found: sending it again cannot succeed.
        this.emit('error', [error]);
        this.pump();
        if (this.pendingCount === 0) this.emit('saved', []);
    }
  }

  /** Without edit access, queued changes can never be stored: stop counting them. */
  private dropUnsendable(): void {
    if (this.outbox.empty) return;
    this.outbox.clear();
    this.emit('error', [
      { code: 'forbidden', message: 'This document is read-only for you: local changes are not sent' },
    ]);
  }
}
