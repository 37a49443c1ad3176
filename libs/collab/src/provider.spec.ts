import * as Y from 'yjs';
import { readSyncMessage, syncStep1, updateMessage } from './messages';
import type { CollabAck } from './protocol';
import { SocketIOProvider } from './provider';
import type { CollabSocket } from './socket';

type Handler = (...args: unknown[]) => void;
interface Sent {
  event: string;
  payload: { documentId: string; message?: Uint8Array };
  ack: (res: CollabAck<{ access?: string }>) => void;
}

/** Just enough of a socket.io-client socket, driven by the test as if it were the server. */
class FakeSocket {
  connected = false;
  sent: Sent[] = [];
  private readonly handlers = new Map<string, Set<Handler>>();
  on(event: string, handler: Handler) {
    if (!this.handlers.has(event)) this.handlers.set(event, new Set());
    this.handlers.get(event)!.add(handler);
  }
  off(event: string, handler: Handler) {
    this.handlers.get(event)?.delete(handler);
  }
  emit(event: string, payload: Sent['payload'], ack: Sent['ack']) {
    this.sent.push({ event, payload, ack });
  }
  fire(event: string, ...args: unknown[]) {
    for (const handler of [...(this.handlers.get(event) ?? [])]) handler(...args);
  }
  up() {
    this.connected = true;
    this.fire('connect');
  }
  down() {
    this.connected = false;
    this.fire('disconnect', 'transport close');
  }
  take(event: string): Sent[] {
    const taken = this.sent.filter((s) => s.event === event);
    this.sent = this.sent.filter((s) => s.event !== event);
    return taken;
  }
}

const DOC = 'doc-1';
const setup = (options: { maxInFlight?: number } = {}) => {
  const socket = new FakeSocket();
  const doc = new Y.Doc();
  const provider = new SocketIOProvider('', DOC, doc, { socket: socket as unknown as CollabSocket, ...options });
  return { socket, doc, provider };
};
/** Plays the server's side of a join: its step 1 and step 2 around the acknowledgement. */
const acceptJoin = (socket: FakeSocket, access = 'edit', server = new Y.Doc()) => {
  const [join] = socket.take('doc:join');
  socket.fire('doc:sync', { documentId: DOC, message: syncStep1(server) });
  join.ack({ ok: true, access } as CollabAck<{ access: string }>);
  const syncs = socket.take('doc:sync');
  const step1 = syncs.find((s) => readSyncMessage(s.payload.message!).type === 'step1')!;
  step1.ack({ ok: true });
  socket.fire('doc:sync', {
    documentId: DOC,
    message: new Uint8Array([1, ...updateMessage(Y.encodeStateAsUpdate(server)).slice(1)]),
  });
  return syncs;
};

