import { Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import type { CollabAccess } from '@passerelle/domain';
import type { Socket } from 'socket.io';
import { AccessService } from '../../core/access/access.service';
import type { AuthUser } from '../../core/auth/auth-user';
import { PrincipalService } from '../../core/auth/principal.service';
import { DOCUMENT_STATUS_CHANGED, MEMBERSHIP_CHANGED, USER_ACCESS_CHANGED } from '../collab.events';
import { CollabScaleOut } from '../scale/collab-scale-out';
import { CollabRepository, DocumentAccessRow } from '../storage/collab.repository';
import { CollabRooms, sessionOf } from './collab-rooms';

/**
 * Takes access away from open connections the moment it is taken away elsewhere — a membership
 * removed or lowered, an account deactivated, a document adopted — on every instance: the change
 * is published to the others, and each re-checks its own connections. A connection is told
 * (`doc:access`) and leaves the document (access gone) or keeps it read-only (access lowered).
 */
@Injectable()
export class AccessWatcher implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('CollabAccessWatcher');
  private off: (() => void) | null = null;

  constructor(
    private readonly rooms: CollabRooms,
    private readonly principals: PrincipalService,
    private readonly access: AccessService,
    private readonly repo: CollabRepository,
    private readonly scaleOut: CollabScaleOut,
  ) {}

  onModuleInit(): void {
    this.off = this.scaleOut.subscribe((message) => {
      if (message.kind === 'user-access') void this.recheckUser(message.userId);
      if (message.kind === 'document-access') void this.recheckDocument(message.documentId);
      // Re-checks published while the Redis link was down are lost: re-check every open document.
      if (message.kind === 'catch-up') for (const id of this.rooms.openDocuments()) void this.recheckDocument(id);
    });
  }

  onModuleDestroy(): void {
    this.off?.();
  }

  @OnEvent(MEMBERSHIP_CHANGED)
  @OnEvent(USER_ACCESS_CHANGED)
  onUserChanged(event: { userId?: unknown }): Promise<void> {
    if (typeof event?.userId !== 'string') return Promise.resolve();
    this.scaleOut.publish({ kind: 'user-access', userId: event.userId });
    return this.recheckUser(event.userId);
  }

  @OnEvent(DOCUMENT_STATUS_CHANGED)
  onDocumentChanged(event: { documentId?: unknown }): Promise<void> {
    if (typeof event?.documentId !== 'string') return Promise.resolve();
    this.scaleOut.publish({ kind: 'document-access', documentId: event.documentId });
    return this.recheckDocument(event.documentId);
  }

  /** Re-checks every open document of this person's connections on this instance. */
  async recheckUser(userId: string): Promise<void> {
    try {
      const sockets = this.rooms.socketsOfUser(userId);
      const documentIds = new Set(sockets.flatMap((s) => [...sessionOf(s).joined.keys()]));
      if (documentIds.size === 0) return;
      await this.recheck(sockets, documentIds, await this.repo.findDocuments([...documentIds]));
    } catch (error) {
      this.logger.error(`re-checking the access of user ${userId} failed: ${String(error)}`);
    }
  }

  /** Re-checks everyone in the document on this instance. */
  async recheckDocument(documentId: string): Promise<void> {
    try {
      const sockets = this.rooms.socketsIn(documentId);
      if (sockets.length === 0) return;
      await this.recheck(sockets, new Set([documentId]), await this.repo.findDocuments([documentId]));
    } catch (error) {
      this.logger.error(`re-checking the access to document ${documentId} failed: ${String(error)}`);
    }
  }

  /** A document missing from `rows` was deleted: access to it is gone. */
  private async recheck(sockets: Socket[], documentIds: Set<string>, rows: DocumentAccessRow[]): Promise<void> {
    const documents = new Map(rows.map((r) => [r.id, r]));
    const principals = new Map<string, Promise<AuthUser | null>>();
    for (const socket of sockets) {
      const session = sessionOf(socket);
      const key = `${session.user.id}:${session.tokenVersion}`;
      if (!principals.has(key)) principals.set(key, this.principals.load(session.user.id, session.tokenVersion));
      const user = await principals.get(key)!;
      if (user) session.user = user;
      for (const documentId of [...session.joined.keys()]) {
        if (!documentIds.has(documentId)) continue;
        const row = documents.get(documentId);
        const access: CollabAccess | null = user && row ? this.access.collabAccess(user, row) : null;
        this.rooms.setAccess(socket, documentId, access);
      }
      // An account deactivated, or its tokens revoked: the connection itself goes.
      if (!user) socket.disconnect(true);
    }
  }
}
