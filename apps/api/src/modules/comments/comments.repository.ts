import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { CityRole, GlobalRole, Principal, SuggestionStatus, ThreadPerson } from '@passerelle/domain';
import { DataSource } from 'typeorm';

export interface ThreadRecord {
  id: string;
  documentId: string;
  anchorStart: Uint8Array;
  anchorEnd: Uint8Array;
  quote: string;
  createdBy: ThreadPerson | null;
  resolvedAt: Date | null;
  resolvedBy: ThreadPerson | null;
  suggestion: string | null;
  suggestionStatus: SuggestionStatus | null;
  decidedBy: ThreadPerson | null;
  decidedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface CommentRecord {
  id: string;
  threadId: string;
  author: ThreadPerson | null;
  body: string;
  /** The ids stored, in order. */
  mentionIds: string[];
  /** The same people with their current names (accounts that no longer exist are left out). */
  mentions: ThreadPerson[];
  createdAt: Date;
  editedAt: Date | null;
  deletedAt: Date | null;
}

/** A person as the access table needs them. */
export interface PersonWithAccess extends Principal {
  id: string;
  name: string;
}

interface ThreadRow {
  id: string;
  document_id: string;
  anchor_start: Buffer;
  anchor_end: Buffer;
  quote: string;
  created_by: string | null;
  created_by_name: string | null;
  resolved_at: Date | null;
  resolved_by: string | null;
  resolved_by_name: string | null;
  suggestion: string | null;
  suggestion_status: SuggestionStatus | null;
  decided_by: string | null;
  decided_by_name: string | null;
  decided_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

interface CommentRow {
  id: string;
  thread_id: string;
  author_id: string | null;
  author_name: string | null;
  body: string;
  mention_ids: string[];
  mention_people: ThreadPerson[];
  created_at: Date;
  edited_at: Date | null;
  deleted_at: Date | null;
}

const THREAD_COLUMNS = `t.id, t.document_id, t.anchor_start, t.anchor_end, t.quote,
  t.created_by, cu.name AS created_by_name, t.resolved_at, t.resolved_by, ru.name AS resolved_by_name,
  t.suggestion, t.suggestion_status, t.decided_by, du.name AS decided_by_name, t.decided_at, t.created_at, t.updated_at`;
const THREAD_FROM = `comment_threads t
  LEFT JOIN users cu ON cu.id = t.created_by
  LEFT JOIN users ru ON ru.id = t.resolved_by
  LEFT JOIN users du ON du.id = t.decided_by`;

const COMMENT_COLUMNS = `c.id, c.thread_id, c.author_id, au.name AS author_name, c.body, c.mentions::text[] AS mention_ids,
  COALESCE((SELECT json_agg(json_build_object('id', u.id, 'name', u.name) ORDER BY m.n)
              FROM unnest(c.mentions) WITH ORDINALITY AS m(id, n) JOIN users u ON u.id = m.id), '[]'::json) AS mention_people,
  c.created_at, c.edited_at, c.deleted_at`;
const COMMENT_FROM = `comments c LEFT JOIN users au ON au.id = c.author_id`;

/** What `query` answers for an UPDATE: the rows it returned and how many it changed. */
type UpdateResult = [unknown[], number];

const person = (id: string | null, name: string | null): ThreadPerson | null => (id ? { id, name: name ?? '' } : null);
const date = (value: Date | null): Date | null => (value ? new Date(value) : null);

const toThread = (r: ThreadRow): ThreadRecord => ({
  id: r.id,
  documentId: r.document_id,
  anchorStart: new Uint8Array(r.anchor_start),
  anchorEnd: new Uint8Array(r.anchor_end),
  quote: r.quote,
  createdBy: person(r.created_by, r.created_by_name),
  resolvedAt: date(r.resolved_at),
  resolvedBy: person(r.resolved_by, r.resolved_by_name),
  suggestion: r.suggestion,
  suggestionStatus: r.suggestion_status,
  decidedBy: person(r.decided_by, r.decided_by_name),
  decidedAt: date(r.decided_at),
  createdAt: new Date(r.created_at),
  updatedAt: new Date(r.updated_at),
});

const toComment = (r: CommentRow): CommentRecord => ({
  id: r.id,
  threadId: r.thread_id,
  author: person(r.author_id, r.author_name),
  body: r.body,
  mentionIds: r.mention_ids,
  mentions: r.mention_people,
  createdAt: new Date(r.created_at),
  editedAt: date(r.edited_at),
  deletedAt: date(r.deleted_at),
});

/** The SQL of comment threads, their comments and their suggestions. */
@Injectable()
export class CommentsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async threadsOf(documentId: string): Promise<ThreadRecord[]> {
    const rows: ThreadRow[] = await this.db.query(
      `SELECT ${THREAD_COLUMNS} FROM ${THREAD_FROM} WHERE t.document_id = $1 ORDER BY t.created_at, t.id`,
      [documentId],
    );
    return rows.map(toThread);
  }

