import { Logger } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import {
  ConnectedSocket,
  MessageBody,
  OnGatewayConnection,
  OnGatewayInit,
  SubscribeMessage,
  WebSocketGateway,
} from '@nestjs/websockets';
import { LIVE_NAMESPACE, LiveEvent, type Ack } from '@passerelle/domain';
import type { Namespace, Socket } from 'socket.io';
import type { AccessTokenPayload, AuthUser } from '../../core/auth/auth-user';
import { PrincipalService } from '../../core/auth/principal.service';
import { badRequest, DomainException, unauthorized } from '../../core/errors/domain.exception';
import { DocumentsService } from '../documents/documents.service';

export const userRoom = (userId: string) => `user:${userId}`;
export const documentRoom = (documentId: string) => `doc:${documentId}`;
export const DOCUMENT_ROOM_PREFIX = 'doc:';

/** What the server keeps about a live connection (`socket.data`). */
export interface LiveSession {
  userId: string;
  /** The token's version: once the account's changes, the connection goes. */
  tokenVersion: number;
}

const logger = new Logger('LiveGateway');

async function toAck(handler: () => Promise<void>): Promise<Ack> {
  try {
    await handler();
    return { ok: true };
  } catch (error) {
    if (error instanceof DomainException) return { ok: false, error: { code: error.code, message: error.message } };
    logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    return { ok: false, error: { code: 'internal', message: 'Internal error' } };
  }
}

function documentIdOf(payload: unknown): string {
  const documentId = (payload as { documentId?: unknown } | null)?.documentId;
  if (typeof documentId !== 'string' || documentId.length === 0 || documentId.length > 100) {
    throw badRequest('documentId must be a string');
  }
  return documentId;
}

/**
 * The live socket (namespace `/live`): what changes around a document (threads, comments) and
 * what concerns a person (notifications), pushed to whoever has it open. Each connection is in
 * its user's room `user:<id>`; `live:subscribe` adds the room `doc:<id>` once the person may read
 * the document. Rooms span instances through the Redis adapter when scale-out is on (the
 * collaboration gateway installs it on the shared Socket.IO server).
 *
 * Other features send with `toUser` and `toDocument`; nothing else of this class is for them.
 */
@WebSocketGateway({ namespace: LIVE_NAMESPACE, serveClient: false })
export class LiveGateway implements OnGatewayInit, OnGatewayConnection {
  private namespace: Namespace | null = null;

  constructor(
    private readonly principals: PrincipalService,
    private readonly jwt: JwtService,
    private readonly documents: DocumentsService,
  ) {}

  afterInit(namespace: Namespace): void {
    this.namespace = namespace;
    namespace.use((socket, next) => {
      this.authenticate(socket).then(
        () => next(),
        () => next(new Error('unauthorized')),
      );
    });
  }

  handleConnection(socket: Socket): void {
    const session = socket.data as Partial<LiveSession>;
    if (session.userId) void socket.join(userRoom(session.userId));
  }

  /** Sends `event` to every connection of that person (on every instance). */
  toUser(userId: string, event: string, payload: unknown): void {
    this.namespace?.to(userRoom(userId)).emit(event, payload);
  }

  /** Sends `event` to every connection subscribed to that document (on every instance). */
  toDocument(documentId: string, event: string, payload: unknown): void {
    this.namespace?.to(documentRoom(documentId)).emit(event, payload);
  }

  /** The namespace, for the access watcher. */
  get server(): Namespace | null {
    return this.namespace;
  }

  @SubscribeMessage(LiveEvent.subscribe)
  onSubscribe(@ConnectedSocket() socket: Socket, @MessageBody() payload: unknown): Promise<Ack> {
    return toAck(async () => {
      const documentId = documentIdOf(payload);
      const user = await this.currentUser(socket);
      const doc = await this.documents.getFor(user, documentId, 'read');
      await socket.join(documentRoom(doc.id));
    });
  }

  @SubscribeMessage(LiveEvent.unsubscribe)
  onUnsubscribe(@ConnectedSocket() socket: Socket, @MessageBody() payload: unknown): Promise<Ack> {
    return toAck(async () => {
      // Ids are uuids, matched whatever their case (the room was named after the stored, lower-case id).
      await socket.leave(documentRoom(documentIdOf(payload).toLowerCase()));
    });
  }

  private async authenticate(socket: Socket): Promise<void> {
    const token: unknown = socket.handshake.auth?.token;
    if (typeof token !== 'string') throw unauthorized();
    const user = await this.principals.fromToken(token);
    if (!user) throw unauthorized();
    const session: LiveSession = { userId: user.id, tokenVersion: this.jwt.decode<AccessTokenPayload>(token).ver };
    Object.assign(socket.data, session);
  }

  /** Access is decided on fresh data, not on what the handshake saw. */
  private async currentUser(socket: Socket): Promise<AuthUser> {
    const session = socket.data as LiveSession;
    const user = await this.principals.load(session.userId, session.tokenVersion);
    if (!user) {
      setImmediate(() => socket.disconnect(true));
      throw unauthorized('The session is no longer valid');
    }
    return user;
  }
}
