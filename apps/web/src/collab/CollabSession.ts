import { SocketIOProvider, type CollabAccess, type CollabError, type ProviderStatus } from '@passerelle/collab';
import * as Y from 'yjs';
import { localStoreName, openIndexedDbStore, type LocalStore, type OpenLocalStore } from './localStore';
import { FRAGMENT } from './fragment';

export interface CollabUser {
  id: string;
  name: string;
  color: string;
}

/** Someone with the document open, from the shared presence (one entry per person, not per window). */
export interface Peer {
  clientId: number;
  userId: string;
  name: string;
  color: string;
  self: boolean;
}

/** Why the document cannot be edited or shown any more: the session does not recover from these by itself. */
export type CollabFailure = 'not_found' | 'revoked';

export interface CollabSnapshot {
  /** The content can be shown: restored from this device, or received from the server. */
  ready: boolean;
  connection: ProviderStatus;
  /** The server's state has been received since the last (re)join. */
  synced: boolean;
  /** Local changes the server has not acknowledged yet (including those left by an earlier visit). */
  pending: number;
  /** What the server granted (or, before the first join, what the document's permissions say). */
  access: CollabAccess | null;
  failure: CollabFailure | null;
  peers: Peer[];
  /** A new value with every new Y.Doc and provider: the editor binds to one pair and remounts with the next. */
  key: number;
}

interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export interface CollabSessionOptions {
  documentId: string;
  user: CollabUser;
  /** The access the document's REST permissions give, shown until the socket says. */
  initialAccess: CollabAccess;
  serverUrl: string;
  /** The handshake token; `refused` when the server turned the previous one down. */
  getToken: (refused: boolean) => Promise<string>;
  openStore?: OpenLocalStore;
  /** Remembers across reloads that changes were left unsaved (localStorage in browsers). */
  storage?: KeyValueStorage | null;
  /** Where `online` / `offline` events come from, and the current state (window and navigator). */
  network?: { events: EventTarget; isOnline(): boolean };
  createProvider?: (doc: Y.Doc, getToken: () => Promise<string>) => SocketIOProvider;
}

/** How long to wait for IndexedDB before going on without it (a blocked or broken database). */
const RESTORE_TIMEOUT_MS = 3000;
const REFRESH_INTERVAL_MS = 1000;

interface Live {
  doc: Y.Doc;
  provider: SocketIOProvider | null;
  store: LocalStore | null;
  restored: boolean;
}

const sameSnapshot = (a: CollabSnapshot, b: CollabSnapshot) =>
  a.ready === b.ready &&
  a.connection === b.connection &&
  a.synced === b.synced &&
  a.pending === b.pending &&
  a.access === b.access &&
  a.failure === b.failure &&
  a.key === b.key &&
  JSON.stringify(a.peers) === JSON.stringify(b.peers);

/**
 * One person's live session on one document: the Y.Doc, its copy in IndexedDB and the socket provider,
 * as an external store for React (`subscribe` / `getSnapshot`).
 *
 * `start()` restores what this device kept, then connects; `stop()` tears everything down (a new
 * start builds a fresh Y.Doc from the device copy, so React's double effects in development are harmless).
 * Changes made offline are written to IndexedDB by y-indexeddb as they happen; after a reload they
 * reach the server through the sync exchange on join. When a marker says that the previous visit left
 * changes unsaved, the provider is attached before the restore so that they are also counted as
 * pending and acknowledged one by one, and the status does not claim "saved" too early.
 */
export class CollabSession {
  private live: Live | null = null;
  private generation = 0;
  private snapshot: CollabSnapshot;
  private readonly listeners = new Set<() => void>();
  private timer: ReturnType<typeof setInterval> | undefined;
  private tokenRefused = false;
  private failure: CollabFailure | null = null;
  /** Changes an earlier visit left unsaved, as its marker counted them. */
  private carried = 0;
  private everReady = false;

