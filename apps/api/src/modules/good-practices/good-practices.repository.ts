import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DocumentStatus, Language } from '@passerelle/domain';
import { DataSource } from 'typeorm';

export interface CityRef {
  id: string;
  slug: string;
  name: string;
}

export interface GoodPracticeRecord {
  id: string;
  programmeId: string;
  cityId: string | null;
  citySlug: string | null;
  cityName: string | null;
  title: string;
  language: Language;
  status: DocumentStatus;
  published: boolean;
  excerpt: string;
  updatedAt: Date;
}

export interface ThemeLinkRecord {
  documentId: string;
  id: string;
  slug: string;
  names: Partial<Record<Language, string>>;
}

export interface AdoptionRecord {
  id: string;
  documentId: string;
  cityId: string;
  citySlug: string;
  cityName: string;
  pilotProjectId: string | null;
  pilotProjectTitle: string | null;
  note: string;
  createdAt: Date;
}

export interface GoodPracticeFilters {
  themeId?: string;
  cityId?: string;
  adoptedBy?: string;
}

const EXCERPT_SOURCE_CHARS = 400;

const SELECT_PRACTICE = `
  SELECT d.id, d.programme_id AS "programmeId", d.city_id AS "cityId", c.slug AS "citySlug", c.name AS "cityName",
         d.title, d.language, d.status, d.published, left(d.plain_text, ${EXCERPT_SOURCE_CHARS}) AS excerpt,
         d.updated_at AS "updatedAt"
    FROM documents d LEFT JOIN cities c ON c.id = d.city_id`;

const SELECT_ADOPTION = `
  SELECT a.id, a.document_id AS "documentId", a.city_id AS "cityId", c.slug AS "citySlug", c.name AS "cityName",
         a.pilot_project_id AS "pilotProjectId", p.title AS "pilotProjectTitle", a.note, a.created_at AS "createdAt"
    FROM good_practice_adoptions a
    JOIN cities c ON c.id = a.city_id
    LEFT JOIN pilot_projects p ON p.id = a.pilot_project_id`;

