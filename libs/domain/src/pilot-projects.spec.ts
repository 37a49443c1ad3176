import { PILOT_PROJECT_STATUSES, PilotProjectStatus } from './enums';
import {
  canTransitionPilotProject,
  isFinalPilotProjectStatus,
  isMilestoneOverdue,
  PILOT_PROJECT_TRANSITIONS,
  utcToday,
} from './pilot-projects';

// The allowed transitions written out again, independently of the table, so that a change to
// either is caught. Every pair not listed here must be refused.
const ALLOWED: Array<[PilotProjectStatus, PilotProjectStatus]> = [
  ['proposed', 'approved'],
  ['proposed', 'cancelled'],
  ['approved', 'in_progress'],
  ['approved', 'on_hold'],
  ['approved', 'cancelled'],
  ['in_progress', 'completed'],
  ['in_progress', 'on_hold'],
  ['in_progress', 'cancelled'],
  ['on_hold', 'in_progress'],
  ['on_hold', 'cancelled'],
];

describe('pilot project status transitions', () => {
  for (const from of PILOT_PROJECT_STATUSES) {
    for (const to of PILOT_PROJECT_STATUSES) {
      const allowed = ALLOWED.some(([f, t]) => f === from && t === to);
      it(`${allowed ? 'allows' : 'refuses'} ${from} -> ${to}`, () => {
        expect(canTransitionPilotProject(from, to)).toBe(allowed);
      });
    }
  }

  it('has an entry for every status', () => {
    expect(Object.keys(PILOT_PROJECT_TRANSITIONS).sort()).toEqual([...PILOT_PROJECT_STATUSES].sort());
  });

  it('makes completed and cancelled final, and only those', () => {
    expect(PILOT_PROJECT_STATUSES.filter(isFinalPilotProjectStatus)).toEqual(['completed', 'cancelled']);
  });
});

describe('overdue milestones', () => {
  const today = '2025-03-10';
  it('flags an open milestone whose due date has passed', () => {
    expect(isMilestoneOverdue({ dueDate: '2025-03-09', status: 'planned' }, today)).toBe(true);
    expect(isMilestoneOverdue({ dueDate: '2024-12-31', status: 'in_progress' }, today)).toBe(true);
  });
  it('does not flag a milestone due today or later', () => {
    expect(isMilestoneOverdue({ dueDate: '2025-03-10', status: 'planned' }, today)).toBe(false);
    expect(isMilestoneOverdue({ dueDate: '2025-04-01', status: 'planned' }, today)).toBe(false);
  });
  it('does not flag done or cancelled milestones, nor undated ones', () => {
    expect(isMilestoneOverdue({ dueDate: '2025-01-01', status: 'done' }, today)).toBe(false);
    expect(isMilestoneOverdue({ dueDate: '2025-01-01', status: 'cancelled' }, today)).toBe(false);
    expect(isMilestoneOverdue({ dueDate: null, status: 'planned' }, today)).toBe(false);
  });
  it('takes today in UTC', () => {
    expect(utcToday(new Date('2025-03-10T23:30:00-05:00'))).toBe('2025-03-11');
  });
});
