import { Injectable } from '@nestjs/common';
import type { DocumentAction } from '@passerelle/domain';
import { isUUID } from 'class-validator';
import { AccessService } from '../../core/access/access.service';
import type { AuthUser } from '../../core/auth/auth-user';
import { DomainException, notFound } from '../../core/errors/domain.exception';
import type { DocumentRecord } from '../documents/documents.repository';
import { DocumentsService } from '../documents/documents.service';
import { CommentRecord, CommentsRepository, ThreadRecord } from './comments.repository';

/**
 * Finds a thread or a comment together with its document, when the person may do `action` on
 * that document: a thread of a document out of reach is "not found", like the document.
 */
@Injectable()
export class ThreadAccess {
  constructor(
    private readonly repo: CommentsRepository,
    private readonly documents: DocumentsService,
    private readonly access: AccessService,
  ) {}

  async thread(
    user: AuthUser,
    threadId: string,
    action: DocumentAction,
  ): Promise<{ thread: ThreadRecord; doc: DocumentRecord }> {
    const thread = isUUID(threadId) ? await this.repo.findThread(threadId) : null;
    if (!thread) throw notFound('Thread');
    const doc = await this.readable(user, thread.documentId, 'Thread');
    this.access.assertDocument(user, action, doc);
    return { thread, doc };
  }

  async comment(
    user: AuthUser,
    commentId: string,
    action: DocumentAction,
  ): Promise<{ comment: CommentRecord; thread: ThreadRecord; doc: DocumentRecord }> {
    const comment = isUUID(commentId) ? await this.repo.findComment(commentId) : null;
    const thread = comment ? await this.repo.findThread(comment.threadId) : null;
    if (!comment || !thread) throw notFound('Comment');
    const doc = await this.readable(user, thread.documentId, 'Comment');
    this.access.assertDocument(user, action, doc);
    return { comment, thread, doc };
  }

  private async readable(user: AuthUser, documentId: string, what: string): Promise<DocumentRecord> {
    try {
      return await this.documents.getFor(user, documentId, 'read');
    } catch (error) {
      if (error instanceof DomainException && error.code === 'not_found') throw notFound(what);
      throw error;
    }
  }
}
