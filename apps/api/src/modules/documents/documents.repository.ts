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

/** The SQL of documents (the rows; their Yjs content belongs to the collaboration store). */
@Injectable()
export class DocumentsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * Documents matching `filters` among those `readable` allows: a SQL condition on the alias `d`
   * whose parameters start at $1 (from AccessService.readableDocumentsSql).
   */
  async findReadable(
    readable: { sql: string; params: unknown[] },
    filters: DocumentFilters,
  ): Promise<DocumentRecord[]> {
    const params = [...readable.params];
    const where = [readable.sql];
    const add = (column: string, value: unknown, cast = '') => {
      params.push(value);
      where.push(`d.${column} = $${params.length}${cast}`);
    };
    if (filters.cityId !== undefined) add('city_id', filters.cityId, '::uuid');
    if (filters.kind !== undefined) add('kind', filters.kind);
    if (filters.status !== undefined) add('status', filters.status);
    if (filters.published !== undefined) add('published', filters.published);
    const rows: DocumentRow[] = await this.db.query(
      `SELECT ${COLUMNS} FROM documents d WHERE ${where.join(' AND ')} ORDER BY d.updated_at DESC, d.id`,
      params,
    );
    return rows.map(toRecord);
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
