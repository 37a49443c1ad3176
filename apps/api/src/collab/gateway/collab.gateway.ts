import { Logger } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { OnGatewayConnection, OnGatewayDisconnect, OnGatewayInit, WebSocketGateway } from '@nestjs/websockets';
import {
  COLLAB_NAMESPACE,
  CollabAck,
  CollabEvent,
  readSyncMessage,
  syncStep2FromUpdate,
  UNAUTHORIZED_MESSAGE,
} from '@passerelle/collab';
import { LIMITS } from '@passerelle/domain';
import type { Namespace, Server, Socket } from 'socket.io';
import * as Y from 'yjs';
import { AccessService } from '../../core/access/access.service';
import type { AccessTokenPayload } from '../../core/auth/auth-user';
import { PrincipalService } from '../../core/auth/principal.service';
import { badRequest, DomainException, forbidden, notFound, unauthorized } from '../../core/errors/domain.exception';
import { isUnavailable } from '../../core/errors/unavailable';
import { Lifecycle } from '../../core/lifecycle/lifecycle';
import { CollabOptions } from '../collab.options';
import { CollabScaleOut } from '../scale/collab-scale-out';
import { CollabRepository } from '../storage/collab.repository';
import { DocumentStore } from '../storage/document-store';
import { toAck } from './ack';
import { corkFrames, packetsInOneFlush } from './cork-frames';
import { CollabRooms, sessionOf } from './collab-rooms';
import { parseDocumentPayload, parseMessagePayload } from './payloads';
import { BadMessageCounter, SocketSession, TokenBucket } from './socket-session';

async function withTimeout(promise: Promise<unknown>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([promise, new Promise((resolve) => (timer = setTimeout(resolve, ms)))]);
  } finally {
    clearTimeout(timer);
  }
}

/** Engine limit above COLLAB_MAX_MESSAGE_BYTES, so that an oversized message reaches the handler (too_large) instead of closing the connection. */
const bufferLimit = (maxMessageBytes: number) => maxMessageBytes * 2 + 64 * 1024;

const restarting = () =>
  new DomainException('unavailable', 'The server is restarting: send it again after reconnecting');

const isEmptyUpdate = (update: Uint8Array): boolean => {
  const { structs, ds } = Y.decodeUpdate(update);
  return structs.length === 0 && ds.clients.size === 0;
};

/**
 * The collaboration socket (SPEC "The collaboration socket"). Handlers authenticate, validate,
 * check access and delegate: rooms and fan-out to CollabRooms, storage to DocumentStore.
 * Every handler answers through `toAck`, so an error is an acknowledgement, never a crash.
 */
@WebSocketGateway({
  namespace: COLLAB_NAMESPACE,
  serveClient: false,
  maxHttpBufferSize: bufferLimit(LIMITS.collabMaxMessageBytes),
})
export class CollabGateway implements OnGatewayInit, OnGatewayConnection, OnGatewayDisconnect {
  private readonly logger = new Logger('CollabGateway');
  private namespace: Namespace | null = null;

  constructor(
    private readonly principals: PrincipalService,
    private readonly jwt: JwtService,
    private readonly access: AccessService,
    private readonly repo: CollabRepository,
    private readonly store: DocumentStore,
    private readonly rooms: CollabRooms,
    private readonly options: CollabOptions,
    private readonly scaleOut: CollabScaleOut,
    private readonly lifecycle: Lifecycle,
  ) {
    lifecycle.onDrain((deadline) => this.drain(deadline));
  }

  afterInit(namespace: Namespace): void {
    this.scaleOut.attach(namespace.server);
    this.raiseBufferLimit(namespace.server);
    this.rooms.bind(namespace);
    this.namespace = namespace;
    namespace.use((socket, next) => {
      if (this.lifecycle.shuttingDown) return next(new Error('unavailable'));
      this.authenticate(socket).then(
        () => next(),
        // Not `unauthorized` when the database cannot tell: the client would stop retrying.
        (error: unknown) => next(new Error(isUnavailable(error) ? 'unavailable' : UNAUTHORIZED_MESSAGE)),
      );
    });
  }

