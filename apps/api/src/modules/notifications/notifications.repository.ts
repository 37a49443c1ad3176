import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { CityRole, DocumentStatus, GlobalRole } from '@passerelle/domain';
import { DataSource } from 'typeorm';
import type { NotificationKind } from './notification.entity';

export interface NewNotification {
  userId: string;
  kind: NotificationKind;
  documentId: string | null;
  cityId: string | null;
  threadId: string | null;
  actorId: string | null;
  data: Record<string, unknown>;
  dedupeKey: string | null;
  /** With the same key already there: the kinds this one replaces (otherwise the earlier one stays). */
  replaces: NotificationKind[];
}

export interface NotificationRow {
  id: string;
  kind: NotificationKind;
  documentId: string | null;
  documentTitle: string | null;
  cityId: string | null;
  citySlug: string | null;
  cityName: string | null;
  threadId: string | null;
  actorId: string | null;
  actorName: string | null;
  data: Record<string, unknown>;
  readAt: Date | null;
  createdAt: Date;
}

/** A recipient as the access table takes them. */
export interface RecipientPrincipal {
  id: string;
  role: GlobalRole;
  memberships: Array<{ cityId: string; role: CityRole }>;
}

export interface DocumentRef {
  id: string;
  cityId: string | null;
  published: boolean;
  status: DocumentStatus;
}

/** What the reader may still read: documents by AccessService's SQL (alias `d`, from $1), cities by membership. */
export interface ReadScope {
  readableDocuments: { sql: string; params: unknown[] };
  cityIds: string[] | null;
}

const SELECT = `SELECT n.id::text AS id, n.kind, n.document_id AS "documentId", d.title AS "documentTitle",
       COALESCE(n.city_id, d.city_id) AS "cityId", c.slug AS "citySlug", c.name AS "cityName",
       n.thread_id AS "threadId", n.actor_id AS "actorId", u.name AS "actorName", n.data,
       n.read_at AS "readAt", n.created_at AS "createdAt"
  FROM notifications n
  LEFT JOIN documents d ON d.id = n.document_id
  LEFT JOIN cities c ON c.id = COALESCE(n.city_id, d.city_id)
  LEFT JOIN users u ON u.id = n.actor_id`;

