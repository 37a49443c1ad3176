import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DocumentKind, DocumentStatus, Language, Phase } from '@passerelle/domain';
import { DataSource } from 'typeorm';

/** A document row as the features use it (never sent as is: see `toDocumentDto`). */
export interface DocumentRecord {
  id: string;
  programmeId: string;
  cityId: string | null;
  kind: DocumentKind;
  title: string;
  language: Language;
  status: DocumentStatus;
  published: boolean;
  phase: Phase;
  createdBy: string | null;
  createdAt: Date;
  updatedAt: Date;
}

/** What creating a document needs to know about its city. */
export interface CityForDocuments {
  id: string;
  programmeId: string;
  name: string;
  names: Partial<Record<Language, string>>;
  languages: string[];
  phase: Phase;
}

/** A shared theme as the templates take it (English always present). */
export interface ProgrammeTheme {
  slug: string;
  names: Partial<Record<Language, string>> & { en: string };
}

export interface DocumentFilters {
  cityId?: string;
  kind?: DocumentKind;
  status?: DocumentStatus;
  published?: boolean;
}

interface DocumentRow {
  id: string;
  programme_id: string;
  city_id: string | null;
  kind: DocumentKind;
  title: string;
  language: Language;
  status: DocumentStatus;
  published: boolean;
  phase: Phase;
  created_by: string | null;
  created_at: Date;
  updated_at: Date;
}

const COLUMNS = `d.id, d.programme_id, d.city_id, d.kind, d.title, d.language, d.status, d.published, d.phase,
  d.created_by, d.created_at, d.updated_at`;

const toRecord = (row: DocumentRow): DocumentRecord => ({
  id: row.id,
  programmeId: row.programme_id,
  cityId: row.city_id,
  kind: row.kind,
  title: row.title,
  language: row.language,
  status: row.status,
  published: row.published,
  phase: row.phase,
  createdBy: row.created_by,
  createdAt: new Date(row.created_at),
  updatedAt: new Date(row.updated_at),
});

/** A row of the documents list, as the API shows it (see findReadableList). */
export interface DocumentListRow {
  id: string;
  cityId: string | null;
  kind: DocumentKind;
  title: string;
  language: Language;
  status: DocumentStatus;
  published: boolean;
  phase: Phase;
  /** ISO 8601 in UTC with milliseconds, as Date.prototype.toISOString writes it. */
  createdAt: string;
  updatedAt: string;
}

/**
 * A timestamptz written as `Date.prototype.toISOString` writes it (UTC, milliseconds truncated as
 * the driver's Date truncates them), whatever the session's time zone.
 */
const isoTimestamp = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/**
 * A 64-bit hash of one document's listed columns, each column's hash seeding the next from the id
 * on: it changes with any of them, and a value moving from one document to another changes it too.
 * (Hashing the columns' values directly is cheaper than writing them out as text and hashing that.)
 */
const LISTED_ROW_HASH = `hashtextextended(d.title,
  timestamp_hash_extended(d.updated_at AT TIME ZONE 'UTC',
  timestamp_hash_extended(d.created_at AT TIME ZONE 'UTC',
  hashtextextended(concat_ws(' ', d.kind, d.language, d.status, d.phase, d.published),
  uuid_hash_extended(COALESCE(d.city_id, '00000000-0000-0000-0000-000000000000'::uuid),
  uuid_hash_extended(d.id, 0))))))`;

/** The number of documents and the digest of their listed columns (see listFingerprint). */
const LIST_FINGERPRINT = `count(*) || ':' || COALESCE(bit_xor(${LISTED_ROW_HASH}), 0)`;

/** The WHERE clause of the list (alias `d`) and its parameters. */
function listWhere(
  readable: { sql: string; params: unknown[] },
  filters: DocumentFilters,
): { where: string; params: unknown[] } {
  const params = [...readable.params];
  const where = [readable.sql];
  const add = (column: string, value: unknown, cast = '') => where.push(`d.${column} = $${params.push(value)}${cast}`);
  if (filters.cityId !== undefined) add('city_id', filters.cityId, '::uuid');
  if (filters.kind !== undefined) add('kind', filters.kind);
  if (filters.status !== undefined) add('status', filters.status);
  if (filters.published !== undefined) add('published', filters.published);
  return { where: where.join(' AND '), params };
}

