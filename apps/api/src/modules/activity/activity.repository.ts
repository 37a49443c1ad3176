import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/** What happened, as the listeners describe it. */
export interface ActivityInput {
  actorId: string;
  verb: string;
  targetType?: string | null;
  targetId?: string | null;
  data?: Record<string, unknown>;
}

/** What a reader may see: documents by the SQL of AccessService (alias `d`, from $1), cities and programmes by membership. */
export interface FeedScope {
  readableDocuments: { sql: string; params: unknown[] };
  /** The cities whose workspace the reader may see; null: all of them (coordinators). */
  cityIds: string[] | null;
}

export interface FeedFilters {
  cityId?: string;
  documentId?: string;
  before?: string;
  limit: number;
}

export interface ActivityRow {
  id: string;
  verb: string;
  actorId: string | null;
  actorName: string | null;
  cityId: string | null;
  citySlug: string | null;
  cityName: string | null;
  documentId: string | null;
  documentTitle: string | null;
  targetType: string | null;
  targetId: string | null;
  data: Record<string, unknown>;
  createdAt: Date;
  updatedAt: Date;
}

const INSERT_COLUMNS = `programme_id, city_id, document_id, actor_id, verb, audience, target_type, target_id, data`;

/** The SQL of the activity feeds. Writes resolve the programme and city from the row they concern. */
@Injectable()
export class ActivityRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** An entry about a document, read by the document's readers. Nothing when the document is gone. */
  async addForDocument(documentId: string, entry: ActivityInput): Promise<void> {
    await this.db.query(
      `INSERT INTO activity (${INSERT_COLUMNS})
       SELECT d.programme_id, d.city_id, d.id, $2::uuid, $3, 'document', $4, $5, $6::jsonb FROM documents d WHERE d.id = $1`,
      [documentId, ...this.values(entry)],
    );
  }

  /** An entry about a city's work (pilot projects, figures, members), read by the city's members. */
  async addForCity(cityId: string, entry: ActivityInput): Promise<void> {
    await this.db.query(
      `INSERT INTO activity (${INSERT_COLUMNS})
       SELECT c.programme_id, c.id, NULL, $2::uuid, $3, 'city', $4, $5, $6::jsonb FROM cities c WHERE c.id = $1`,
      [cityId, ...this.values(entry)],
    );
  }

  /** An entry for everyone taking part in the programme (the calendar), shown in `cityId`'s feed too. */
  async addForProgramme(programmeId: string, cityId: string | null, entry: ActivityInput): Promise<void> {
    await this.db.query(
      `INSERT INTO activity (${INSERT_COLUMNS})
       SELECT p.id, $2::uuid, NULL, $3::uuid, $4, 'programme', $5, $6, $7::jsonb FROM programmes p WHERE p.id = $1`,
      [programmeId, cityId, ...this.values(entry)],
    );
  }

  /** Counts one more change of the document by this person in the current hour (UTC). */
  async countEdit(documentId: string, actorId: string): Promise<void> {
    await this.db.query(
      `INSERT INTO activity (${INSERT_COLUMNS}, bucket)
       SELECT d.programme_id, d.city_id, d.id, $2::uuid, 'document.edited', 'document', 'document', d.id::text,
              '{"count": 1}'::jsonb, date_trunc('hour', now() AT TIME ZONE 'UTC') AT TIME ZONE 'UTC'
         FROM documents d WHERE d.id = $1
       ON CONFLICT (document_id, actor_id, bucket) DO UPDATE
         SET data = jsonb_set(activity.data, '{count}', to_jsonb(COALESCE((activity.data->>'count')::int, 0) + 1)),
             updated_at = now()`,
      [documentId, actorId],
    );
  }

  async feed(scope: FeedScope, filters: FeedFilters): Promise<ActivityRow[]> {
    const params = [...scope.readableDocuments.params];
    const param = (value: unknown, cast: string) => {
      params.push(value);
      return `$${params.length}::${cast}`;
    };
    let cityOk = 'TRUE';
    let programmeOk = 'TRUE';
    if (scope.cityIds !== null) {
      const cities = param(scope.cityIds, 'uuid[]');
      cityOk = `a.city_id = ANY(${cities})`;
      programmeOk = `a.programme_id IN (SELECT programme_id FROM cities WHERE id = ANY(${cities}))`;
    }
    const where = [
      `((a.audience = 'document' AND d.id IS NOT NULL AND ${scope.readableDocuments.sql})
        OR (a.audience = 'city' AND ${cityOk})
        OR (a.audience = 'programme' AND ${programmeOk}))`,
    ];
    if (filters.cityId !== undefined) where.push(`a.city_id = ${param(filters.cityId, 'uuid')}`);
    if (filters.documentId !== undefined) where.push(`a.document_id = ${param(filters.documentId, 'uuid')}`);
    if (filters.before !== undefined) where.push(`a.id < ${param(filters.before, 'bigint')}`);
    const limit = param(filters.limit, 'int');
    return this.db.query(
      `SELECT a.id::text AS id, a.verb, a.actor_id AS "actorId", u.name AS "actorName",
              a.city_id AS "cityId", c.slug AS "citySlug", c.name AS "cityName",
              a.document_id AS "documentId", d.title AS "documentTitle",
              a.target_type AS "targetType", a.target_id AS "targetId", a.data,
              a.created_at AS "createdAt", a.updated_at AS "updatedAt"
         FROM activity a
         LEFT JOIN users u ON u.id = a.actor_id
         LEFT JOIN cities c ON c.id = a.city_id
         LEFT JOIN documents d ON d.id = a.document_id
        WHERE ${where.join(' AND ')}
        ORDER BY a.id DESC
        LIMIT ${limit}`,
      params,
    );
  }

  /** Labels kept with an entry, so it still reads well once its subject is renamed or gone. */
  async pilotProjectTitle(id: string): Promise<string | null> {
    const [row]: Array<{ title: string }> = await this.db.query(`SELECT title FROM pilot_projects WHERE id = $1`, [id]);
    return row?.title ?? null;
  }

  async versionLabel(id: string): Promise<string | null> {
    const [row]: Array<{ label: string }> = await this.db.query(`SELECT label FROM document_versions WHERE id = $1`, [
      id,
    ]);
    return row?.label ?? null;
  }

  async userName(id: string): Promise<string | null> {
    const [row]: Array<{ name: string }> = await this.db.query(`SELECT name FROM users WHERE id = $1`, [id]);
    return row?.name ?? null;
  }

  private values(entry: ActivityInput): unknown[] {
    return [
      entry.actorId,
      entry.verb,
      entry.targetType ?? null,
      entry.targetId ?? null,
      JSON.stringify(entry.data ?? {}),
    ];
  }
}
