import type { CityRole } from '@passerelle/domain';

/**
 * Emitted (through EventEmitter2) after a membership is created, changed or removed. The
 * collaboration gateway re-checks the person's open documents; the audit log records it.
 */
export const MEMBERSHIP_CHANGED = 'membership.changed';

export interface MembershipChangedEvent {
  actorId: string;
  userId: string;
  cityId: string;
  /** The new role; null when the membership was removed. */
  role: CityRole | null;
  /** The role before the change; null when the membership is new. */
  previousRole: CityRole | null;
  organisationId: string | null;
}

/** Emitted after a coordinator changes a city's phase, description or languages (for feeds and audit). */
export const CITY_UPDATED = 'city.updated';

export interface CityUpdatedEvent {
  actorId: string;
  cityId: string;
  changes: { phase?: string; description?: string; languages?: string[] };
}
