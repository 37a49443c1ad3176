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
  /** This round's longest wait: `plainTextMaxWaitMs` × 0.75 – 1.25, so that documents typed in together are not all indexed in the same moment. */
  maxWaitMs: number;
  userIds: Set<string>;
  lastUserId: string | null;
}

/**
 * Keeps `documents.plain_text` (what search reads) current within seconds of an edit: after the
 * changes stored by this instance, debounced, then `document.content_changed` for activity and search.
 *
 * Indexing walks the whole document and makes PostgreSQL rebuild its search vectors, so it is spread
 * out: each document's longest wait is jittered (a workshop that starts typing together would
 * otherwise be indexed in one burst every few seconds, stalling every editor's fan-out — the periodic
 * tail seen in the benchmark), and documents that fall due together are indexed one per turn of the
 * event loop.
 */
@Injectable()
export class PlainTextIndexer implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('CollabPlainText');
  private readonly pending = new Map<string, Pending>();
  /** Documents whose wait is over, indexed one per event-loop turn. */
  private readonly due = new Set<string>();
  private draining = false;
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
    const entry: Pending = pending ?? {
      timer: undefined!,
      firstAt: now,
      maxWaitMs: this.options.plainTextMaxWaitMs * (0.75 + Math.random() * 0.5),
      userIds: new Set(),
      lastUserId: null,
    };
    if (userId) entry.userIds.add(userId);
    entry.lastUserId = userId;
    const delay = Math.max(0, Math.min(this.options.plainTextDebounceMs, entry.firstAt + entry.maxWaitMs - now));
    entry.timer = setTimeout(() => this.markDue(documentId), delay);
    entry.timer.unref();
    this.pending.set(documentId, entry);
  }

  private markDue(documentId: string): void {
    this.due.add(documentId);
    if (this.draining) return;
    this.draining = true;
    const next = () => {
      const [id] = this.due;
      if (id === undefined) {
        this.draining = false;
        return;
      }
      this.due.delete(id);
      const doc = this.store.peek(id);
      if (doc) this.flush(id, doc);
      else this.cancel(id);
      setImmediate(next);
    };
    setImmediate(next);
  }

  private cancel(documentId: string): void {
    const pending = this.pending.get(documentId);
    if (pending) clearTimeout(pending.timer);
    this.pending.delete(documentId);
    this.due.delete(documentId);
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
