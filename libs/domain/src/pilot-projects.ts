import type { PilotProjectStatus } from './enums';

/**
 * The life of a pilot project. `completed` and `cancelled` are final: a finished project is a
 * record, so nothing about it changes any more (fields, milestones, progress).
 */
export const PILOT_PROJECT_TRANSITIONS: Readonly<Record<PilotProjectStatus, readonly PilotProjectStatus[]>> = {
  proposed: ['approved', 'cancelled'],
  approved: ['in_progress', 'on_hold', 'cancelled'],
  in_progress: ['completed', 'on_hold', 'cancelled'],
  on_hold: ['in_progress', 'cancelled'],
  completed: [],
  cancelled: [],
};

export function canTransitionPilotProject(from: PilotProjectStatus, to: PilotProjectStatus): boolean {
  return PILOT_PROJECT_TRANSITIONS[from].includes(to);
}

export function isFinalPilotProjectStatus(status: PilotProjectStatus): boolean {
  return PILOT_PROJECT_TRANSITIONS[status].length === 0;
}

export const MILESTONE_STATUSES = ['planned', 'in_progress', 'done', 'cancelled'] as const;
export type MilestoneStatus = (typeof MILESTONE_STATUSES)[number];

/**
 * A milestone is overdue when its due date (a calendar date, `YYYY-MM-DD`) is before `today`
 * and it is neither done nor cancelled. Dates compare as strings because the format is fixed-width.
 */
export function isMilestoneOverdue(
  milestone: { dueDate: string | null; status: MilestoneStatus },
  today: string,
): boolean {
  if (milestone.dueDate === null) return false;
  if (milestone.status === 'done' || milestone.status === 'cancelled') return false;
  return milestone.dueDate < today;
}

/** Today's date in UTC as `YYYY-MM-DD`: the one clock every server instance agrees on. */
export const utcToday = (now: Date = new Date()): string => now.toISOString().slice(0, 10);
