import { Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { LiveEvent, type ThreadChangedPayload } from '@passerelle/domain';
import { DocumentStore } from '../../collab/storage/document-store';
import type { AuthUser } from '../../core/auth/auth-user';
import { badRequest, conflict, forbidden } from '../../core/errors/domain.exception';
import type { DocumentRecord } from '../documents/documents.repository';
import { DocumentsService } from '../documents/documents.service';
import { LiveGateway } from '../live/live.gateway';
import { decodeAnchor, resolvePassage, tightAnchors } from './anchors/anchors';
import { ContentLayout } from './anchors/content-layout';
import {
  COMMENT_CREATED,
  COMMENT_DELETED,
  COMMENT_MENTIONED,
  COMMENT_UPDATED,
  CommentChangedEvent,
  CommentCreatedEvent,
  CommentMentionedEvent,
  THREAD_CREATED,
  THREAD_REOPENED,
  THREAD_RESOLVED,
  ThreadCreatedEvent,
  ThreadResolutionEvent,
} from './comments.events';
import { inDocumentOrder, toCommentDto, toThreadDto } from './comments.mapper';
import { CommentsRepository, ThreadRecord } from './comments.repository';
import type { CreateThreadDto } from './dto/requests.dto';
import type { CommentDto, ThreadDto, ThreadPersonDto } from './dto/thread.dto';
import { MentionsService } from './mentions.service';
import { ThreadAccess } from './thread-access';

/** Line breaks cannot go into one passage of text: a suggestion replaces it with one line. */
export const normaliseSuggestion = (text: string): string => text.replace(/[ \t]*[\r\n]+[ \t]*/g, ' ');

/**
 * Comment threads anchored to passages: opening, replying, resolving, editing and deleting one's
 * own comments. Reading needs `read` on the document, writing needs `comment`. Every change is
 * pushed to the document's live room (`thread:changed`) and emitted as an event.
 */
@Injectable()
export class ThreadsService {
  constructor(
    private readonly repo: CommentsRepository,
    private readonly threads: ThreadAccess,
    private readonly documents: DocumentsService,
    private readonly store: DocumentStore,
    private readonly mentions: MentionsService,
    private readonly live: LiveGateway,
    private readonly events: EventEmitter2,
  ) {}

  async list(user: AuthUser, documentId: string): Promise<ThreadDto[]> {
    const doc = await this.documents.getFor(user, documentId, 'read');
    return inDocumentOrder(await this.present(doc.id, await this.repo.threadsOf(doc.id)));
  }

  /** Whom the person may mention in a comment on the document: its readers, by name. */
  async mentionable(user: AuthUser, documentId: string, search: string): Promise<ThreadPersonDto[]> {
    const doc = await this.documents.getFor(user, documentId, 'comment');
    return this.mentions.candidates(doc, search);
  }

  async get(user: AuthUser, threadId: string): Promise<ThreadDto> {
    const { thread } = await this.threads.thread(user, threadId, 'read');
    return this.one(thread.documentId, thread.id);
  }

  async create(user: AuthUser, documentId: string, dto: CreateThreadDto): Promise<ThreadDto> {
    const doc = await this.documents.getFor(user, documentId, 'comment');
    const body = dto.body ?? '';
    if (body.length === 0 && dto.suggestion === undefined) throw badRequest('body must not be empty', ['body']);
    const anchors = await this.checkAnchors(doc.id, dto.anchor.start, dto.anchor.end);
    const mentioned = body ? await this.mentions.resolve(doc, body) : { body: '', userIds: [] };
    const { threadId, commentId } = await this.repo.createThread({
      documentId: doc.id,
      anchorStart: anchors.start,
      anchorEnd: anchors.end,
      quote: dto.quote,
      createdBy: user.id,
      suggestion: dto.suggestion === undefined ? null : normaliseSuggestion(dto.suggestion),
      body: body ? mentioned.body : null,
      mentions: mentioned.userIds,
    });
    const created: ThreadCreatedEvent = {
      documentId: doc.id,
      cityId: doc.cityId,
      threadId,
      commentId,
      authorId: user.id,
      suggestion: dto.suggestion !== undefined,
    };
    this.events.emit(THREAD_CREATED, created);
    if (commentId) this.emitMentions(doc, threadId, commentId, user.id, mentioned.userIds);
    this.changed(doc.id, threadId);
    return this.one(doc.id, threadId);
  }

  async reply(user: AuthUser, threadId: string, body: string): Promise<CommentDto> {
    const { thread, doc } = await this.threads.thread(user, threadId, 'comment');
    const mentioned = await this.mentions.resolve(doc, body);
    const participants = (await this.repo.participants(thread.id)).filter((id) => id !== user.id);
    const commentId = await this.repo.insertComment(thread.id, user.id, mentioned.body, mentioned.userIds);
    const readers = await this.mentions.readersAmong(doc, participants);
    const created: CommentCreatedEvent = {
      documentId: doc.id,
      cityId: doc.cityId,
      threadId: thread.id,
      commentId,
      authorId: user.id,
      parentAuthorIds: participants.filter((id) => readers.has(id)),
    };
    this.events.emit(COMMENT_CREATED, created);
    this.emitMentions(doc, thread.id, commentId, user.id, mentioned.userIds);
    this.changed(doc.id, thread.id);
    return toCommentDto((await this.repo.findComment(commentId))!);
  }

  async setResolved(user: AuthUser, threadId: string, resolved: boolean): Promise<ThreadDto> {
    const { thread, doc } = await this.threads.thread(user, threadId, 'comment');
    if (await this.repo.setResolved(thread.id, resolved, user.id)) {
      const event: ThreadResolutionEvent = {
        documentId: doc.id,
        cityId: doc.cityId,
        threadId: thread.id,
        userId: user.id,
        participantIds: await this.participantsWhoRead(doc, thread.id, user.id),
      };
      this.events.emit(resolved ? THREAD_RESOLVED : THREAD_REOPENED, event);
      this.changed(doc.id, thread.id);
    }
    return this.one(doc.id, thread.id);
  }

  async editComment(user: AuthUser, commentId: string, body: string): Promise<CommentDto> {
    const { comment, thread, doc } = await this.ownComment(user, commentId, 'edit');
    if (comment.deletedAt) throw conflict('This comment was deleted');
    const mentioned = await this.mentions.resolve(doc, body);
    await this.repo.updateComment(comment.id, mentioned.body, mentioned.userIds);
    const event: CommentChangedEvent = {
      documentId: doc.id,
      cityId: doc.cityId,
      threadId: thread.id,
      commentId: comment.id,
      authorId: user.id,
    };
    this.events.emit(COMMENT_UPDATED, event);
    const before = new Set(comment.mentionIds);
    this.emitMentions(
      doc,
      thread.id,
      comment.id,
      user.id,
      mentioned.userIds.filter((id) => !before.has(id)),
    );
    this.changed(doc.id, thread.id);
    return toCommentDto((await this.repo.findComment(comment.id))!);
  }

  async deleteComment(user: AuthUser, commentId: string): Promise<void> {
    const { comment, thread, doc } = await this.ownComment(user, commentId, 'delete');
    if (!(await this.repo.softDeleteComment(comment.id))) return;
    const event: CommentChangedEvent = {
      documentId: doc.id,
      cityId: doc.cityId,
      threadId: thread.id,
      commentId: comment.id,
      authorId: user.id,
    };
    this.events.emit(COMMENT_DELETED, event);
    this.changed(doc.id, thread.id);
  }

  /** Threads as the API shows them, their anchors resolved in the live document. */
  async present(documentId: string, threads: ThreadRecord[]): Promise<ThreadDto[]> {
    if (threads.length === 0) return [];
    const comments = await this.repo.commentsOf(threads.map((t) => t.id));
    const layout = new ContentLayout(await this.store.get(documentId));
    return threads.map((t) =>
      toThreadDto(
        t,
        comments.filter((c) => c.threadId === t.id),
        resolvePassage(layout, t.anchorStart, t.anchorEnd),
      ),
    );
  }

  async one(documentId: string, threadId: string): Promise<ThreadDto> {
    const thread = (await this.repo.findThread(threadId))!;
    const [dto] = await this.present(documentId, [thread]);
    return dto;
  }

  /** Tells everyone who has the document open that this thread changed. */
  changed(documentId: string, threadId: string): void {
    const payload: ThreadChangedPayload = { documentId, threadId };
    this.live.toDocument(documentId, LiveEvent.threadChanged, payload);
  }

  async participantsWhoRead(doc: DocumentRecord, threadId: string, except: string): Promise<string[]> {
    const participants = (await this.repo.participants(threadId)).filter((id) => id !== except);
    const readers = await this.mentions.readersAmong(doc, participants);
    return participants.filter((id) => readers.has(id));
  }

  /**
   * The anchors must be relative positions that point into the current text, start before end.
   * They are stored tied to the passage's own characters (see `tightAnchors`).
   */
  private async checkAnchors(documentId: string, start: string, end: string) {
    const decodedStart = decodeAnchor(start);
    const decodedEnd = decodeAnchor(end);
    if (!decodedStart || !decodedEnd) {
      throw badRequest('anchor.start and anchor.end must be base64 of Yjs relative positions', ['anchor']);
    }
    const live = await this.store.get(documentId);
    const layout = new ContentLayout(live);
    const from = layout.resolve(decodedStart.position);
    const to = layout.resolve(decodedEnd.position);
    if (from === null || to === null) throw badRequest('anchor does not point into the document’s text', ['anchor']);
    if (from >= to) throw badRequest('anchor must cover some text: start must come before end', ['anchor']);
    return tightAnchors(live, decodedStart.position, decodedEnd.position);
  }

  private async ownComment(user: AuthUser, commentId: string, verb: 'edit' | 'delete') {
    const found = await this.threads.comment(user, commentId, 'comment');
    if (found.comment.author?.id !== user.id) throw forbidden(`You may only ${verb} your own comments`);
    return found;
  }

  private emitMentions(doc: DocumentRecord, threadId: string, commentId: string, authorId: string, userIds: string[]) {
    const others = userIds.filter((id) => id !== authorId);
    if (others.length === 0) return;
    const event: CommentMentionedEvent = {
      documentId: doc.id,
      cityId: doc.cityId,
      threadId,
      commentId,
      userIds: others,
      authorId,
    };
    this.events.emit(COMMENT_MENTIONED, event);
  }
}
