import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DocumentKind, DocumentStatus, EventKind, Language, Phase, PilotProjectStatus } from '@passerelle/domain';
import { DataSource } from 'typeorm';

/** `programmeId` null: every programme. Conditions below read it as `$1`. */
type Scope = string | null;
const CITY_SCOPE = `($1::uuid IS NULL OR c.programme_id = $1::uuid)`;

export interface CityRow {
  id: string;
  slug: string;
  name: string;
  phase: Phase;
}
export interface CityCount {
  cityId: string;
  key: string;
  count: number;
}
export interface CityEvents {
  cityId: string;
  held: number;
  upcoming: number;
}
export interface KeyDocumentRow {
  cityId: string;
  kind: DocumentKind;
  id: string;
  status: DocumentStatus;
  published: boolean;
}
export interface CityValue {
  cityId: string;
  value: number;
}
export interface ThemeRow {
  themeId: string | null;
  slug: string | null;
  names: Partial<Record<Language, string>> | null;
  count: number;
}
export interface OverdueRow {
  id: string;
  title: string;
  dueDate: string;
  status: string;
  daysOverdue: number;
  projectId: string;
  projectTitle: string;
  cityId: string;
  citySlug: string;
  cityName: string;
}
export interface EventRow {
  id: string;
  title: string;
  kind: EventKind;
  startsAt: Date;
  endsAt: Date;
  cityId: string | null;
  citySlug: string | null;
  cityName: string | null;
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
}
export interface RecentDocumentRow {
  id: string;
  title: string;
  kind: DocumentKind;
  status: DocumentStatus;
  updatedAt: Date;
  cityId: string | null;
  citySlug: string | null;
  cityName: string | null;
}

