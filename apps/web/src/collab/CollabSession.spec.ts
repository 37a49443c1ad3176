import type { CollabAccess, CollabError, ProviderStatus, SocketIOProvider } from '@passerelle/collab';
import { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { CollabSession, peersOf, type CollabSessionOptions } from './CollabSession';
import type { LocalStore } from './localStore';

/** The surface of SocketIOProvider the session uses, driven by the test instead of a server. */
class FakeProvider {
  status: ProviderStatus = 'connecting';
  synced = false;
  access: CollabAccess | null = null;
  pendingCount = 0;
  readonly awareness: Awareness;
  connects = 0;
  disconnects = 0;
  private readonly handlers = new Map<string, Set<(...args: unknown[]) => void>>();

  constructor(readonly doc: Y.Doc) {
    this.awareness = new Awareness(doc);
    // Like the real provider: every local change waits for an acknowledgement.
    doc.on('update', (_update: Uint8Array, origin: unknown) => {
      if (origin !== this) this.pendingCount++;
    });
  }
  on(event: string, handler: (...args: unknown[]) => void) {
    if (!this.handlers.has(event)) this.handlers.set(event, new Set());
    this.handlers.get(event)!.add(handler);
  }
  emit(event: string, ...args: unknown[]) {
    this.handlers.get(event)?.forEach((handler) => handler(...args));
  }
  connect() {
    this.connects++;
  }
  disconnect() {
    this.disconnects++;
    this.setStatus('offline');
    this.synced = false;
  }
  destroy() {
    this.awareness.destroy();
  }
  setStatus(status: ProviderStatus) {
    this.status = status;
    this.emit('status', status);
  }
  join(access: CollabAccess) {
    this.access = access;
    this.emit('access', access);
    this.setStatus('connected');
  }
  /** The server's step 2 arrives (with its content, when given). */
  sync(serverUpdate?: Uint8Array) {
    if (serverUpdate) Y.applyUpdate(this.doc, serverUpdate, this);
    this.synced = true;
    this.emit('synced', true);
  }
  ackAll() {
    this.pendingCount = 0;
    this.emit('saved');
  }
  fail(error: CollabError) {
    this.emit('error', error);
  }
}

function contentUpdate(text: string): Uint8Array {
  const doc = new Y.Doc();
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [new Y.XmlText(text)]);
  doc.getXmlFragment('default').insert(0, [paragraph]);
  return Y.encodeStateAsUpdate(doc);
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

function memoryStorage() {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
    removeItem: (key: string) => void items.delete(key),
  };
}

/** A device: what IndexedDB keeps, the local marker storage, and the network state. */
function device() {
  const kept = new Y.Doc();
  return {
    kept,
    storage: memoryStorage(),
    events: new EventTarget(),
    online: true,
    /** Like y-indexeddb: restores what was kept, then keeps every change of the live document. */
    openStore: (_name: string, doc: Y.Doc): LocalStore => {
      Y.applyUpdate(doc, Y.encodeStateAsUpdate(kept), 'store');
      const keep = (update: Uint8Array) => Y.applyUpdate(kept, update);
      doc.on('update', keep);
      return { whenSynced: Promise.resolve(), destroy: () => doc.off('update', keep) };
    },
  };
}

function session(dev: ReturnType<typeof device>, overrides: Partial<CollabSessionOptions> = {}) {
  const providers: FakeProvider[] = [];
  const s = new CollabSession({
    documentId: 'doc-1',
    user: { id: 'u-1', name: 'Camille Martin', color: '#1d4ed8' },
    initialAccess: 'edit',
    serverUrl: 'http://localhost',
    getToken: async () => 'token',
    openStore: dev.openStore,
    storage: dev.storage,
    network: { events: dev.events, isOnline: () => dev.online },
    createProvider: (doc) => {
      const provider = new FakeProvider(doc);
      providers.push(provider);
      return provider as unknown as SocketIOProvider;
    },
    ...overrides,
  });
  const provider = () => providers[providers.length - 1]!;
  const type = (text: string) => {
    const live = s.current()!;
    const paragraph = live.doc.getXmlFragment('default').get(0) as Y.XmlElement;
    for (const char of text) (paragraph.get(0) as Y.XmlText).insert(0, char);
  };
  return { s, provider, providers, type };
}

