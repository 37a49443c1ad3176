import type { MilestoneStatus, PilotProjectStatus } from '@passerelle/domain';

/** Events of the pilot projects feature, for the activity feeds, notifications and search. */
export const PILOT_PROJECT_CREATED = 'pilot_project.created';
export const PILOT_PROJECT_UPDATED = 'pilot_project.updated';
export const PILOT_PROJECT_STATUS_CHANGED = 'pilot_project.status_changed';
export const PILOT_PROJECT_PROGRESS_ADDED = 'pilot_project.progress_added';
export const MILESTONE_CHANGED = 'milestone.changed';

interface PilotProjectEventBase {
  pilotProjectId: string;
  cityId: string;
  /** Who did it; null when the system did (the demo seed). */
  userId: string | null;
}

export interface PilotProjectCreatedEvent extends PilotProjectEventBase {
  title: string;
}

export interface PilotProjectUpdatedEvent extends PilotProjectEventBase {
  /** The fields that changed (API names: 'title', 'endDate', …), never 'status' (see status_changed). */
  changes: string[];
}

export interface PilotProjectStatusChangedEvent extends PilotProjectEventBase {
  from: PilotProjectStatus;
  to: PilotProjectStatus;
}

export interface PilotProjectProgressAddedEvent extends PilotProjectEventBase {
  progressId: string;
  percent: number;
}

export interface MilestoneChangedEvent extends PilotProjectEventBase {
  milestoneId: string;
  change: 'created' | 'updated' | 'deleted';
  title: string;
  /** The status after the change (before it, for a deletion). */
  status: MilestoneStatus;
  /** The status before the change, when it changed. */
  previousStatus?: MilestoneStatus;
  dueDate: string;
}
