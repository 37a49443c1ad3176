import { Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import type { SuggestionsDecision } from '@passerelle/domain';
import * as Y from 'yjs';
import { DocumentStore } from '../../collab/storage/document-store';
import type { AuthUser } from '../../core/auth/auth-user';
import { conflict, notFound } from '../../core/errors/domain.exception';
import type { DocumentRecord } from '../documents/documents.repository';
import { DocumentsService } from '../documents/documents.service';
import { resolvePassage } from './anchors/anchors';
import { ContentLayout } from './anchors/content-layout';
import { PassageGoneError, replacePassage } from './anchors/replace-passage';
import { SUGGESTION_ACCEPTED, SUGGESTION_REJECTED, SuggestionDecidedEvent } from './comments.events';
import { CommentsRepository, ThreadRecord } from './comments.repository';
import type { ThreadDto } from './dto/thread.dto';
import { ThreadAccess } from './thread-access';
import { ThreadsService } from './threads.service';

type Anchors = { start: Uint8Array; end: Uint8Array };

/** Quotes compared as people read them: the client and the server may separate blocks differently. */
const comparable = (text: string): string => text.replace(/\s+/g, ' ').trim();

const PASSAGE_DELETED = 'The passage was deleted: this suggestion can no longer be applied';

/**
 * Suggestions: a thread's proposed replacement for its passage, decided by someone who may edit
 * the document now (403 for other roles, 409 once adopted or archived). Accepting applies it as an
 * ordinary change of the live document that every open editor receives; either decision
 * resolves the thread.
 */
@Injectable()
export class SuggestionsService {
  constructor(
    private readonly repo: CommentsRepository,
    private readonly access: ThreadAccess,
    private readonly threads: ThreadsService,
    private readonly documents: DocumentsService,
    private readonly store: DocumentStore,
    private readonly events: EventEmitter2,
  ) {}

  async accept(user: AuthUser, threadId: string): Promise<ThreadDto> {
    const { thread, doc } = await this.pending(user, threadId);
    if (!resolvePassage(new ContentLayout(await this.store.get(doc.id)), thread.anchorStart, thread.anchorEnd)) {
      throw conflict(PASSAGE_DELETED);
    }
    if (!(await this.repo.claimDecision(thread.id, 'accepted', user.id)))
      throw conflict('This suggestion was already decided');
    let anchors: Anchors | null = null;
    try {
      await this.store.change(doc.id, user.id, (live) => {
        anchors = applySuggestion(live, thread);
      });
    } catch (error) {
      await this.repo.releaseDecision(thread);
      throw error instanceof PassageGoneError ? conflict(PASSAGE_DELETED) : error;
    }
    await this.afterAccepting(doc, user, [{ thread, anchors: anchors! }]);
    return this.threads.one(doc.id, thread.id);
  }

  async reject(user: AuthUser, threadId: string): Promise<ThreadDto> {
    const { thread, doc } = await this.pending(user, threadId);
    if (!(await this.repo.claimDecision(thread.id, 'rejected', user.id)))
      throw conflict('This suggestion was already decided');
    this.decided(SUGGESTION_REJECTED, doc, user, thread);
    return this.threads.one(doc.id, thread.id);
  }

  /**
   * Accepts every pending suggestion of the document, from the end of the document backwards, in
   * one change. Some stay pending, for someone to look at one by one: those whose passage was
   * deleted, was changed since the suggestion was made, or overlaps one applied after it (a later
   * passage is applied first).
   */
  async acceptAll(user: AuthUser, documentId: string): Promise<SuggestionsDecision> {
    const doc = await this.documents.getEditable(user, documentId);
    const { planned, skipped } = this.plan(
      new ContentLayout(await this.store.get(doc.id)),
      await this.repo.pendingSuggestionsOf(doc.id),
    );
    const claimed: ThreadRecord[] = [];
    for (const thread of planned) {
      if (await this.repo.claimDecision(thread.id, 'accepted', user.id)) claimed.push(thread);
    }
    const applied: Array<{ thread: ThreadRecord; anchors: Anchors }> = [];
    const gone: ThreadRecord[] = [];
    try {
      await this.store.change(doc.id, user.id, (live) => {
        for (const thread of claimed) {
          // Found again in the transaction: the content may have changed since the plan.
          const layout = new ContentLayout(live);
          const passage = resolvePassage(layout, thread.anchorStart, thread.anchorEnd);
          if (!passage) gone.push(thread);
          else applied.push({ thread, anchors: replacePassage(layout, passage.from, passage.to, thread.suggestion!) });
        }
      });
    } finally {
      const done = new Set(applied.map((a) => a.thread.id));
      for (const thread of claimed) if (!done.has(thread.id)) await this.repo.releaseDecision(thread);
      await this.afterAccepting(doc, user, applied);
    }
    return {
      decided: applied.map((a) => a.thread.id),
      skipped: [...skipped, ...gone.map((thread) => ({ threadId: thread.id, reason: 'detached' as const }))],
    };
  }

  /** Which suggestions to apply, from the last passage to the first, and which to leave. */
  private plan(layout: ContentLayout, pending: ThreadRecord[]) {
    const skipped: SuggestionsDecision['skipped'] = [];
    const located: Array<{ thread: ThreadRecord; from: number; to: number }> = [];
    for (const thread of pending) {
      const passage = resolvePassage(layout, thread.anchorStart, thread.anchorEnd);
      if (!passage) skipped.push({ threadId: thread.id, reason: 'detached' });
      else if (comparable(passage.text) !== comparable(thread.quote))
        skipped.push({ threadId: thread.id, reason: 'changed' });
      else located.push({ thread, from: passage.from, to: passage.to });
    }
    located.sort((a, b) => b.from - a.from || b.to - a.to);
    const planned: ThreadRecord[] = [];
    let limit = Number.POSITIVE_INFINITY;
    for (const { thread, from, to } of located) {
      if (to > limit) {
        skipped.push({ threadId: thread.id, reason: 'overlaps' });
        continue;
      }
      planned.push(thread);
      limit = from;
    }
    return { planned, skipped };
  }

  async rejectAll(user: AuthUser, documentId: string): Promise<SuggestionsDecision> {
    const doc = await this.documents.getEditable(user, documentId);
    const decided: string[] = [];
    for (const thread of await this.repo.pendingSuggestionsOf(doc.id)) {
      if (!(await this.repo.claimDecision(thread.id, 'rejected', user.id))) continue;
      decided.push(thread.id);
      this.decided(SUGGESTION_REJECTED, doc, user, thread);
    }
    return { decided, skipped: [] };
  }

  /** The thread when it carries a pending suggestion and the person may edit its document now. */
  private async pending(user: AuthUser, threadId: string): Promise<{ thread: ThreadRecord; doc: DocumentRecord }> {
    const { thread, doc } = await this.access.thread(user, threadId, 'read');
    await this.documents.getEditable(user, doc.id);
    if (thread.suggestion === null || thread.suggestionStatus === null) throw notFound('Suggestion');
    if (thread.suggestionStatus !== 'pending') throw conflict(`This suggestion was already ${thread.suggestionStatus}`);
    return { thread, doc };
  }

  private async afterAccepting(
    doc: DocumentRecord,
    user: AuthUser,
    applied: Array<{ thread: ThreadRecord; anchors: Anchors }>,
  ): Promise<void> {
    // The thread now marks the words that replaced its passage.
    for (const { thread, anchors } of applied) await this.repo.setAnchors(thread.id, anchors.start, anchors.end);
    if (applied.length > 0) await this.documents.refreshPlainText(doc.id);
    for (const { thread } of applied) this.decided(SUGGESTION_ACCEPTED, doc, user, thread);
  }

  private decided(name: string, doc: DocumentRecord, user: AuthUser, thread: ThreadRecord): void {
    const event: SuggestionDecidedEvent = {
      documentId: doc.id,
      cityId: doc.cityId,
      threadId: thread.id,
      userId: user.id,
      suggestedBy: thread.createdBy?.id ?? null,
    };
    this.events.emit(name, event);
    this.threads.changed(doc.id, thread.id);
  }
}

/** Replaces the thread's passage in the live document by its suggestion (inside a store change). */
function applySuggestion(live: Y.Doc, thread: ThreadRecord): Anchors {
  const layout = new ContentLayout(live);
  const passage = resolvePassage(layout, thread.anchorStart, thread.anchorEnd);
  if (!passage) throw new PassageGoneError();
  return replacePassage(layout, passage.from, passage.to, thread.suggestion!);
}
