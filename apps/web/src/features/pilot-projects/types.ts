import type { Language, MilestoneStatus, OrganisationKind, PilotProjectStatus } from '@passerelle/domain';

/** GET /api/themes: a shared priority of the programme, named in each working language. */
export interface Theme {
  id: string;
  slug: string;
  names: Partial<Record<Language, string>>;
}

/** GET /api/organisations: a partner organisation (no city) or a local one (of a city). */
export interface Organisation {
  id: string;
  name: string;
  acronym: string | null;
  kind: OrganisationKind;
  cityId: string | null;
}

export interface Milestone {
  id: string;
  pilotProjectId: string;
  title: string;
  /** A calendar date, YYYY-MM-DD. */
  dueDate: string;
  status: MilestoneStatus;
  completedAt: string | null;
  position: number;
  overdue: boolean;
}

export interface ProgressUpdate {
  id: string;
  pilotProjectId: string;
  percent: number;
  note: string;
  author: { id: string; name: string } | null;
  createdAt: string;
}

/** A pilot project as the API answers it (GET /api/pilot-projects, GET/PATCH /api/pilot-projects/:id). */
export interface PilotProject {
  id: string;
  cityId: string;
  title: string;
  summary: string;
  themeId: string | null;
  priority: string | null;
  leadOrganisationId: string | null;
  partnerOrganisationIds: string[];
  startDate: string | null;
  endDate: string | null;
  budget: number | null;
  currency: string | null;
  status: PilotProjectStatus;
  allowedTransitions: PilotProjectStatus[];
  descriptionDocumentId: string | null;
  milestones: Milestone[];
  overdueMilestones: number;
  progressPercent: number | null;
  latestProgress: { percent: number; note: string; createdAt: string } | null;
  canManage: boolean;
  createdAt: string;
  updatedAt: string;
}

/** The fields people edit; `null` clears a field in an update. */
export interface PilotProjectFields {
  title: string;
  summary: string | null;
  themeId: string | null;
  priority: string | null;
  leadOrganisationId: string | null;
  partnerOrganisationIds: string[];
  startDate: string | null;
  endDate: string | null;
  budget: number | null;
  currency: string | null;
}

export interface CreatePilotProjectBody extends PilotProjectFields {
  cityId: string;
}

export type UpdatePilotProjectBody = Partial<PilotProjectFields> & { status?: PilotProjectStatus };
