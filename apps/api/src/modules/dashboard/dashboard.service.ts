import { Injectable } from '@nestjs/common';
import {
  DOCUMENT_STATUSES,
  INDICATOR_CATALOGUE,
  PHASES,
  PILOT_PROJECT_STATUSES,
  isFinalPilotProjectStatus,
  utcToday,
  type PilotProjectStatus,
} from '@passerelle/domain';
import type { AuthUser } from '../../core/auth/auth-user';
import { notFound } from '../../core/errors/domain.exception';
import type {
  CityKnowledge,
  DashboardCity,
  DashboardQuery,
  DashboardResponse,
  KeyDocumentState,
} from './dto/dashboard.dto';
import { countsFor, mapActivity, mapEvent, mapOverdue, mapRecentDocument } from './dashboard.mapper';
import { DashboardRepository, KeyDocumentRow } from './dashboard.repository';
import { AccessService } from '../../core/access/access.service';

const UPCOMING_EVENTS = 5;
const OVERDUE_LIMIT = 50;
const RECENT_ACTIVITY = 10;
const RECENT_DOCUMENTS = 5;
/** Projects whose progress counts in a city's average: decided on and not abandoned. */
const PROGRESSING: readonly PilotProjectStatus[] = ['approved', 'in_progress', 'on_hold', 'completed'];
/** Projects that can still move: their late milestones are worth chasing. */
const RUNNING = PILOT_PROJECT_STATUSES.filter((s) => !isFinalPilotProjectStatus(s));
const INDICATOR_KEYS = INDICATOR_CATALOGUE.map((i) => i.key);

const keyDocument = (rows: KeyDocumentRow[], cityId: string, kind: KeyDocumentRow['kind']): KeyDocumentState | null => {
  const row = rows.find((r) => r.cityId === cityId && r.kind === kind);
  return row ? { id: row.id, status: row.status, published: row.published } : null;
};

/**
 * The coordinators' dashboard: every city's phase and progress through the three phases, and
 * the programme's documents, pilot projects, late milestones, coming events and recent activity,
 * shaped for charts (arrays of {key, count}). Coordinators and admins only (403 for others): it
 * shows every city at once, drafts included.
 */
@Injectable()
export class DashboardService {
  constructor(
    private readonly repo: DashboardRepository,
    private readonly access: AccessService,
  ) {}

  async get(user: AuthUser, query: DashboardQuery, now = new Date()): Promise<DashboardResponse> {
    this.access.assertProgramme(user, 'view_dashboard');
    const scope = query.programmeId ?? null;
    if (scope && !(await this.repo.programmeExists(scope))) throw notFound('Programme');
    const today = utcToday(now);
    const [
      cities,
      events,
      keyDocs,
      indicators,
      projects,
      progress,
      documents,
      themes,
      overdue,
      upcoming,
      activity,
      recent,
    ] = await Promise.all([
      this.repo.cities(scope),
      this.repo.eventsByCity(scope),
      this.repo.keyDocuments(scope),
      this.repo.indicatorsFilled(scope, INDICATOR_KEYS),
      this.repo.pilotProjectsByCityAndStatus(scope),
      this.repo.averageProgressByCity(scope, PROGRESSING),
      this.repo.documentsByCityAndStatus(scope),
      this.repo.pilotProjectsByTheme(scope),
      this.repo.overdueMilestones(scope, today, RUNNING, OVERDUE_LIMIT),
      this.repo.upcomingEvents(scope, UPCOMING_EVENTS),
      this.repo.recentActivity(scope, RECENT_ACTIVITY),
      this.repo.recentDocuments(scope, RECENT_DOCUMENTS),
    ]);

    const cityRows: DashboardCity[] = cities.map((c) => {
      const cityEvents = events.find((e) => e.cityId === c.id);
      const cityProjects = projects.filter((p) => p.cityId === c.id);
      const average = progress.find((p) => p.cityId === c.id);
      const knowledge: CityKnowledge = {
        migrationProfile: keyDocument(keyDocs, c.id, 'migration_profile'),
        priorityPaper: keyDocument(keyDocs, c.id, 'priority_paper'),
        indicatorsFilled: indicators.find((i) => i.cityId === c.id)?.value ?? 0,
        indicatorsTotal: INDICATOR_KEYS.length,
      };
      return {
        id: c.id,
        slug: c.slug,
        name: c.name,
        phase: c.phase,
        dialogue: { eventsHeld: cityEvents?.held ?? 0, eventsUpcoming: cityEvents?.upcoming ?? 0 },
        knowledge,
        action: {
          pilotProjects: cityProjects.reduce((sum, p) => sum + p.count, 0),
          byStatus: countsFor(PILOT_PROJECT_STATUSES, cityProjects),
          averageProgress: average ? Math.round(Number(average.value) * 10) / 10 : null,
        },
        documentsByStatus: countsFor(
          DOCUMENT_STATUSES,
          documents.filter((d) => d.cityId === c.id),
        ),
      };
    });

    const documentsByStatus = countsFor(DOCUMENT_STATUSES, documents);
    const pilotProjectsByStatus = countsFor(PILOT_PROJECT_STATUSES, projects);
    return {
      generatedAt: now.toISOString(),
      totals: {
        cities: cities.length,
        documents: documentsByStatus.reduce((sum, k) => sum + k.count, 0),
        pilotProjects: pilotProjectsByStatus.reduce((sum, k) => sum + k.count, 0),
        overdueMilestones: overdue[0]?.total ?? 0,
        upcomingEvents: upcoming.total,
      },
      citiesByPhase: countsFor(
        PHASES,
        cities.map((c) => ({ key: c.phase, count: 1 })),
      ),
      cities: cityRows,
      documentsByStatus,
      pilotProjectsByStatus,
      pilotProjectsByTheme: themes.map((t) => ({
        key: t.slug ?? 'none',
        themeId: t.themeId,
        names: t.names ?? {},
        count: Number(t.count),
      })),
      overdueMilestones: overdue.map(mapOverdue),
      upcomingEvents: upcoming.rows.map(mapEvent),
      recentActivity: activity.map(mapActivity),
      recentDocuments: recent.map(mapRecentDocument),
    };
  }
}