describe('SocketIOProvider', () => {
  it('joins on connect, answers the server step 1 after the join, and becomes synced', () => {
    const { socket, doc, provider } = setup();
    doc.getText('t').insert(0, 'local');
    const statuses: string[] = [];
    provider.on('status', (s) => statuses.push(s));
    socket.up();
    expect(socket.sent.map((s) => s.event)).toEqual(['doc:join']);
    const server = new Y.Doc();
    server.getText('t').insert(0, 'remote ');
    const syncs = acceptJoin(socket, 'edit', server);
    const types = syncs.map((s) => readSyncMessage(s.payload.message!).type);
    // Our step 1, then (from the inbox) the step 2 answering the server's step 1, then the queued change.
    expect(types).toEqual(['step1', 'step2', 'update']);
    expect(provider.synced).toBe(true);
    expect(provider.access).toBe('edit');
    expect(statuses).toEqual(['connected']); // from the initial 'connecting'
    expect(doc.getText('t').toString()).toContain('remote');
    provider.destroy();
  });

  it('counts local changes until acknowledged and says when all are saved', () => {
    const { socket, doc, provider } = setup({ maxInFlight: 2 });
    socket.up();
    acceptJoin(socket);
    let saved = 0;
    provider.on('saved', () => saved++);
    for (let i = 0; i < 5; i++) doc.getMap('m').set(`k${i}`, i);
    expect(provider.pendingCount).toBe(5);
    const first = socket.take('doc:sync');
    expect(first).toHaveLength(2); // the rest waits, merged
    first[0].ack({ ok: true });
    expect(provider.pendingCount).toBe(4);
    const merged = socket.take('doc:sync');
    expect(merged).toHaveLength(1);
    const copy = new Y.Doc();
    for (const sent of [...first, ...merged]) {
      Y.applyUpdate(copy, (readSyncMessage(sent.payload.message!) as { update: Uint8Array }).update);
    }
    expect([...copy.getMap('m').keys()].sort()).toEqual(['k0', 'k1', 'k2', 'k3', 'k4']);
    first[1].ack({ ok: true });
    expect(saved).toBe(0);
    merged[0].ack({ ok: true });
    expect(provider.pendingCount).toBe(0);
    expect(saved).toBe(1);
    provider.destroy();
  });

  it('sends unacknowledged changes again after a reconnection', () => {
    const { socket, doc, provider } = setup();
    socket.up();
    acceptJoin(socket);
    doc.getMap('m').set('a', 1);
    const [lost] = socket.take('doc:sync');
    socket.down();
    expect(provider.status).toBe('offline');
    expect(provider.synced).toBe(false);
    doc.getMap('m').set('b', 2);
    expect(socket.take('doc:sync')).toEqual([]);
    expect(provider.pendingCount).toBe(2);
    lost.ack({ ok: true }); // an answer from the dead session counts for nothing
    expect(provider.pendingCount).toBe(2);
    socket.up();
    const syncs = acceptJoin(socket);
    const resent = syncs.filter((s) => readSyncMessage(s.payload.message!).type === 'update');
    expect(resent).toHaveLength(1);
    resent[0].ack({ ok: true });
    expect(provider.pendingCount).toBe(0);
    provider.destroy();
  });

  it('retries an update refused as rate_limited', async () => {
    jest.useFakeTimers();
    try {
      const { socket, doc, provider } = setup();
      socket.up();
      acceptJoin(socket);
      doc.getMap('m').set('a', 1);
      socket.take('doc:sync')[0].ack({ ok: false, error: { code: 'rate_limited', message: 'slow down' } });
      expect(provider.pendingCount).toBe(1);
      expect(socket.take('doc:sync')).toEqual([]);
      jest.advanceTimersByTime(3000);
      const [retry] = socket.take('doc:sync');
      retry.ack({ ok: true });
      expect(provider.pendingCount).toBe(0);
      provider.destroy();
    } finally {
      jest.useRealTimers();
    }
  });

  it('sends nothing without edit access and reports local changes as refused', () => {
    const { socket, doc, provider } = setup();
    const errors: string[] = [];
    provider.on('error', (e) => errors.push(e.code));
    socket.up();
    const syncs = acceptJoin(socket, 'view');
    expect(syncs.map((s) => readSyncMessage(s.payload.message!).type)).toEqual(['step1']);
    doc.getMap('m').set('a', 1);
    expect(socket.take('doc:sync')).toEqual([]);
    expect(provider.pendingCount).toBe(0);
    expect(errors).toEqual(['forbidden']);
    provider.destroy();
  });

  it('follows access changes from the server, down to being taken out', () => {
    const { socket, provider } = setup();
    const seen: unknown[] = [];
    provider.on('access', (a) => seen.push(a));
    socket.up();
    acceptJoin(socket);
    socket.fire('doc:access', { documentId: DOC, access: 'comment' });
    socket.fire('doc:access', { documentId: 'another', access: null });
    socket.fire('doc:access', { documentId: DOC, access: null });
    expect(seen).toEqual(['edit', 'comment', null]);
    expect(provider.status).toBe('offline');
    provider.destroy();
  });

  it('stops after a final refusal of the join', () => {
    const { socket, provider } = setup();
    const errors: string[] = [];
    provider.on('error', (e) => errors.push(e.code));
    socket.up();
    socket.take('doc:join')[0].ack({ ok: false, error: { code: 'not_found', message: 'Document not found' } });
    expect(errors).toEqual(['not_found']);
    expect(provider.status).toBe('offline');
    socket.down();
    socket.up();
    expect(socket.take('doc:join')).toEqual([]);
    provider.destroy();
  });
});
