import { Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { toPlainText } from '@passerelle/content';
import type * as Y from 'yjs';
import { DOCUMENT_CONTENT_CHANGED, DocumentContentChangedEvent } from '../collab.events';
import { CollabOptions } from '../collab.options';
import { CollabRepository } from './collab.repository';
import { DocumentStore } from './document-store';

interface Pending {
  timer: NodeJS.Timeout;
  firstAt: number;
  userIds: Set<string>;
  lastUserId: string | null;
}

/**
 * Keeps `documents.plain_text` (what search reads) current within seconds of an edit: after the
 * changes stored by this instance, debounced, then `document.content_changed` for activity and search.
 */
@Injectable()
export class PlainTextIndexer implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('CollabPlainText');
  private readonly pending = new Map<string, Pending>();
  private readonly writes = new Set<Promise<void>>();
  private readonly offs: Array<() => void> = [];

  constructor(
    private readonly store: DocumentStore,
    private readonly repo: CollabRepository,
    private readonly events: EventEmitter2,
    private readonly options: CollabOptions,
  ) {}

  onModuleInit(): void {
    this.offs.push(
      this.store.onStored((documentId, _update, userId) => this.schedule(documentId, userId)),
      // A document leaving memory is indexed first, while its content is still at hand.
      this.store.onEvict((documentId, doc) => this.flush(documentId, doc)),
    );
  }

  async onModuleDestroy(): Promise<void> {
    for (const off of this.offs) off();
    for (const documentId of [...this.pending.keys()]) {
      const doc = this.store.peek(documentId);
      if (doc) this.flush(documentId, doc);
      else this.cancel(documentId);
    }
    await Promise.allSettled([...this.writes]);
  }

  private schedule(documentId: string, userId: string | null): void {
    const now = Date.now();
    const pending = this.pending.get(documentId);
    if (pending) clearTimeout(pending.timer);
    const entry: Pending = pending ?? { timer: undefined!, firstAt: now, userIds: new Set(), lastUserId: null };
    if (userId) entry.userIds.add(userId);
    entry.lastUserId = userId;
    const delay = Math.max(
      0,
      Math.min(this.options.plainTextDebounceMs, entry.firstAt + this.options.plainTextMaxWaitMs - now),
    );
    entry.timer = setTimeout(() => {
      const doc = this.store.peek(documentId);
      if (doc) this.flush(documentId, doc);
      else this.cancel(documentId);
    }, delay);
    entry.timer.unref();
    this.pending.set(documentId, entry);
  }

  private cancel(documentId: string): void {
    const pending = this.pending.get(documentId);
    if (pending) clearTimeout(pending.timer);
    this.pending.delete(documentId);
  }

  /** Extracts the text now (synchronously, the document may be about to go) and writes it. */
  private flush(documentId: string, doc: Y.Doc): void {
    const pending = this.pending.get(documentId);
    if (!pending) return;
    this.cancel(documentId);
    let text: string;
    try {
      text = toPlainText(doc);
    } catch (error) {
      this.logger.warn(`extracting the text of ${documentId} failed: ${String(error)}`);
      return;
    }
    const write = this.repo
      .setPlainText(documentId, text)
      .then(() => {
        const event: DocumentContentChangedEvent = {
          documentId,
          userId: pending.lastUserId,
          userIds: [...pending.userIds],
        };
        this.events.emit(DOCUMENT_CONTENT_CHANGED, event);
      })
      .catch((error: unknown) => this.logger.warn(`writing the text of ${documentId} failed: ${String(error)}`))
      .finally(() => this.writes.delete(write));
    this.writes.add(write);
  }
}