/** The SQL of the good-practice library: the documents of kind good_practice and their links. */
@Injectable()
export class GoodPracticesRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Practices among the documents `readable` allows (AccessService's SQL on `d`, from $1); archived ones are retired. */
  async findReadable(
    readable: { sql: string; params: unknown[] },
    filters: GoodPracticeFilters,
  ): Promise<GoodPracticeRecord[]> {
    const params = [...readable.params];
    const param = (value: unknown) => {
      params.push(value);
      return `$${params.length}::uuid`;
    };
    const where = [`d.kind = 'good_practice'`, `d.status <> 'archived'`, readable.sql];
    if (filters.cityId !== undefined) where.push(`d.city_id = ${param(filters.cityId)}`);
    if (filters.themeId !== undefined) {
      where.push(
        `EXISTS (SELECT 1 FROM good_practice_themes gt WHERE gt.document_id = d.id AND gt.theme_id = ${param(filters.themeId)})`,
      );
    }
    if (filters.adoptedBy !== undefined) {
      where.push(
        `EXISTS (SELECT 1 FROM good_practice_adoptions ga WHERE ga.document_id = d.id AND ga.city_id = ${param(filters.adoptedBy)})`,
      );
    }
    return this.db.query(
      `${SELECT_PRACTICE} WHERE ${where.join(' AND ')} ORDER BY d.published DESC, d.updated_at DESC, d.id`,
      params,
    );
  }

  async findById(id: string): Promise<GoodPracticeRecord | null> {
    const [row]: GoodPracticeRecord[] = await this.db.query(`${SELECT_PRACTICE} WHERE d.id = $1`, [id]);
    return row ?? null;
  }

  async themesOf(documentIds: string[]): Promise<ThemeLinkRecord[]> {
    if (documentIds.length === 0) return [];
    return this.db.query(
      `SELECT gt.document_id AS "documentId", t.id, t.slug, t.names
         FROM good_practice_themes gt JOIN themes t ON t.id = gt.theme_id
        WHERE gt.document_id = ANY($1::uuid[])
        ORDER BY t.position, t.slug`,
      [documentIds],
    );
  }

  async adoptionsOf(documentIds: string[]): Promise<AdoptionRecord[]> {
    if (documentIds.length === 0) return [];
    return this.db.query(`${SELECT_ADOPTION} WHERE a.document_id = ANY($1::uuid[]) ORDER BY c.name, a.created_at`, [
      documentIds,
    ]);
  }

  async findAdoption(documentId: string, adoptionId: string): Promise<AdoptionRecord | null> {
    const [row]: AdoptionRecord[] = await this.db.query(`${SELECT_ADOPTION} WHERE a.id = $1 AND a.document_id = $2`, [
      adoptionId,
      documentId,
    ]);
    return row ?? null;
  }

  /** The ids among `themeIds` that are themes of the programme. */
  async themesInProgramme(themeIds: string[], programmeId: string): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.db.query(
      `SELECT id FROM themes WHERE id = ANY($1::uuid[]) AND programme_id = $2`,
      [themeIds, programmeId],
    );
    return rows.map((r) => r.id);
  }

  /** Adds the links that are missing; returns how many were added. */
  async addThemes(documentId: string, themeIds: string[], userId: string | null): Promise<number> {
    const rows: unknown[] = await this.db.query(
      `INSERT INTO good_practice_themes (document_id, theme_id, created_by)
       SELECT $1, unnest($2::uuid[]), $3 ON CONFLICT DO NOTHING RETURNING theme_id`,
      [documentId, themeIds, userId],
    );
    return rows.length;
  }

  async removeTheme(documentId: string, themeId: string): Promise<boolean> {
    const [, count]: [unknown, number] = await this.db.query(
      `DELETE FROM good_practice_themes WHERE document_id = $1 AND theme_id = $2`,
      [documentId, themeId],
    );
    return count > 0;
  }

  async findCity(id: string): Promise<(CityRef & { programmeId: string }) | null> {
    const [row]: Array<CityRef & { programmeId: string }> = await this.db.query(
      `SELECT id, slug, name, programme_id AS "programmeId" FROM cities WHERE id = $1`,
      [id],
    );
    return row ?? null;
  }

  async pilotProjectCity(id: string): Promise<string | null> {
    const [row]: Array<{ cityId: string }> = await this.db.query(
      `SELECT city_id AS "cityId" FROM pilot_projects WHERE id = $1`,
      [id],
    );
    return row?.cityId ?? null;
  }

  /** Inserts an adoption; null when the city (with that pilot project) already took the practice up. */
  async insertAdoption(fields: {
    documentId: string;
    cityId: string;
    pilotProjectId: string | null;
    note: string;
    createdBy: string | null;
  }): Promise<string | null> {
    const rows: Array<{ id: string }> = await this.db.query(
      `INSERT INTO good_practice_adoptions (document_id, city_id, pilot_project_id, note, created_by)
       VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT DO NOTHING RETURNING id`,
      [fields.documentId, fields.cityId, fields.pilotProjectId, fields.note, fields.createdBy],
    );
    return rows[0]?.id ?? null;
  }

  async deleteAdoption(id: string): Promise<void> {
    await this.db.query(`DELETE FROM good_practice_adoptions WHERE id = $1`, [id]);
  }

  /** For the demo seed: the first good practice of a city (by slug), a theme and a pilot project by natural keys. */
  async seedTargets(practiceCity: string, themeSlug: string, projectCity: string, projectTitle: string) {
    const [practice]: Array<{ id: string; programmeId: string }> = await this.db.query(
      `SELECT d.id, d.programme_id AS "programmeId" FROM documents d JOIN cities c ON c.id = d.city_id
        WHERE c.slug = $1 AND d.kind = 'good_practice' ORDER BY d.created_at, d.id LIMIT 1`,
      [practiceCity],
    );
    if (!practice) return null;
    const [theme]: Array<{ id: string }> = await this.db.query(
      `SELECT id FROM themes WHERE programme_id = $1 AND slug = $2`,
      [practice.programmeId, themeSlug],
    );
    const [project]: Array<{ id: string; cityId: string }> = await this.db.query(
      `SELECT p.id, p.city_id AS "cityId" FROM pilot_projects p JOIN cities c ON c.id = p.city_id
        WHERE c.slug = $1 AND p.title = $2`,
      [projectCity, projectTitle],
    );
    return { practiceId: practice.id, themeId: theme?.id ?? null, project: project ?? null };
  }
}
