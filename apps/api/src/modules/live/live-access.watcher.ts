import { Injectable, Logger } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { LiveEvent } from '@passerelle/domain';
import type { RemoteSocket } from 'socket.io';
import { DOCUMENT_STATUS_CHANGED, MEMBERSHIP_CHANGED, USER_ACCESS_CHANGED } from '../../collab/collab.events';
import type { AuthUser } from '../../core/auth/auth-user';
import { PrincipalService } from '../../core/auth/principal.service';
import { DocumentsService } from '../documents/documents.service';
import { DOCUMENT_ROOM_PREFIX, documentRoom, LiveGateway, LiveSession, userRoom } from './live.gateway';

type LiveSocket = RemoteSocket<{ [event: string]: (payload: unknown) => void }, LiveSession>;

/**
 * Takes documents away from live connections as soon as their person may no longer read them
 * (membership removed, account deactivated or its tokens revoked, a document unpublished). It
 * goes through the adapter (`fetchSockets`, `leave`), so connections on every instance are
 * re-checked by the instance where the change happened.
 */
@Injectable()
export class LiveAccessWatcher {
  private readonly logger = new Logger('LiveAccessWatcher');

  constructor(
    private readonly gateway: LiveGateway,
    private readonly principals: PrincipalService,
    private readonly documents: DocumentsService,
  ) {}

  @OnEvent(MEMBERSHIP_CHANGED)
  @OnEvent(USER_ACCESS_CHANGED)
  async onUserChanged(event: { userId?: unknown }): Promise<void> {
    if (typeof event?.userId !== 'string') return;
    await this.recheck(userRoom(event.userId), (room) => room.startsWith(DOCUMENT_ROOM_PREFIX));
  }

  @OnEvent(DOCUMENT_STATUS_CHANGED)
  async onDocumentChanged(event: { documentId?: unknown }): Promise<void> {
    if (typeof event?.documentId !== 'string') return;
    const room = documentRoom(event.documentId);
    await this.recheck(room, (r) => r === room);
  }

  /** Re-checks the document rooms (those `which` selects) of every connection in `room`. */
  async recheck(room: string, which: (room: string) => boolean): Promise<void> {
    const namespace = this.gateway.server;
    if (!namespace) return;
    try {
      const sockets = (await namespace.in(room).fetchSockets()) as unknown as LiveSocket[];
      const users = new Map<string, Promise<AuthUser | null>>();
      const verdicts = new Map<string, Promise<boolean>>();
      for (const socket of sockets) {
        const { userId, tokenVersion } = socket.data;
        const key = `${userId}:${tokenVersion}`;
        if (!users.has(key)) users.set(key, this.principals.load(userId, tokenVersion));
        const user = await users.get(key)!;
        if (!user) {
          socket.disconnect(true);
          continue;
        }
        for (const docRoom of [...socket.rooms].filter(which)) {
          const documentId = docRoom.slice(DOCUMENT_ROOM_PREFIX.length);
          const verdictKey = `${key}:${documentId}`;
          if (!verdicts.has(verdictKey)) verdicts.set(verdictKey, this.canRead(user, documentId));
          if (await verdicts.get(verdictKey)!) continue;
          await socket.leave(docRoom);
          socket.emit(LiveEvent.unsubscribed, { documentId, reason: 'access' });
        }
      }
    } catch (error) {
      this.logger.error(`re-checking live subscriptions of ${room} failed: ${String(error)}`);
    }
  }

  private canRead(user: AuthUser, documentId: string): Promise<boolean> {
    return this.documents.getFor(user, documentId, 'read').then(
      () => true,
      () => false,
    );
  }
}