  async pendingSuggestionsOf(documentId: string): Promise<ThreadRecord[]> {
    const rows: ThreadRow[] = await this.db.query(
      `SELECT ${THREAD_COLUMNS} FROM ${THREAD_FROM}
        WHERE t.document_id = $1 AND t.suggestion_status = 'pending' ORDER BY t.created_at, t.id`,
      [documentId],
    );
    return rows.map(toThread);
  }

  async findThread(id: string): Promise<ThreadRecord | null> {
    const [row]: ThreadRow[] = await this.db.query(`SELECT ${THREAD_COLUMNS} FROM ${THREAD_FROM} WHERE t.id = $1`, [
      id,
    ]);
    return row ? toThread(row) : null;
  }

  /** Creates a thread and, when there is a body, its first comment, together. */
  async createThread(fields: {
    documentId: string;
    anchorStart: Uint8Array;
    anchorEnd: Uint8Array;
    quote: string;
    createdBy: string;
    suggestion: string | null;
    body: string | null;
    mentions: string[];
  }): Promise<{ threadId: string; commentId: string | null }> {
    return this.db.transaction(async (manager) => {
      const [thread]: Array<{ id: string }> = await manager.query(
        `INSERT INTO comment_threads (document_id, anchor_start, anchor_end, quote, created_by, suggestion, suggestion_status)
         VALUES ($1, $2, $3, $4, $5, $6::text, CASE WHEN $6::text IS NULL THEN NULL ELSE 'pending' END) RETURNING id`,
        [
          fields.documentId,
          Buffer.from(fields.anchorStart),
          Buffer.from(fields.anchorEnd),
          fields.quote,
          fields.createdBy,
          fields.suggestion,
        ],
      );
      if (fields.body === null) return { threadId: thread.id, commentId: null };
      const [comment]: Array<{ id: string }> = await manager.query(
        `INSERT INTO comments (thread_id, author_id, body, mentions) VALUES ($1, $2, $3, $4::uuid[]) RETURNING id`,
        [thread.id, fields.createdBy, fields.body, fields.mentions],
      );
      return { threadId: thread.id, commentId: comment.id };
    });
  }

  /** Comments of these threads, oldest first. */
  async commentsOf(threadIds: string[]): Promise<CommentRecord[]> {
    if (threadIds.length === 0) return [];
    const rows: CommentRow[] = await this.db.query(
      `SELECT ${COMMENT_COLUMNS} FROM ${COMMENT_FROM} WHERE c.thread_id = ANY($1::uuid[]) ORDER BY c.created_at, c.id`,
      [threadIds],
    );
    return rows.map(toComment);
  }

  async findComment(id: string): Promise<CommentRecord | null> {
    const [row]: CommentRow[] = await this.db.query(`SELECT ${COMMENT_COLUMNS} FROM ${COMMENT_FROM} WHERE c.id = $1`, [
      id,
    ]);
    return row ? toComment(row) : null;
  }

  async insertComment(threadId: string, authorId: string, body: string, mentions: string[]): Promise<string> {
    return this.db.transaction(async (manager) => {
      const [row]: Array<{ id: string }> = await manager.query(
        `INSERT INTO comments (thread_id, author_id, body, mentions) VALUES ($1, $2, $3, $4::uuid[]) RETURNING id`,
        [threadId, authorId, body, mentions],
      );
      await manager.query(`UPDATE comment_threads SET updated_at = now() WHERE id = $1`, [threadId]);
      return row.id;
    });
  }

  async updateComment(id: string, body: string, mentions: string[]): Promise<void> {
    await this.db.query(
      `WITH c AS (UPDATE comments SET body = $2, mentions = $3::uuid[], edited_at = now() WHERE id = $1 RETURNING thread_id)
       UPDATE comment_threads SET updated_at = now() WHERE id IN (SELECT thread_id FROM c)`,
      [id, body, mentions],
    );
  }

  /** Marks the comment deleted; false when it already was. */
  async softDeleteComment(id: string): Promise<boolean> {
    const rows: Array<{ id: string }> = await this.db.query(
      `WITH c AS (UPDATE comments SET deleted_at = now() WHERE id = $1 AND deleted_at IS NULL RETURNING id, thread_id),
            t AS (UPDATE comment_threads SET updated_at = now() WHERE id IN (SELECT thread_id FROM c))
       SELECT id FROM c`,
      [id],
    );
    return rows.length > 0;
  }

