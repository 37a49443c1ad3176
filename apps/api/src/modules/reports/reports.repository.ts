import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DocumentKind, DocumentStatus, EventKind, Language, PilotProjectStatus } from '@passerelle/domain';
import { DataSource } from 'typeorm';

/**
 * A period of whole days, in UTC like every date of the server: `from` and `to` (`YYYY-MM-DD`)
 * both included. Queries read them as $2 and $3.
 */
export interface Period {
  from: string;
  to: string;
}
const START = `(($2::date)::timestamp AT TIME ZONE 'UTC')`;
const END = `(($3::date + 1)::timestamp AT TIME ZONE 'UTC')`;
/** A timestamp within the period. */
const IN_PERIOD = (column: string) => `(${column} >= ${START} AND ${column} < ${END})`;
/** A calendar date within the period. */
const DATE_IN_PERIOD = (column: string) => `(${column} BETWEEN $2::date AND $3::date)`;
/** A timestamp's UTC day as `YYYY-MM-DD`. */
const DAY = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD')`;

export interface ProgrammeRow {
  id: string;
  name: string;
  acronym: string;
}
export interface ReportCityRow {
  id: string;
  slug: string;
  name: string;
  names: Partial<Record<Language, string>> | null;
}
export interface ReportDocumentRow {
  id: string;
  cityId: string | null;
  title: string;
  kind: DocumentKind;
  status: DocumentStatus;
  language: Language;
  adoptedOn: string | null;
  updatedOn: string;
}
export interface ReportProjectRow {
  id: string;
  cityId: string;
  title: string;
  status: PilotProjectStatus;
  themeNames: Partial<Record<Language, string>> | null;
  percent: number | null;
}
export interface ProgressRow {
  projectId: string;
  date: string;
  percent: number;
  note: string;
}
export interface MilestoneRow {
  projectId: string;
  title: string;
  date: string;
  overdue: boolean;
}
export interface ReportEventRow {
  id: string;
  title: string;
  kind: EventKind;
  startsOn: string;
  endsOn: string;
  cityIds: string[];
}

/** The SQL of the programme report: what happened in one programme during a period. */
@Injectable()
export class ReportsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async programmes(): Promise<ProgrammeRow[]> {
    return this.db.query(`SELECT id, name, acronym FROM programmes ORDER BY created_at, id`);
  }

  async cities(programmeId: string): Promise<ReportCityRow[]> {
    return this.db.query(`SELECT id, slug, name, names FROM cities WHERE programme_id = $1 ORDER BY name, slug`, [
      programmeId,
    ]);
  }

  /** Published documents changed or adopted during the period, with their last adoption by its end. */
  async documents(programmeId: string, period: Period): Promise<ReportDocumentRow[]> {
    return this.db.query(
      `SELECT d.id, d.city_id AS "cityId", d.title, d.kind, d.status, d.language,
              ${DAY('a.at')} AS "adoptedOn", ${DAY('d.updated_at')} AS "updatedOn"
         FROM documents d
         LEFT JOIN LATERAL (SELECT max(v.created_at) AS at FROM document_versions v
                             WHERE v.document_id = d.id AND v.reason = 'adoption' AND v.created_at < ${END}) a ON TRUE
        WHERE d.programme_id = $1 AND d.published
          AND (${IN_PERIOD('d.updated_at')} OR ${IN_PERIOD('a.at')})
        ORDER BY d.kind, d.title, d.id`,
      [programmeId, period.from, period.to],
    );
  }

  /**
   * The pilot projects that existed during the period, except those closed (completed or
   * cancelled) before it began, with their latest progress by its end.
   */
  async projects(programmeId: string, period: Period): Promise<ReportProjectRow[]> {
    return this.db.query(
      `SELECT p.id, p.city_id AS "cityId", p.title, p.status, t.names AS "themeNames", lp.percent
         FROM pilot_projects p
         JOIN cities c ON c.id = p.city_id
         LEFT JOIN themes t ON t.id = p.theme_id
         LEFT JOIN LATERAL (SELECT pr.percent FROM pilot_project_progress pr
                             WHERE pr.pilot_project_id = p.id AND pr.created_at < ${END}
                             ORDER BY pr.created_at DESC, pr.id DESC LIMIT 1) lp ON TRUE
        WHERE c.programme_id = $1 AND p.created_at < ${END}
          AND NOT (p.status IN ('completed', 'cancelled') AND p.updated_at < ${START})
        ORDER BY p.title, p.id`,
      [programmeId, period.from, period.to],
    );
  }

  async progress(projectIds: string[], period: Period): Promise<ProgressRow[]> {
    if (projectIds.length === 0) return [];
    return this.db.query(
      `SELECT pr.pilot_project_id AS "projectId", ${DAY('pr.created_at')} AS date, pr.percent, pr.note
         FROM pilot_project_progress pr
        WHERE pr.pilot_project_id = ANY($1::uuid[]) AND ${IN_PERIOD('pr.created_at')}
        ORDER BY pr.created_at, pr.id`,
      [projectIds, period.from, period.to],
    );
  }

  /**
   * Milestones completed during the period, and milestones that fell due during it (before
   * `today`) and are still open: overdue.
   */
  async milestones(projectIds: string[], period: Period, today: string): Promise<MilestoneRow[]> {
    if (projectIds.length === 0) return [];
    return this.db.query(
      `SELECT m.pilot_project_id AS "projectId", m.title,
              CASE WHEN m.status = 'done' THEN ${DAY('m.completed_at')} ELSE to_char(m.due_date, 'YYYY-MM-DD') END AS date,
              m.status <> 'done' AS overdue
         FROM pilot_project_milestones m
        WHERE m.pilot_project_id = ANY($1::uuid[])
          AND ((m.status = 'done' AND ${IN_PERIOD('m.completed_at')})
            OR (m.status IN ('planned', 'in_progress') AND ${DATE_IN_PERIOD('m.due_date')} AND m.due_date < $4::date))
        ORDER BY date, m.position, m.id`,
      [projectIds, period.from, period.to, today],
    );
  }

  /** Events that began during the period, with their host and participating cities. */
  async events(programmeId: string, period: Period): Promise<ReportEventRow[]> {
    return this.db.query(
      `SELECT e.id, e.title, e.kind, ${DAY('e.starts_at')} AS "startsOn",
              ${DAY('e.ends_at')} AS "endsOn",
              ARRAY(SELECT e.host_city_id::text WHERE e.host_city_id IS NOT NULL
                    UNION SELECT ec.city_id::text FROM event_cities ec WHERE ec.event_id = e.id) AS "cityIds"
         FROM events e
        WHERE e.programme_id = $1 AND ${IN_PERIOD('e.starts_at')}
        ORDER BY e.starts_at, e.id`,
      [programmeId, period.from, period.to],
    );
  }
}
