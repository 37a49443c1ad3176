import { Injectable, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { CollabEvent, documentRoom, syncStep1FromStateVector, updateMessage } from '@passerelle/collab';
import type { CollabAccess } from '@passerelle/domain';
import type { Namespace, Socket } from 'socket.io';
import { DomainException, forbidden } from '../../core/errors/domain.exception';
import { CollabScaleOut } from '../scale/collab-scale-out';
import type { BusMessage } from '../scale/bus-message';
import { DocumentStore, REMOTE_ORIGIN } from '../storage/document-store';
import { RoomAwareness } from './room-awareness';
import type { SocketSession } from './socket-session';
import { UpdateFanout } from './update-fanout';

/** Origin of presence removals made by the server when a connection leaves. */
const REMOVAL = 'removal';

export const sessionOf = (socket: Socket): SocketSession => socket.data.session as SocketSession;

/**
 * Rooms and fan-out of this instance: who is in which document, joining and leaving (presence
 * included), and forwarding every change of an in-memory document to the sockets in its room —
 * within the same turn of the event loop (merged per document, see UpdateFanout), before the change
 * is stored. With scale-out, what other instances stored or announced
 * arrives through CollabScaleOut and is applied and forwarded the same way.
 */
@Injectable()
export class CollabRooms implements OnModuleInit, OnModuleDestroy {
  private server: Namespace | null = null;
  private readonly sessions = new Map<Socket, SocketSession>();
  private readonly byUser = new Map<string, Set<Socket>>();
  private readonly byDocument = new Map<string, Set<Socket>>();
  private readonly awareness = new RoomAwareness((id, update, origin) => this.onAwarenessChange(id, update, origin));
  private readonly offs: Array<() => void> = [];
  private readonly fanout = new UpdateFanout<Socket>({
    toRoom: (documentId, update, except) => {
      if (!this.server || !this.byDocument.has(documentId)) return;
      let target = this.server.local.to(documentRoom(documentId));
      if (except.length > 0) target = target.except(except.map((s) => s.id));
      target.emit(CollabEvent.sync, { documentId, message: updateMessage(update) });
    },
    toOne: (socket, documentId, update) => {
      if (this.sessions.get(socket)?.joined.has(documentId))
        socket.emit(CollabEvent.sync, { documentId, message: updateMessage(update) });
    },
  });

  constructor(
    private readonly store: DocumentStore,
    private readonly scaleOut: CollabScaleOut,
  ) {}

  onModuleInit(): void {
    this.offs.push(
      this.store.onUpdate((id, update, origin) => this.onDocumentUpdate(id, update, origin)),
      this.store.onStored((documentId, data) => this.scaleOut.publish({ kind: 'update', documentId, data })),
      this.scaleOut.subscribe((message) => this.onBusMessage(message)),
    );
  }

  onModuleDestroy(): void {
    for (const off of this.offs) off();
    this.awareness.dropAll();
  }

  bind(server: Namespace): void {
    this.server = server;
  }

  register(socket: Socket): void {
    const session = sessionOf(socket);
    this.sessions.set(socket, session);
    this.index(this.byUser, session.user.id).add(socket);
  }

  unregister(socket: Socket): void {
    const session = this.sessions.get(socket);
    if (!session) return;
    for (const documentId of [...session.joined.keys()]) this.leave(socket, documentId);
    this.sessions.delete(socket);
    this.unindex(this.byUser, session.user.id, socket);
  }

  socketsOfUser(userId: string): Socket[] {
    return [...(this.byUser.get(userId) ?? [])];
  }

  /** Documents with at least one socket of this instance in them. */
  openDocuments(): string[] {
    return [...this.byDocument.keys()];
  }

  socketsIn(documentId: string): Socket[] {
    return [...(this.byDocument.get(documentId) ?? [])];
  }

  /** Puts the socket in the document's room, then sends the server's step 1 and the current presence. */
  async join(socket: Socket, documentId: string, access: CollabAccess): Promise<void> {
    const session = sessionOf(socket);
    const joined = session.joined.get(documentId);
    if (joined) {
      joined.access = access;
    } else {
      await this.store.acquire(documentId);
      if (!socket.connected || !this.sessions.has(socket)) {
        this.store.release(documentId);
        throw new DomainException('unavailable', 'The connection closed while joining');
      }
      session.joined.set(documentId, { access, awarenessClients: new Set() });
      const first = !this.byDocument.has(documentId);
      this.index(this.byDocument, documentId).add(socket);
      void socket.join(documentRoom(documentId));
      // Presence held by other instances' sockets: ask them for it (their answer is forwarded here).
      if (first) this.scaleOut.publish({ kind: 'awareness-query', documentId });
    }
    socket.emit(CollabEvent.sync, {
      documentId,
      message: syncStep1FromStateVector(this.store.stateVector(documentId)),
    });
    const presence = this.awareness.encodeAll(documentId);
    if (presence) socket.emit(CollabEvent.awareness, { documentId, message: presence });
  }

  /** Takes the socket out of the document, removing its presence. False if it was not in it. */
  leave(socket: Socket, documentId: string): boolean {
    const session = this.sessions.get(socket) ?? sessionOf(socket);
    const joined = session.joined.get(documentId);
    if (!joined) return false;
    session.joined.delete(documentId);
    this.awareness.remove(documentId, joined.awarenessClients, REMOVAL);
    void socket.leave(documentRoom(documentId));
    this.unindex(this.byDocument, documentId, socket);
    if (!this.byDocument.has(documentId)) this.awareness.drop(documentId);
    this.store.release(documentId);
    return true;
  }

  /** Applies a presence update of a joined socket (throws when malformed or when it speaks for another connection). */
  applyAwareness(socket: Socket, documentId: string, update: Uint8Array): void {
    const joined = sessionOf(socket).joined.get(documentId);
    if (!joined) throw new DomainException('not_joined', 'Join the document first');
    const others = new Set<number>();
    for (const other of this.socketsIn(documentId)) {
      if (other === socket) continue;
      for (const id of this.sessions.get(other)?.joined.get(documentId)?.awarenessClients ?? []) others.add(id);
    }
    if (RoomAwareness.clientIds(update).some((id) => others.has(id))) {
      throw forbidden('A connection may only announce its own presence');
    }
    const { set, removed } = this.awareness.apply(documentId, update, socket);
    for (const id of set) joined.awarenessClients.add(id);
    for (const id of removed) joined.awarenessClients.delete(id);
  }

  /** Tells a connection that its access to a document changed; null takes it out of the document. */
  setAccess(socket: Socket, documentId: string, access: CollabAccess | null): void {
    const joined = sessionOf(socket).joined.get(documentId);
    if (!joined || joined.access === access) return;
    if (access === null) this.leave(socket, documentId);
    else joined.access = access;
    socket.emit(CollabEvent.access, { documentId, access });
  }

  /** Forwarded at the end of the event-loop turn, merged with the document's other changes of that turn. */
  private onDocumentUpdate(documentId: string, update: Uint8Array, origin: unknown): void {
    if (!this.server || !this.byDocument.has(documentId)) return;
    this.fanout.push(documentId, update, this.sessions.has(origin as Socket) ? (origin as Socket) : null);
  }

  private onAwarenessChange(documentId: string, update: Uint8Array, origin: unknown): void {
    if (!this.server) return;
    const fromSocket = this.sessions.has(origin as Socket);
    let target = this.server.local.to(documentRoom(documentId));
    if (fromSocket) target = target.except((origin as Socket).id);
    target.emit(CollabEvent.awareness, { documentId, message: update });
    if (fromSocket || origin === REMOVAL) this.scaleOut.publish({ kind: 'awareness', documentId, data: update });
  }

  private onBusMessage(message: BusMessage): void {
    switch (message.kind) {
      case 'update':
        this.store.applyRemote(message.documentId, message.data);
        return;
      case 'awareness':
        if (this.byDocument.has(message.documentId))
          this.awareness.apply(message.documentId, message.data, REMOTE_ORIGIN);
        return;
      case 'catch-up':
        void this.store.catchUpFromStorage().then(() => {
          // Presence announced while the link was down is asked for again.
          for (const documentId of this.openDocuments()) this.scaleOut.publish({ kind: 'awareness-query', documentId });
        });
        return;
      case 'awareness-query': {
        const own = this.socketsIn(message.documentId).flatMap((s) => [
          ...(this.sessions.get(s)?.joined.get(message.documentId)?.awarenessClients ?? []),
        ]);
        const data = this.awareness.encode(message.documentId, own);
        if (data) this.scaleOut.publish({ kind: 'awareness', documentId: message.documentId, data });
        return;
      }
      default:
        return; // access re-checks: see AccessWatcher
    }
  }

  private index<K>(map: Map<K, Set<Socket>>, key: K): Set<Socket> {
    let set = map.get(key);
    if (!set) map.set(key, (set = new Set()));
    return set;
  }

  private unindex<K>(map: Map<K, Set<Socket>>, key: K, socket: Socket): void {
    const set = map.get(key);
    set?.delete(socket);
    if (set?.size === 0) map.delete(key);
  }
}