  handleConnection(socket: Socket): void {
    corkFrames(socket.conn.transport);
    socket.conn.on('upgrade', corkFrames);
    packetsInOneFlush(socket.client);
    if (!socket.data.session) return;
    this.rooms.register(socket);
    this.listen(socket);
  }

  handleDisconnect(socket: Socket): void {
    this.rooms.unregister(socket);
  }

  /**
   * The events of the collaboration socket, each answered by an acknowledgement (see `answer`).
   *
   * Bound on the socket itself rather than with `@SubscribeMessage`: Nest's message dispatch runs
   * every message through an rxjs pipeline and the guard, pipe and interceptor chains — none of
   * which these handlers use, they parse and check their own payloads — and that was about a tenth
   * of the server's busy time per change in the benchmark's profile. All four events are bound the
   * same way so that they keep the order in which the client sent them (a join, then a change).
   */
  private listen(socket: Socket): void {
    const handlers: Record<string, (payload: unknown) => Promise<object> | object> = {
      [CollabEvent.join]: (payload) => this.join(socket, payload),
      [CollabEvent.sync]: (payload) => this.sync(socket, payload),
      [CollabEvent.awareness]: (payload) => this.awareness(socket, payload),
      [CollabEvent.leave]: (payload) => {
        const { documentId } = parseDocumentPayload(payload);
        this.rooms.leave(socket, documentId);
        return {};
      },
    };
    for (const [event, handler] of Object.entries(handlers)) {
      socket.on(event, (...args: unknown[]) => {
        const ack = typeof args[args.length - 1] === 'function' ? (args.pop() as (answer: unknown) => void) : null;
        // As Nest passed them: one argument as it is, several as an array (which no payload parser accepts).
        const payload = args.length <= 1 ? args[0] : args;
        void this.answer(socket, () => handler(payload)).then((answer) => ack?.(answer));
      });
    }
  }

  private async authenticate(socket: Socket): Promise<void> {
    const token: unknown = socket.handshake.auth?.token;
    if (typeof token !== 'string') throw unauthorized();
    const user = await this.principals.fromToken(token);
    if (!user) throw unauthorized();
    const { ver } = this.jwt.decode<AccessTokenPayload>(token);
    const session: SocketSession = {
      user,
      tokenVersion: ver,
      joined: new Map(),
      joining: new Map(),
      syncBucket: new TokenBucket(() => this.options.syncRate),
      awarenessBucket: new TokenBucket(() => this.options.awarenessRate),
      badMessages: new BadMessageCounter(
        () => this.options.badMessageLimit,
        () => this.options.badMessageWindowMs,
      ),
    };
    socket.data.session = session;
  }

  /** The acknowledgement of a handler; a connection that keeps sending malformed messages is dropped. */
  private async answer<T extends object>(socket: Socket, handler: () => Promise<T> | T): Promise<CollabAck<T>> {
    const ack = await toAck(handler);
    if (!ack.ok && (ack.error.code === 'bad_request' || ack.error.code === 'too_large')) {
      if (sessionOf(socket).badMessages.record()) {
        this.logger.warn(`disconnecting ${sessionOf(socket).user.email}: too many malformed messages`);
        // After the acknowledgement has gone out.
        setImmediate(() => socket.disconnect(true));
      }
    }
    return ack;
  }

  private async join(
    socket: Socket,
    payload: unknown,
  ): Promise<{ access: NonNullable<ReturnType<AccessService['collabAccess']>> }> {
    const { documentId } = parseDocumentPayload(payload);
    if (this.lifecycle.shuttingDown) throw restarting();
    const session = sessionOf(socket);
    const joining = (async () => {
      // Access is decided on fresh data at every join, not on what the handshake saw.
      const user = await this.principals.load(session.user.id, session.tokenVersion);
      if (!user) {
        setImmediate(() => socket.disconnect(true));
        throw unauthorized('The session is no longer valid');
      }
      session.user = user;
      const row = await this.repo.findDocument(documentId);
      const access = row ? this.access.collabAccess(user, row) : null;
      if (!access) throw notFound('Document');
      await this.rooms.join(socket, documentId, access);
      return { access };
    })();
    session.joining.set(documentId, joining);
    try {
      return await joining;
    } finally {
      if (session.joining.get(documentId) === joining) session.joining.delete(documentId);
    }
  }