  /** Resolves or reopens; false when the thread already was in that state. */
  async setResolved(threadId: string, resolved: boolean, userId: string): Promise<boolean> {
    const [rows]: UpdateResult = await this.db.query(
      `UPDATE comment_threads
          SET resolved_at = CASE WHEN $2::boolean THEN now() ELSE NULL END,
              resolved_by = CASE WHEN $2::boolean THEN $3::uuid ELSE NULL END,
              updated_at = now()
        WHERE id = $1 AND (resolved_at IS NULL) = $2::boolean
        RETURNING id`,
      [threadId, resolved, userId],
    );
    return rows.length > 0;
  }

  /**
   * Records the decision on a pending suggestion and resolves the thread (if it was open), in one
   * step that only one caller can win. False when it was no longer pending.
   */
  async claimDecision(threadId: string, status: 'accepted' | 'rejected', userId: string): Promise<boolean> {
    const [rows]: UpdateResult = await this.db.query(
      `UPDATE comment_threads
          SET suggestion_status = $2, decided_by = $3, decided_at = now(),
              resolved_by = CASE WHEN resolved_at IS NULL THEN $3::uuid ELSE resolved_by END,
              resolved_at = COALESCE(resolved_at, now()),
              updated_at = now()
        WHERE id = $1 AND suggestion_status = 'pending'
        RETURNING id`,
      [threadId, status, userId],
    );
    return rows.length > 0;
  }

  /** Undoes `claimDecision` when the change it decided could not be made. */
  async releaseDecision(thread: Pick<ThreadRecord, 'id' | 'resolvedAt' | 'resolvedBy'>): Promise<void> {
    await this.db.query(
      `UPDATE comment_threads
          SET suggestion_status = 'pending', decided_by = NULL, decided_at = NULL, resolved_at = $2, resolved_by = $3
        WHERE id = $1`,
      [thread.id, thread.resolvedAt, thread.resolvedBy?.id ?? null],
    );
  }

  async setAnchors(threadId: string, start: Uint8Array, end: Uint8Array): Promise<void> {
    await this.db.query(`UPDATE comment_threads SET anchor_start = $2, anchor_end = $3 WHERE id = $1`, [
      threadId,
      Buffer.from(start),
      Buffer.from(end),
    ]);
  }

  /** Who took part in the thread: its author and the authors of its comments that are not deleted. */
  async participants(threadId: string): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.db.query(
      `SELECT created_by AS id FROM comment_threads WHERE id = $1 AND created_by IS NOT NULL
       UNION
       SELECT author_id FROM comments WHERE thread_id = $1 AND deleted_at IS NULL AND author_id IS NOT NULL`,
      [threadId],
    );
    return rows.map((r) => r.id);
  }

  /**
   * Ids of active accounts whose name contains `search`, among those the access table lets read a
   * document of `cityId` (staff, the city's members, everyone when published), by name.
   */
  async readerCandidates(cityId: string | null, published: boolean, search: string, limit: number): Promise<string[]> {
    const pattern = `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const rows: Array<{ id: string }> = await this.db.query(
      `SELECT u.id FROM users u
        WHERE u.active AND u.name ILIKE $3
          AND (u.role IN ('admin', 'coordinator') OR $2::boolean
               OR EXISTS (SELECT 1 FROM memberships m WHERE m.user_id = u.id AND m.city_id = $1::uuid))
        ORDER BY lower(u.name), u.id LIMIT $4`,
      [cityId, published, pattern, limit],
    );
    return rows.map((r) => r.id);
  }

  /** Active accounts among `ids`, with their role and memberships. */
  async peopleWithAccess(ids: string[]): Promise<PersonWithAccess[]> {
    if (ids.length === 0) return [];
    const rows: Array<{
      id: string;
      name: string;
      role: GlobalRole;
      city_id: string | null;
      city_role: CityRole | null;
    }> = await this.db.query(
      `SELECT u.id, u.name, u.role, m.city_id, m.role AS city_role
           FROM users u LEFT JOIN memberships m ON m.user_id = u.id
          WHERE u.id = ANY($1::uuid[]) AND u.active`,
      [ids],
    );
    const people = new Map<string, PersonWithAccess>();
    for (const row of rows) {
      const entry = people.get(row.id) ?? { id: row.id, name: row.name, role: row.role, memberships: [] };
      if (row.city_id && row.city_role)
        entry.memberships = [...entry.memberships, { cityId: row.city_id, role: row.city_role }];
      people.set(row.id, entry);
    }
    return [...people.values()];
  }
}