/** The SQL of documents (the rows; their Yjs content belongs to the collaboration store). */
@Injectable()
export class DocumentsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * The documents list: documents matching `filters` among those `readable` allows (a SQL
   * condition on the alias `d` whose parameters start at $1, from AccessService.readableDocumentsSql),
   * newest change first; with `page.limit` / `page.offset`, one page of it. With it, the
   * fingerprint of every matching document (see listFingerprint), taken in the same snapshot
   * (null when the page is empty).
   *
   * Only the columns the list shows, named as the API names them, with the timestamps already
   * written as the API writes them: a list of thousands of documents was bound by the server's
   * work on every row (parsing dates, building records, mapping them), not by the database.
   */
  async findReadableList(
    readable: { sql: string; params: unknown[] },
    filters: DocumentFilters,
    page: { limit?: number; offset?: number } = {},
  ): Promise<{ rows: DocumentListRow[]; fingerprint: string | null }> {
    const { where, params } = listWhere(readable, filters);
    const add = (value: number) => `$${params.push(value)}::int`;
    const limit = page.limit !== undefined ? ` LIMIT ${add(page.limit)}` : '';
    const offset = page.offset ? ` OFFSET ${add(page.offset)}` : '';
    const rows: Array<DocumentListRow & { fingerprint?: string }> = await this.db.query(
      `SELECT d.id, d.city_id AS "cityId", d.kind, d.title, d.language, d.status, d.published, d.phase,
              ${isoTimestamp('d.created_at')} AS "createdAt", ${isoTimestamp('d.updated_at')} AS "updatedAt",
              (SELECT ${LIST_FINGERPRINT} FROM documents d WHERE ${where}) AS fingerprint
         FROM documents d
        WHERE ${where}
        ORDER BY d.updated_at DESC, d.id${limit}${offset}`,
      params,
    );
    // The fingerprint, the same on every row, is computed once, in the statement's snapshot. (The
    // rows keep the property: they are mapped field by field, and deleting it would slow them down.)
    return { rows, fingerprint: rows[0]?.fingerprint ?? null };
  }

  /**
   * A fingerprint of what the list shows for `filters` among the readable documents: their
   * number and a 64-bit digest of every listed column of every one of them (which also fixes their
   * order). Equal fingerprints mean an equal list, however the documents were changed; reading
   * it costs the database a few milliseconds against tens for the server to build a long list.
   */
  async listFingerprint(readable: { sql: string; params: unknown[] }, filters: DocumentFilters): Promise<string> {
    const { where, params } = listWhere(readable, filters);
    const [row]: Array<{ fingerprint: string }> = await this.db.query(
      `SELECT ${LIST_FINGERPRINT} AS fingerprint FROM documents d WHERE ${where}`,
      params,
    );
    return row.fingerprint;
  }

  async findById(id: string): Promise<DocumentRecord | null> {
    const [row]: DocumentRow[] = await this.db.query(`SELECT ${COLUMNS} FROM documents d WHERE d.id = $1`, [id]);
    return row ? toRecord(row) : null;
  }

  async insert(fields: {
    programmeId: string;
    cityId: string | null;
    kind: DocumentKind;
    title: string;
    language: Language;
    phase: Phase;
    createdBy: string | null;
    status?: DocumentStatus;
    published?: boolean;
  }): Promise<DocumentRecord> {
    const [row]: DocumentRow[] = await this.db.query(
      `INSERT INTO documents AS d (programme_id, city_id, kind, title, language, phase, created_by, status, published)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING ${COLUMNS}`,
      [
        fields.programmeId,
        fields.cityId,
        fields.kind,
        fields.title,
        fields.language,
        fields.phase,
        fields.createdBy,
        fields.status ?? 'draft',
        fields.published ?? false,
      ],
    );
    return toRecord(row);
  }

  async delete(id: string): Promise<void> {
    await this.db.query(`DELETE FROM documents WHERE id = $1`, [id]);
  }

  async updateFields(id: string, fields: { title?: string; language?: Language }): Promise<DocumentRecord | null> {
    const [rows]: [DocumentRow[], number] = await this.db.query(
      `UPDATE documents AS d SET title = COALESCE($2, d.title), language = COALESCE($3, d.language), updated_at = now()
        WHERE d.id = $1 RETURNING ${COLUMNS}`,
      [id, fields.title ?? null, fields.language ?? null],
    );
    return rows[0] ? toRecord(rows[0]) : null;
  }

  /** Keeps the searchable text of the content current; a content change also counts as an update. */
  async setPlainText(id: string, plainText: string): Promise<void> {
    await this.db.query(`UPDATE documents SET plain_text = $2, updated_at = now() WHERE id = $1`, [id, plainText]);
  }

  async findCity(cityId: string): Promise<CityForDocuments | null> {
    const [row]: Array<{
      id: string;
      programme_id: string;
      name: string;
      names: Partial<Record<Language, string>> | null;
      languages: string[];
      phase: Phase;
    }> = await this.db.query(`SELECT id, programme_id, name, names, languages, phase FROM cities WHERE id = $1`, [
      cityId,
    ]);
    if (!row) return null;
    return {
      id: row.id,
      programmeId: row.programme_id,
      name: row.name,
      names: row.names ?? {},
      languages: row.languages,
      phase: row.phase,
    };
  }

  async programmeIds(): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.db.query(`SELECT id FROM programmes ORDER BY created_at, id`);
    return rows.map((r) => r.id);
  }

  /** The programme's shared themes in their order, with their names in every language. */
  async themes(programmeId: string): Promise<ProgrammeTheme[]> {
    const rows: Array<{ slug: string; names: Partial<Record<Language, string>> | null }> = await this.db.query(
      `SELECT slug, names FROM themes WHERE programme_id = $1 ORDER BY position, slug`,
      [programmeId],
    );
    return rows
      .filter((r) => typeof r.names?.en === 'string' && r.names.en.length > 0)
      .map((r) => ({ slug: r.slug, names: { ...r.names, en: r.names!.en! } }));
  }

  async existsForCity(cityId: string, kind: DocumentKind): Promise<boolean> {
    const rows: unknown[] = await this.db.query(`SELECT 1 FROM documents WHERE city_id = $1 AND kind = $2 LIMIT 1`, [
      cityId,
      kind,
    ]);
    return rows.length > 0;
  }
}