  private async sync(socket: Socket, payload: unknown): Promise<object> {
    const { documentId, message } = parseMessagePayload(payload, this.options.maxMessageBytes);
    const session = sessionOf(socket);
    await session.joining.get(documentId)?.catch(() => undefined);
    const joined = session.joined.get(documentId);
    if (!joined) throw new DomainException('not_joined', 'Join the document first');
    if (!session.syncBucket.take()) throw new DomainException('rate_limited', 'Too many changes, slow down');
    let decoded: ReturnType<typeof readSyncMessage>;
    try {
      decoded = readSyncMessage(message);
    } catch {
      throw badRequest('Malformed sync message');
    }
    if (decoded.type === 'step1') {
      let answer: Uint8Array;
      try {
        answer = syncStep2FromUpdate(this.store.diff(documentId, decoded.stateVector));
      } catch {
        throw badRequest('Malformed state vector');
      }
      socket.emit(CollabEvent.sync, { documentId, message: answer });
      return {};
    }
    const update = decoded.update;
    try {
      if (isEmptyUpdate(update)) return {};
    } catch {
      throw badRequest('Malformed update');
    }
    // Checked on every update: access may have been lowered since the join.
    if (joined.access !== 'edit') throw forbidden('You may not edit this document');
    // Refused, not applied: the provider sends it again once reconnected (to another instance).
    if (this.lifecycle.shuttingDown) throw restarting();
    await this.store.append(documentId, update, session.user.id, socket);
    return {};
  }

  private async awareness(socket: Socket, payload: unknown): Promise<object> {
    const { documentId, message } = parseMessagePayload(payload, this.options.maxMessageBytes);
    const session = sessionOf(socket);
    await session.joining.get(documentId)?.catch(() => undefined);
    if (!session.joined.has(documentId)) throw new DomainException('not_joined', 'Join the document first');
    if (!session.awarenessBucket.take()) throw new DomainException('rate_limited', 'Too many presence updates');
    try {
      this.rooms.applyAwareness(socket, documentId, message);
    } catch (error) {
      if (error instanceof DomainException) throw error;
      throw badRequest('Malformed awareness update');
    }
    return {};
  }

  /**
   * Graceful shutdown: no new connection, join or change is taken from here on; the changes already
   * taken are stored and acknowledged; then every connection's transport is closed — a "transport
   * close" that Socket.IO clients answer by reconnecting (unlike a server-side disconnect), to
   * another instance behind the load balancer or to this one once restarted.
   */
  private async drain(deadline: number): Promise<void> {
    // Every change taken was enqueued synchronously, before the refusals began: the flush covers them.
    await withTimeout(this.store.flush(), Math.max(0, deadline - Date.now()));
    // Their acknowledgements go out a few microtasks after the commit.
    await new Promise((resolve) => setImmediate(resolve));
    const sockets = [...(this.namespace?.sockets.values() ?? [])];
    for (const socket of sockets) socket.conn.close();
    if (sockets.length > 0) this.logger.log(`drained: closed ${sockets.length} collaboration connection(s)`);
  }

  private raiseBufferLimit(server: Server): void {
    const limit = bufferLimit(this.options.maxMessageBytes);
    const engine = server.engine as unknown as {
      opts: { maxHttpBufferSize: number };
      ws?: { options?: { maxPayload?: number } };
    };
    if (engine.opts.maxHttpBufferSize >= limit) return;
    engine.opts.maxHttpBufferSize = limit;
    if (engine.ws?.options) engine.ws.options.maxPayload = limit;
  }
}
