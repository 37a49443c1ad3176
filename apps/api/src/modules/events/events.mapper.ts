import type { EventResponse } from './dto/event.dto';
import type { CalendarEntry } from './ical';
import type { EventRecord } from './events.repository';

export const mapEvent = (e: EventRecord, canManage: boolean): EventResponse => ({
  id: e.id,
  programmeId: e.programmeId,
  kind: e.kind,
  title: e.title,
  description: e.description,
  hostCityId: e.hostCityId,
  cityIds: e.cityIds,
  participants: e.participants,
  startsAt: e.startsAt.toISOString(),
  endsAt: e.endsAt.toISOString(),
  location: e.location,
  onlineUrl: e.onlineUrl,
  agenda: e.agenda.map((item) => (item.time ? { time: item.time, title: item.title } : { title: item.title })),
  minutesDocumentId: e.minutesDocumentId,
  canManage,
  createdBy: e.createdBy,
  createdAt: e.createdAt.toISOString(),
  updatedAt: e.updatedAt.toISOString(),
});

/**
 * An event as a calendar entry: the agenda follows the description, and the place is the
 * location given, else the host city.
 */
export function toCalendarEntry(e: EventRecord, hostCity: { name: string; country: string } | null): CalendarEntry {
  const agenda = e.agenda.map((item) => (item.time ? `${item.time} ${item.title}` : `- ${item.title}`)).join('\n');
  const description = [e.description.trim(), agenda].filter((part) => part.length > 0).join('\n\n');
  return {
    uid: `${e.id}@passerelle`,
    start: e.startsAt,
    end: e.endsAt,
    summary: e.title,
    description: description || undefined,
    location: e.location ?? (hostCity ? `${hostCity.name}, ${hostCity.country}` : undefined),
    url: e.onlineUrl ?? undefined,
    lastModified: e.updatedAt,
  };
}
