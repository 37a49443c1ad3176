import { Injectable } from '@nestjs/common';
import { mentionedUserIds, replaceMentions, type ThreadPerson } from '@passerelle/domain';
import { AccessService } from '../../core/access/access.service';
import type { DocumentRecord } from '../documents/documents.repository';
import { CommentsRepository } from './comments.repository';

/**
 * Who among some people can read a document, and the mentions of a comment body reduced to
 * them: a mention of anyone else is turned back into plain text (`@Name`), never stored and
 * never notified, so that nobody learns of a document through a mention.
 */
@Injectable()
export class MentionsService {
  constructor(
    private readonly repo: CommentsRepository,
    private readonly access: AccessService,
  ) {}

  /** People one may mention in a comment on `doc` (those who can read it) whose name contains `search`. */
  async candidates(doc: DocumentRecord, search: string, limit = 20): Promise<ThreadPerson[]> {
    const ids = await this.repo.readerCandidates(doc.cityId, doc.published, search.trim(), limit);
    const people = new Map((await this.repo.peopleWithAccess(ids)).map((p) => [p.id, p]));
    // The query follows the access table; the table itself has the last word.
    return ids
      .map((id) => people.get(id))
      .filter((p): p is NonNullable<typeof p> => p !== undefined && this.access.can(p, 'read', doc))
      .map((p) => ({ id: p.id, name: p.name }));
  }

  async readersAmong(doc: DocumentRecord, userIds: string[]): Promise<Set<string>> {
    const people = await this.repo.peopleWithAccess([...new Set(userIds)]);
    return new Set(people.filter((p) => this.access.can(p, 'read', doc)).map((p) => p.id));
  }

  /** The body to store and the people it mentions (readers only, in order of first mention). */
  async resolve(doc: DocumentRecord, body: string): Promise<{ body: string; userIds: string[] }> {
    const ids = mentionedUserIds(body);
    if (ids.length === 0) return { body, userIds: [] };
    const readers = await this.readersAmong(doc, ids);
    const kept = replaceMentions(body, (token) =>
      readers.has(token.userId) ? body.slice(token.index, token.index + token.length) : `@${token.name}`,
    );
    return { body: kept, userIds: ids.filter((id) => readers.has(id)) };
  }
}