/** The SQL of notifications and of finding who should get them. */
@Injectable()
export class NotificationsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Stores it; null when an earlier notice with the same key stays as it is. */
  async insert(n: NewNotification): Promise<NotificationRow | null> {
    const [row]: Array<{ id: string }> = await this.db.query(
      `INSERT INTO notifications AS n (user_id, kind, document_id, city_id, thread_id, actor_id, data, dedupe_key)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (user_id, dedupe_key) DO UPDATE
         SET kind = EXCLUDED.kind, actor_id = EXCLUDED.actor_id, data = EXCLUDED.data
         WHERE n.kind = ANY($9::varchar[])
       RETURNING n.id::text AS id`,
      [
        n.userId,
        n.kind,
        n.documentId,
        n.cityId,
        n.threadId,
        n.actorId,
        JSON.stringify(n.data),
        n.dedupeKey,
        n.replaces,
      ],
    );
    if (!row) return null;
    const [stored]: NotificationRow[] = await this.db.query(`${SELECT} WHERE n.id = $1::bigint`, [row.id]);
    return stored ?? null;
  }

  async list(
    userId: string,
    scope: ReadScope,
    filters: { unread: boolean; before?: string; limit: number },
  ): Promise<NotificationRow[]> {
    const { where, params } = this.readable(userId, scope);
    if (filters.unread) where.push('n.read_at IS NULL');
    if (filters.before !== undefined) {
      params.push(filters.before);
      where.push(`n.id < $${params.length}::bigint`);
    }
    params.push(filters.limit);
    return this.db.query(
      `${SELECT} WHERE ${where.join(' AND ')} ORDER BY n.id DESC LIMIT $${params.length}::int`,
      params,
    );
  }

  async unreadCount(userId: string, scope: ReadScope): Promise<number> {
    const { where, params } = this.readable(userId, scope);
    const [row]: Array<{ count: number }> = await this.db.query(
      `SELECT COUNT(*)::int AS count FROM notifications n LEFT JOIN documents d ON d.id = n.document_id
        WHERE ${where.join(' AND ')} AND n.read_at IS NULL`,
      params,
    );
    return row.count;
  }

  /** Marks one of the person's notifications read; false when they have no such notification. */
  async markRead(userId: string, id: string): Promise<boolean> {
    const [rows]: [unknown[], number] = await this.db.query(
      `UPDATE notifications SET read_at = COALESCE(read_at, now()) WHERE id = $1::bigint AND user_id = $2 RETURNING id`,
      [id, userId],
    );
    return rows.length > 0;
  }

  async markAllRead(userId: string): Promise<number> {
    const [, count]: [unknown[], number] = await this.db.query(
      `UPDATE notifications SET read_at = now() WHERE user_id = $1 AND read_at IS NULL`,
      [userId],
    );
    return count;
  }

  async document(id: string): Promise<DocumentRef | null> {
    const [row]: Array<{ id: string; city_id: string | null; published: boolean; status: DocumentStatus }> =
      await this.db.query(`SELECT id, city_id, published, status FROM documents WHERE id = $1`, [id]);
    return row ? { id: row.id, cityId: row.city_id, published: row.published, status: row.status } : null;
  }

  /** The active members of a city with one of these roles. */
  async cityMembers(cityId: string, roles: CityRole[]): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.db.query(
      `SELECT u.id FROM memberships m JOIN users u ON u.id = m.user_id
        WHERE m.city_id = $1 AND m.role = ANY($2::varchar[]) AND u.active`,
      [cityId, roles],
    );
    return rows.map((r) => r.id);
  }

  async coordinators(): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.db.query(
      `SELECT id FROM users WHERE role = 'coordinator' AND active`,
    );
    return rows.map((r) => r.id);
  }

  async pilotProjectTitle(id: string): Promise<string | null> {
    const [row]: Array<{ title: string }> = await this.db.query(`SELECT title FROM pilot_projects WHERE id = $1`, [id]);
    return row?.title ?? null;
  }

  /** The active people among `ids`, with their memberships, for the access table. */
  async principals(ids: string[]): Promise<RecipientPrincipal[]> {
    if (ids.length === 0) return [];
    const rows: Array<{ id: string; role: GlobalRole; city_id: string | null; city_role: CityRole | null }> =
      await this.db.query(
        `SELECT u.id, u.role, m.city_id, m.role AS city_role
           FROM users u LEFT JOIN memberships m ON m.user_id = u.id
          WHERE u.id = ANY($1::uuid[]) AND u.active`,
        [ids],
      );
    const people = new Map<string, RecipientPrincipal>();
    for (const row of rows) {
      const person = people.get(row.id) ?? { id: row.id, role: row.role, memberships: [] };
      if (row.city_id && row.city_role) person.memberships.push({ cityId: row.city_id, role: row.city_role });
      people.set(row.id, person);
    }
    return [...people.values()];
  }

  /**
   * The person's notifications about what they may still read (access can shrink after a notice
   * was sent). Uses the alias `d` for documents and `n` for notifications.
   */
  private readable(userId: string, scope: ReadScope): { where: string[]; params: unknown[] } {
    const params = [...scope.readableDocuments.params];
    params.push(userId);
    const where = [`n.user_id = $${params.length}::uuid`, `(n.document_id IS NULL OR ${scope.readableDocuments.sql})`];
    if (scope.cityIds !== null) {
      params.push(scope.cityIds);
      where.push(`(n.document_id IS NOT NULL OR n.city_id IS NULL OR n.city_id = ANY($${params.length}::uuid[]))`);
    }
    return { where, params };
  }
}
