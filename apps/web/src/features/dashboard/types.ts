import type { DocumentKind, DocumentStatus, EventKind, Language, Phase } from '@passerelle/domain';

export interface KeyCount {
  key: string;
  count: number;
}

export interface CityRef {
  id: string;
  slug: string;
  name: string;
}

export interface KeyDocumentState {
  id: string;
  status: DocumentStatus;
  published: boolean;
}

export interface DashboardCity extends CityRef {
  phase: Phase;
  dialogue: { eventsHeld: number; eventsUpcoming: number };
  knowledge: {
    migrationProfile: KeyDocumentState | null;
    priorityPaper: KeyDocumentState | null;
    indicatorsFilled: number;
    indicatorsTotal: number;
  };
  action: { pilotProjects: number; byStatus: KeyCount[]; averageProgress: number | null };
  documentsByStatus: KeyCount[];
}

export interface OverdueMilestone {
  id: string;
  title: string;
  dueDate: string;
  status: string;
  daysOverdue: number;
  pilotProject: { id: string; title: string };
  city: CityRef;
}

export interface UpcomingEvent {
  id: string;
  title: string;
  kind: EventKind;
  startsAt: string;
  endsAt: string;
  hostCity: CityRef | null;
}

export interface RecentActivity {
  id: string;
  verb: string;
  actor: { id: string; name: string } | null;
  city: CityRef | null;
  document: { id: string; title: string } | null;
  target: { type: string; id: string } | null;
  data: Record<string, unknown>;
  createdAt: string;
}

export interface RecentDocument {
  id: string;
  title: string;
  kind: DocumentKind;
  status: DocumentStatus;
  city: CityRef | null;
  updatedAt: string;
}

/** GET /api/dashboard (coordinators and admins). */
export interface DashboardData {
  generatedAt: string;
  totals: {
    cities: number;
    documents: number;
    pilotProjects: number;
    overdueMilestones: number;
    upcomingEvents: number;
  };
  citiesByPhase: KeyCount[];
  cities: DashboardCity[];
  documentsByStatus: KeyCount[];
  pilotProjectsByStatus: KeyCount[];
  pilotProjectsByTheme: Array<KeyCount & { themeId: string | null; names: Partial<Record<Language, string>> }>;
  overdueMilestones: OverdueMilestone[];
  upcomingEvents: UpcomingEvent[];
  recentActivity: RecentActivity[];
  recentDocuments: RecentDocument[];
}
