import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { PilotProjectStatus } from '@passerelle/domain';
import { DataSource, EntityManager } from 'typeorm';

/** A pilot project row with its partners (never sent as is: see the mapper). */
export interface PilotProjectRecord {
  id: string;
  cityId: string;
  programmeId: string;
  title: string;
  summary: string;
  themeId: string | null;
  priority: string | null;
  leadOrganisationId: string | null;
  partnerOrganisationIds: string[];
  /** Calendar dates as `YYYY-MM-DD`. */
  startDate: string | null;
  endDate: string | null;
  budget: number | null;
  currency: string | null;
  status: PilotProjectStatus;
  descriptionDocumentId: string | null;
  createdBy: string | null;
  createdAt: Date;
  updatedAt: Date;
}

/** The writable columns of a project, by API name. Absent keys are left as they are. */
export interface PilotProjectFields {
  title?: string;
  summary?: string;
  themeId?: string | null;
  priority?: string | null;
  leadOrganisationId?: string | null;
  startDate?: string | null;
  endDate?: string | null;
  budget?: number | null;
  currency?: string | null;
  status?: PilotProjectStatus;
  descriptionDocumentId?: string | null;
}

const PROJECT_COLUMNS: Record<keyof PilotProjectFields, string> = {
  title: 'title',
  summary: 'summary',
  themeId: 'theme_id',
  priority: 'priority',
  leadOrganisationId: 'lead_organisation_id',
  startDate: 'start_date',
  endDate: 'end_date',
  budget: 'budget',
  currency: 'currency',
  status: 'status',
  descriptionDocumentId: 'description_document_id',
};

// Dates and amounts come back as text: `pg` would turn a date into local midnight and a numeric
// into a float with rounding surprises.
const SELECT_PROJECT = `
  SELECT p.id, p.city_id, c.programme_id, p.title, p.summary, p.theme_id, p.priority, p.lead_organisation_id,
         p.start_date::text AS start_date, p.end_date::text AS end_date, p.budget::text AS budget,
         p.currency, p.status, p.description_document_id, p.created_by, p.created_at, p.updated_at,
         ARRAY(SELECT pp.organisation_id::text FROM pilot_project_partners pp
                WHERE pp.pilot_project_id = p.id ORDER BY pp.organisation_id) AS partner_ids
    FROM pilot_projects p JOIN cities c ON c.id = p.city_id`;

interface ProjectRow {
  id: string;
  city_id: string;
  programme_id: string;
  title: string;
  summary: string;
  theme_id: string | null;
  priority: string | null;
  lead_organisation_id: string | null;
  start_date: string | null;
  end_date: string | null;
  budget: string | null;
  currency: string | null;
  status: PilotProjectStatus;
  description_document_id: string | null;
  created_by: string | null;
  created_at: Date;
  updated_at: Date;
  partner_ids: string[];
}

const toProject = (r: ProjectRow): PilotProjectRecord => ({
  id: r.id,
  cityId: r.city_id,
  programmeId: r.programme_id,
  title: r.title,
  summary: r.summary,
  themeId: r.theme_id,
  priority: r.priority,
  leadOrganisationId: r.lead_organisation_id,
  partnerOrganisationIds: r.partner_ids,
  startDate: r.start_date,
  endDate: r.end_date,
  budget: r.budget === null ? null : Number(r.budget),
  currency: r.currency,
  status: r.status,
  descriptionDocumentId: r.description_document_id,
  createdBy: r.created_by,
  createdAt: new Date(r.created_at),
  updatedAt: new Date(r.updated_at),
});

