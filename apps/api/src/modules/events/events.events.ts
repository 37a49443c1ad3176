/** Events of the events feature (the programme calendar), for the activity feeds and notifications. */
export const EVENT_CREATED = 'event.created';
export const EVENT_UPDATED = 'event.updated';
export const EVENT_DELETED = 'event.deleted';

export interface EventChangedEvent {
  eventId: string;
  programmeId: string;
  hostCityId: string | null;
  /** Who did it; null when the system did (the demo seed). */
  userId: string | null;
  title: string;
  /** For updates: the fields that changed (API names). */
  changes?: string[];
}
