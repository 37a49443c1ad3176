import type {
  DashboardCityRef,
  KeyCount,
  OverdueMilestone,
  RecentActivity,
  RecentDocument,
  UpcomingEvent,
} from './dto/dashboard.dto';
import type { ActivityRow, EventRow, OverdueRow, RecentDocumentRow } from './dashboard.repository';

/** Counts for every key, in the keys' order, zeros included (so that charts keep their axes). */
export function countsFor(keys: readonly string[], rows: ReadonlyArray<{ key: string; count: number }>): KeyCount[] {
  return keys.map((key) => ({
    key,
    count: rows.filter((r) => r.key === key).reduce((sum, r) => sum + Number(r.count), 0),
  }));
}

const cityRef = (id: string | null, slug: string | null, name: string | null): DashboardCityRef | null =>
  id !== null && slug !== null && name !== null ? { id, slug, name } : null;

export const mapOverdue = (r: OverdueRow): OverdueMilestone => ({
  id: r.id,
  title: r.title,
  dueDate: r.dueDate,
  status: r.status,
  daysOverdue: Number(r.daysOverdue),
  pilotProject: { id: r.projectId, title: r.projectTitle },
  city: { id: r.cityId, slug: r.citySlug, name: r.cityName },
});

export const mapEvent = (r: EventRow): UpcomingEvent => ({
  id: r.id,
  title: r.title,
  kind: r.kind,
  startsAt: new Date(r.startsAt).toISOString(),
  endsAt: new Date(r.endsAt).toISOString(),
  hostCity: cityRef(r.cityId, r.citySlug, r.cityName),
});

export const mapActivity = (r: ActivityRow): RecentActivity => ({
  id: r.id,
  verb: r.verb,
  actor: r.actorId && r.actorName !== null ? { id: r.actorId, name: r.actorName } : null,
  city: cityRef(r.cityId, r.citySlug, r.cityName),
  document: r.documentId && r.documentTitle !== null ? { id: r.documentId, title: r.documentTitle } : null,
  target: r.targetType && r.targetId ? { type: r.targetType, id: r.targetId } : null,
  data: r.data ?? {},
  createdAt: new Date(r.createdAt).toISOString(),
});

export const mapRecentDocument = (r: RecentDocumentRow): RecentDocument => ({
  id: r.id,
  title: r.title,
  kind: r.kind,
  status: r.status,
  city: cityRef(r.cityId, r.citySlug, r.cityName),
  updatedAt: new Date(r.updatedAt).toISOString(),
});