/** The SQL of pilot projects and their partners (their milestones and progress: PilotProjectWorkRepository). */
@Injectable()
export class PilotProjectsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  transaction<T>(work: (tx: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction(work);
  }

  private q(tx?: EntityManager): EntityManager {
    return tx ?? this.db.manager;
  }

  async allCityIds(): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.db.query(`SELECT id FROM cities ORDER BY slug`);
    return rows.map((r) => r.id);
  }

  async findCity(id: string): Promise<{ id: string; programmeId: string } | null> {
    const [row]: Array<{ id: string; programme_id: string }> = await this.db.query(
      `SELECT id, programme_id FROM cities WHERE id = $1`,
      [id],
    );
    return row ? { id: row.id, programmeId: row.programme_id } : null;
  }

  async themeInProgramme(themeId: string, programmeId: string): Promise<boolean> {
    const rows: unknown[] = await this.db.query(`SELECT 1 FROM themes WHERE id = $1 AND programme_id = $2`, [
      themeId,
      programmeId,
    ]);
    return rows.length > 0;
  }

  /** The ids among `ids` that name an existing organisation. */
  async existingOrganisations(ids: string[]): Promise<string[]> {
    if (ids.length === 0) return [];
    const rows: Array<{ id: string }> = await this.db.query(
      `SELECT id::text AS id FROM organisations WHERE id = ANY($1::uuid[])`,
      [ids],
    );
    return rows.map((r) => r.id);
  }

  async themeIdBySlug(programmeId: string, slug: string): Promise<string | null> {
    const [row]: Array<{ id: string }> = await this.db.query(
      `SELECT id FROM themes WHERE programme_id = $1 AND slug = $2`,
      [programmeId, slug],
    );
    return row?.id ?? null;
  }

  /** Organisation ids by exact name (organisation names are unique, case-insensitively). */
  async organisationIdsByName(names: string[]): Promise<Map<string, string>> {
    if (names.length === 0) return new Map();
    const rows: Array<{ id: string; name: string }> = await this.db.query(
      `SELECT id, name FROM organisations WHERE lower(name) = ANY($1::text[])`,
      [names.map((n) => n.toLowerCase())],
    );
    const byLower = new Map(rows.map((r) => [r.name.toLowerCase(), r.id]));
    return new Map(names.flatMap((n) => (byLower.has(n.toLowerCase()) ? [[n, byLower.get(n.toLowerCase())!]] : [])));
  }

  async findMany(filters: {
    cityIds: string[];
    status?: PilotProjectStatus;
    themeId?: string;
  }): Promise<PilotProjectRecord[]> {
    const params: unknown[] = [filters.cityIds];
    const where = ['p.city_id = ANY($1::uuid[])'];
    if (filters.status) {
      params.push(filters.status);
      where.push(`p.status = $${params.length}`);
    }
    if (filters.themeId) {
      params.push(filters.themeId);
      where.push(`p.theme_id = $${params.length}::uuid`);
    }
    const rows: ProjectRow[] = await this.db.query(
      `${SELECT_PROJECT} WHERE ${where.join(' AND ')} ORDER BY p.created_at DESC, p.id`,
      params,
    );
    return rows.map(toProject);
  }

  async findById(id: string, tx?: EntityManager): Promise<PilotProjectRecord | null> {
    const [row]: ProjectRow[] = await this.q(tx).query(`${SELECT_PROJECT} WHERE p.id = $1`, [id]);
    return row ? toProject(row) : null;
  }

  async findByTitle(cityId: string, title: string): Promise<PilotProjectRecord | null> {
    const [row]: ProjectRow[] = await this.db.query(`${SELECT_PROJECT} WHERE p.city_id = $1 AND p.title = $2`, [
      cityId,
      title,
    ]);
    return row ? toProject(row) : null;
  }

  async insert(
    fields: PilotProjectFields & { cityId: string; title: string; createdBy: string | null },
    tx?: EntityManager,
  ): Promise<string> {
    const [row]: Array<{ id: string }> = await this.q(tx).query(
      `INSERT INTO pilot_projects (city_id, title, created_by) VALUES ($1, $2, $3) RETURNING id`,
      [fields.cityId, fields.title, fields.createdBy],
    );
    const { cityId: _c, createdBy: _b, title: _t, ...rest } = fields;
    await this.update(row.id, rest, tx);
    return row.id;
  }

  /** Sets the given columns (and `updated_at`). */
  async update(id: string, fields: PilotProjectFields, tx?: EntityManager): Promise<void> {
    const params: unknown[] = [id];
    const sets = ['updated_at = now()'];
    for (const [key, column] of Object.entries(PROJECT_COLUMNS) as Array<[keyof PilotProjectFields, string]>) {
      if (fields[key] === undefined) continue;
      params.push(fields[key]);
      sets.push(`${column} = $${params.length}`);
    }
    await this.q(tx).query(`UPDATE pilot_projects SET ${sets.join(', ')} WHERE id = $1`, params);
  }

  async delete(id: string): Promise<void> {
    await this.db.query(`DELETE FROM pilot_projects WHERE id = $1`, [id]);
  }

  async setPartners(id: string, organisationIds: string[], tx?: EntityManager): Promise<void> {
    await this.q(tx).query(`DELETE FROM pilot_project_partners WHERE pilot_project_id = $1`, [id]);
    if (organisationIds.length === 0) return;
    await this.q(tx).query(
      `INSERT INTO pilot_project_partners (pilot_project_id, organisation_id)
       SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING`,
      [id, organisationIds],
    );
  }
}