  constructor(private readonly options: CollabSessionOptions) {
    this.snapshot = {
      ready: false,
      connection: 'connecting',
      synced: false,
      pending: 0,
      access: options.initialAccess,
      failure: null,
      peers: [],
      key: 0,
    };
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getSnapshot = (): CollabSnapshot => this.snapshot;

  /** The document and provider the editor binds to, once ready. */
  current(): { doc: Y.Doc; provider: SocketIOProvider } | null {
    const live = this.live;
    return live?.provider ? { doc: live.doc, provider: live.provider } : null;
  }

  start(): void {
    const generation = ++this.generation;
    const live: Live = { doc: new Y.Doc(), provider: null, store: null, restored: false };
    this.live = live;
    this.everReady = false;
    const { events } = this.network();
    events.addEventListener('online', this.onOnline);
    events.addEventListener('offline', this.onOffline);
    this.carried = this.readUnsaved();
    if (this.carried > 0) this.attachProvider(live);
    const open = this.options.openStore ?? openIndexedDbStore;
    live.store = open(localStoreName(this.options.user.id, this.options.documentId), live.doc);
    const restored = live.store
      ? Promise.race([live.store.whenSynced, new Promise((resolve) => setTimeout(resolve, RESTORE_TIMEOUT_MS))])
      : Promise.resolve();
    void restored
      .catch(() => undefined)
      .then(() => {
        if (generation !== this.generation) return;
        live.restored = true;
        const provider = this.attachProvider(live);
        if (this.network().isOnline() && !this.failure) provider.connect();
        this.refresh();
      });
    this.timer = setInterval(this.refresh, REFRESH_INTERVAL_MS);
    this.refresh();
  }

  stop(): void {
    this.generation++;
    const { events } = this.network();
    events.removeEventListener('online', this.onOnline);
    events.removeEventListener('offline', this.onOffline);
    clearInterval(this.timer);
    const live = this.live;
    this.live = null;
    if (!live) return;
    live.provider?.destroy();
    void Promise.resolve(live.store?.destroy()).catch(() => undefined);
    live.doc.destroy();
  }

  private network() {
    return (
      this.options.network ?? {
        events: window,
        isOnline: () => (typeof navigator === 'undefined' ? true : navigator.onLine !== false),
      }
    );
  }

  private attachProvider(live: Live): SocketIOProvider {
    if (live.provider) return live.provider;
    const getToken = () => {
      const refused = this.tokenRefused;
      this.tokenRefused = false;
      return this.options.getToken(refused);
    };
    const provider =
      this.options.createProvider?.(live.doc, getToken) ??
      new SocketIOProvider(this.options.serverUrl, this.options.documentId, live.doc, { getToken, connect: false });
    provider.awareness.setLocalStateField('user', { ...this.options.user });
    provider.on('status', this.refresh);
    provider.on('synced', this.refresh);
    provider.on('access', (access) => {
      // Taken away while open (membership removed, document archived out of reach).
      if (access === null) this.failure = 'revoked';
      this.refresh();
    });
    provider.on('saved', () => {
      this.carried = 0;
      this.refresh();
    });
    provider.on('error', (error: CollabError) => this.onProviderError(provider, error));
    provider.awareness.on('change', this.refresh);
    live.doc.on('update', this.refresh);
    live.provider = provider;
    return provider;
  }

  private onProviderError(provider: SocketIOProvider, error: CollabError): void {
    if (error.code === 'unauthorized') this.tokenRefused = true;
    // A join refused outright (the provider gives up); a read-only user's local edit also says
    // `forbidden`, but with an access already granted.
    if ((error.code === 'not_found' || error.code === 'forbidden') && provider.access === null) {
      this.failure = error.code === 'not_found' ? 'not_found' : 'revoked';
    }
    this.refresh();
  }

  private readonly onOnline = () => {
    if (!this.failure) this.live?.provider?.connect();
    this.refresh();
  };

  /** The browser knows before the socket's heartbeat does: stop at once, keep every change for later. */
  private readonly onOffline = () => {
    this.live?.provider?.disconnect();
    this.refresh();
  };

  private readonly refresh = (): void => {
    const live = this.live;
    const provider = live?.provider ?? null;
    const fragment = live?.doc.getXmlFragment(FRAGMENT);
    const synced = provider?.synced ?? false;
    if (live && ((live.restored && (fragment?.length ?? 0) > 0) || synced)) this.everReady = true;
    const own = provider?.pendingCount ?? 0;
    // The restored changes of an earlier visit arrive as one update: show the count that visit had.
    const pending = own > 0 ? own + Math.max(0, this.carried - 1) : 0;
    const access = this.failure ? null : (provider?.access ?? this.options.initialAccess);
    // A provider that was never asked to connect (the browser was offline) still says "connecting".
    const connection: ProviderStatus = !this.network().isOnline() ? 'offline' : (provider?.status ?? 'connecting');
    this.writeUnsaved(pending, synced && connection === 'connected');
    this.publish({
      ready: this.everReady,
      connection,
      synced,
      pending,
      access,
      failure: this.failure,
      peers: provider ? peersOf(provider, live!.doc.clientID) : [],
      key: this.generation,
    });
  };

  private publish(next: CollabSnapshot): void {
    if (sameSnapshot(this.snapshot, next)) return;
    this.snapshot = next;
    this.listeners.forEach((listener) => listener());
  }

  private unsavedKey(): string {
    return `passerelle.unsaved.${this.options.user.id}.${this.options.documentId}`;
  }

  private storage(): KeyValueStorage | null {
    if (this.options.storage !== undefined) return this.options.storage;
    return typeof localStorage === 'undefined' ? null : localStorage;
  }

  private readUnsaved(): number {
    try {
      const value = Number(this.storage()?.getItem(this.unsavedKey()) ?? 0);
      return Number.isFinite(value) && value > 0 ? Math.floor(value) : 0;
    } catch {
      return 0;
    }
  }

  /** The marker survives a reload: set while changes wait, cleared once the server has them all. */
  private writeUnsaved(pending: number, confirmed: boolean): void {
    try {
      const storage = this.storage();
      if (pending > 0) storage?.setItem(this.unsavedKey(), String(pending));
      else if (confirmed) storage?.removeItem(this.unsavedKey());
    } catch {
      // Storage full or denied: the count after a reload is then only what the provider knows.
    }
  }
}

/** The people in the document's presence, one entry each, oneself first. */
export function peersOf(provider: Pick<SocketIOProvider, 'awareness'>, selfClientId: number): Peer[] {
  const byUser = new Map<string, Peer>();
  for (const [clientId, state] of provider.awareness.getStates()) {
    const user = (state as { user?: Partial<CollabUser> }).user;
    if (!user?.id || !user.name) continue;
    const self = clientId === selfClientId;
    const existing = byUser.get(user.id);
    if (existing && !self) continue;
    byUser.set(user.id, { clientId, userId: user.id, name: user.name, color: user.color ?? '#475569', self });
  }
  return [...byUser.values()].sort((a, b) => Number(b.self) - Number(a.self) || a.name.localeCompare(b.name));
}