/** The aggregate SQL of the coordinators' dashboard: one small query per panel. */
@Injectable()
export class DashboardRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async programmeExists(id: string): Promise<boolean> {
    return (await this.db.query(`SELECT 1 FROM programmes WHERE id = $1`, [id])).length > 0;
  }

  cities(scope: Scope): Promise<CityRow[]> {
    return this.db.query(
      `SELECT c.id, c.slug, c.name, c.phase FROM cities c WHERE ${CITY_SCOPE} ORDER BY c.name, c.slug`,
      [scope],
    );
  }

  /** Events each city hosted or took part in: over, and still to come (or under way). */
  eventsByCity(scope: Scope): Promise<CityEvents[]> {
    return this.db.query(
      `SELECT c.id AS "cityId",
              count(*) FILTER (WHERE e.ends_at < now())::int AS held,
              count(*) FILTER (WHERE e.ends_at >= now())::int AS upcoming
         FROM cities c
         JOIN events e ON e.host_city_id = c.id
                       OR EXISTS (SELECT 1 FROM event_cities ec WHERE ec.event_id = e.id AND ec.city_id = c.id)
        WHERE ${CITY_SCOPE}
        GROUP BY c.id`,
      [scope],
    );
  }

  /** Each city's current migration profile and priority paper (an archived one only when there is no other). */
  keyDocuments(scope: Scope): Promise<KeyDocumentRow[]> {
    return this.db.query(
      `SELECT DISTINCT ON (d.city_id, d.kind) d.city_id AS "cityId", d.kind, d.id, d.status, d.published
         FROM documents d JOIN cities c ON c.id = d.city_id
        WHERE d.kind IN ('migration_profile', 'priority_paper') AND ${CITY_SCOPE}
        ORDER BY d.city_id, d.kind, (d.status = 'archived'), d.created_at DESC, d.id`,
      [scope],
    );
  }

  indicatorsFilled(scope: Scope, keys: readonly string[]): Promise<CityValue[]> {
    return this.db.query(
      `SELECT i.city_id AS "cityId", count(DISTINCT i.key)::int AS value
         FROM indicators i JOIN cities c ON c.id = i.city_id
        WHERE i.key = ANY($2::text[]) AND ${CITY_SCOPE}
        GROUP BY i.city_id`,
      [scope, keys],
    );
  }

  pilotProjectsByCityAndStatus(scope: Scope): Promise<CityCount[]> {
    return this.db.query(
      `SELECT p.city_id AS "cityId", p.status AS key, count(*)::int AS count
         FROM pilot_projects p JOIN cities c ON c.id = p.city_id
        WHERE ${CITY_SCOPE}
        GROUP BY p.city_id, p.status`,
      [scope],
    );
  }

  /** Mean latest progress of the projects in `statuses`; a completed project counts as 100. */
  averageProgressByCity(scope: Scope, statuses: readonly PilotProjectStatus[]): Promise<CityValue[]> {
    return this.db.query(
      `SELECT p.city_id AS "cityId",
              avg(CASE WHEN p.status = 'completed' THEN 100 ELSE COALESCE(lp.percent, 0) END)::float8 AS value
         FROM pilot_projects p
         JOIN cities c ON c.id = p.city_id
         LEFT JOIN LATERAL (SELECT pr.percent FROM pilot_project_progress pr WHERE pr.pilot_project_id = p.id
                             ORDER BY pr.created_at DESC, pr.id DESC LIMIT 1) lp ON TRUE
        WHERE p.status = ANY($2::text[]) AND ${CITY_SCOPE}
        GROUP BY p.city_id`,
      [scope, statuses],
    );
  }

  /** Documents per city and status; programme documents (no city) under a null city. */
  documentsByCityAndStatus(scope: Scope): Promise<Array<Omit<CityCount, 'cityId'> & { cityId: string | null }>> {
    return this.db.query(
      `SELECT d.city_id AS "cityId", d.status AS key, count(*)::int AS count
         FROM documents d
        WHERE ($1::uuid IS NULL OR d.programme_id = $1::uuid)
        GROUP BY d.city_id, d.status`,
      [scope],
    );
  }

  /** Every theme with its number of pilot projects (zeros included), then projects without a theme. */
  pilotProjectsByTheme(scope: Scope): Promise<ThemeRow[]> {
    return this.db.query(
      `SELECT * FROM (
         SELECT t.id AS "themeId", t.slug, t.names, t.position,
                (SELECT count(*) FROM pilot_projects p WHERE p.theme_id = t.id)::int AS count
           FROM themes t WHERE ($1::uuid IS NULL OR t.programme_id = $1::uuid)
         UNION ALL
         SELECT NULL, NULL, NULL, 2147483647, count(*)::int
           FROM pilot_projects p JOIN cities c ON c.id = p.city_id
          WHERE p.theme_id IS NULL AND ${CITY_SCOPE}
       ) x
       WHERE x."themeId" IS NOT NULL OR x.count > 0
       ORDER BY x.position, x.slug`,
      [scope],
    );
  }

  /** Open milestones past their due date, in projects still running (`statuses`). */
  overdueMilestones(scope: Scope, today: string, statuses: readonly PilotProjectStatus[], limit: number) {
    return this.db.query(
      `SELECT m.id, m.title, to_char(m.due_date, 'YYYY-MM-DD') AS "dueDate", m.status,
              ($2::date - m.due_date)::int AS "daysOverdue", p.id AS "projectId", p.title AS "projectTitle",
              c.id AS "cityId", c.slug AS "citySlug", c.name AS "cityName", count(*) OVER ()::int AS total
         FROM pilot_project_milestones m
         JOIN pilot_projects p ON p.id = m.pilot_project_id
         JOIN cities c ON c.id = p.city_id
        WHERE m.status IN ('planned', 'in_progress') AND m.due_date < $2::date
          AND p.status = ANY($3::text[]) AND ${CITY_SCOPE}
        ORDER BY m.due_date, c.name, m.id
        LIMIT $4`,
      [scope, today, statuses, limit],
    ) as Promise<Array<OverdueRow & { total: number }>>;
  }

  /** Events not over yet, soonest first, and how many there are. */
  async upcomingEvents(scope: Scope, limit: number): Promise<{ rows: EventRow[]; total: number }> {
    const rows: Array<EventRow & { total: number }> = await this.db.query(
      `SELECT e.id, e.title, e.kind, e.starts_at AS "startsAt", e.ends_at AS "endsAt",
              c.id AS "cityId", c.slug AS "citySlug", c.name AS "cityName", count(*) OVER ()::int AS total
         FROM events e LEFT JOIN cities c ON c.id = e.host_city_id
        WHERE e.ends_at >= now() AND ($1::uuid IS NULL OR e.programme_id = $1::uuid)
        ORDER BY e.starts_at, e.id
        LIMIT $2`,
      [scope, limit],
    );
    return { rows, total: rows[0]?.total ?? 0 };
  }

  /** The newest entries of the programme feed (the reader oversees the programme: every entry is theirs to see). */
  recentActivity(scope: Scope, limit: number): Promise<ActivityRow[]> {
    return this.db.query(
      `SELECT a.id::text AS id, a.verb, a.actor_id AS "actorId", u.name AS "actorName",
              a.city_id AS "cityId", c.slug AS "citySlug", c.name AS "cityName",
              a.document_id AS "documentId", d.title AS "documentTitle",
              a.target_type AS "targetType", a.target_id AS "targetId", a.data, a.created_at AS "createdAt"
         FROM activity a
         LEFT JOIN users u ON u.id = a.actor_id
         LEFT JOIN cities c ON c.id = a.city_id
         LEFT JOIN documents d ON d.id = a.document_id
        WHERE ($1::uuid IS NULL OR a.programme_id = $1::uuid)
        ORDER BY a.id DESC
        LIMIT $2`,
      [scope, limit],
    );
  }

  recentDocuments(scope: Scope, limit: number): Promise<RecentDocumentRow[]> {
    return this.db.query(
      `SELECT d.id, d.title, d.kind, d.status, d.updated_at AS "updatedAt",
              c.id AS "cityId", c.slug AS "citySlug", c.name AS "cityName"
         FROM documents d LEFT JOIN cities c ON c.id = d.city_id
        WHERE ($1::uuid IS NULL OR d.programme_id = $1::uuid)
        ORDER BY d.updated_at DESC, d.id
        LIMIT $2`,
      [scope, limit],
    );
  }
}