describe('a live session on a document', () => {
  afterEach(() => jest.useRealTimers());

  it('shows the copy kept on this device at once, then connects', async () => {
    const dev = device();
    Y.applyUpdate(dev.kept, contentUpdate('Kept text'));
    const { s, provider } = session(dev);
    s.start();
    await flush();
    expect(s.getSnapshot()).toMatchObject({ ready: true, connection: 'connecting', synced: false, pending: 0 });
    // Restoring the kept copy is not a change of one's own: nothing is pending.
    expect(provider().pendingCount).toBe(0);
    expect(provider().connects).toBe(1);
    expect(s.current()!.doc.getXmlFragment('default').toString()).toContain('Kept text');
    s.stop();
  });

  it('waits for the server when this device has no copy, and shows the document once synced', async () => {
    const dev = device();
    const { s, provider } = session(dev);
    s.start();
    await flush();
    expect(s.getSnapshot().ready).toBe(false);

    provider().join('edit');
    expect(s.getSnapshot()).toMatchObject({ ready: false, connection: 'connected', synced: false });
    provider().sync(contentUpdate('From the server'));
    expect(s.getSnapshot()).toMatchObject({ ready: true, synced: true, pending: 0, access: 'edit' });
    s.stop();
  });

  it('says offline, not connecting, when the browser starts offline, and connects when it is back', async () => {
    const dev = device();
    dev.online = false;
    const { s, provider } = session(dev);
    s.start();
    await flush();
    expect(s.getSnapshot()).toMatchObject({ ready: false, connection: 'offline' });
    expect(provider().connects).toBe(0);

    dev.online = true;
    dev.events.dispatchEvent(new Event('online'));
    expect(provider().connects).toBe(1);
    s.stop();
  });

  it('drops the connection as soon as the browser goes offline and counts the changes made meanwhile', async () => {
    const dev = device();
    const { s, provider, type } = session(dev);
    s.start();
    await flush();
    provider().join('edit');
    provider().sync(contentUpdate('Text'));

    dev.online = false;
    dev.events.dispatchEvent(new Event('offline'));
    expect(provider().disconnects).toBe(1);
    type('abc');
    expect(s.getSnapshot()).toMatchObject({ connection: 'offline', pending: 3 });
    s.stop();
  });

  it('after a reload still counts the changes left unsaved, and clears them once the server acknowledges', async () => {
    const dev = device();
    Y.applyUpdate(dev.kept, contentUpdate('Text'));
    const first = session(dev);
    first.s.start();
    await flush();
    dev.online = false;
    dev.events.dispatchEvent(new Event('offline'));
    first.type('four');
    expect(first.s.getSnapshot().pending).toBe(4);
    first.s.stop();
    expect(dev.storage.items.get('passerelle.unsaved.u-1.doc-1')).toBe('4');

    // The reload: a new session on the same device, the socket still unreachable.
    const second = session(dev);
    second.s.start();
    await flush();
    expect(second.s.getSnapshot()).toMatchObject({ ready: true, connection: 'offline', pending: 4 });
    expect(second.s.current()!.doc.getXmlFragment('default').toString()).toContain('ruofText');
    // The restored changes go through the acknowledged path: the provider holds them as pending.
    expect(second.provider().pendingCount).toBe(1);

    dev.online = true;
    dev.events.dispatchEvent(new Event('online'));
    second.provider().join('edit');
    second.provider().sync();
    expect(second.s.getSnapshot()).toMatchObject({ connection: 'connected', pending: 4 });
    second.provider().ackAll();
    expect(second.s.getSnapshot()).toMatchObject({ pending: 0, synced: true });
    expect(dev.storage.items.has('passerelle.unsaved.u-1.doc-1')).toBe(false);
    second.s.stop();
  });

  it('takes the access the server grants over the one the permissions gave', async () => {
    const dev = device();
    const { s, provider } = session(dev);
    s.start();
    await flush();
    expect(s.getSnapshot().access).toBe('edit');
    provider().join('view');
    expect(s.getSnapshot().access).toBe('view');
    s.stop();
  });

  it('reports a document that does not exist (or is out of reach) when the join is refused', async () => {
    const dev = device();
    const { s, provider } = session(dev);
    s.start();
    await flush();
    provider().fail({ code: 'not_found', message: 'Document not found' });
    expect(s.getSnapshot()).toMatchObject({ failure: 'not_found', access: null });
    s.stop();
  });

  it('reports access taken away while the document is open', async () => {
    const dev = device();
    const { s, provider } = session(dev);
    s.start();
    await flush();
    provider().join('edit');
    provider().access = null;
    provider().emit('access', null);
    expect(s.getSnapshot()).toMatchObject({ failure: 'revoked', access: null });
    s.stop();
  });

  it("does not treat a read-only person's refused local edit as losing the document", async () => {
    const dev = device();
    const { s, provider } = session(dev);
    s.start();
    await flush();
    provider().join('view');
    provider().fail({ code: 'forbidden', message: 'This document is read-only for you' });
    expect(s.getSnapshot()).toMatchObject({ failure: null, access: 'view' });
    s.stop();
  });

  it('builds a fresh document on every start, so a restart (React development mode) loses nothing', async () => {
    const dev = device();
    Y.applyUpdate(dev.kept, contentUpdate('Kept'));
    const { s, providers } = session(dev);
    s.start();
    s.stop();
    s.start();
    await flush();
    expect(providers).toHaveLength(1);
    expect(s.getSnapshot().ready).toBe(true);
    expect(s.current()!.doc.getXmlFragment('default').toString()).toContain('Kept');
    s.stop();
  });
});

describe('who is here', () => {
  it('lists each person once, oneself first, from the shared presence', () => {
    const doc = new Y.Doc();
    const awareness = new Awareness(doc);
    awareness.setLocalStateField('user', { id: 'u-1', name: 'Camille', color: '#1d4ed8' });
    const states = awareness.getStates();
    states.set(101, { user: { id: 'u-2', name: 'Youssef', color: '#b91c1c' } });
    states.set(102, { user: { id: 'u-2', name: 'Youssef', color: '#b91c1c' } }); // a second window
    states.set(103, { user: { id: 'u-3', name: 'Amina', color: '#047857' } });
    states.set(104, {}); // someone whose presence carries no user yet
    const peers = peersOf({ awareness } as never, doc.clientID);
    expect(peers.map((p) => [p.name, p.self])).toEqual([
      ['Camille', true],
      ['Amina', false],
      ['Youssef', false],
    ]);
    awareness.destroy();
  });
});
