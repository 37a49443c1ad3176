import type { ActivityEntryResponse } from './dto/activity.dto';
import type { ActivityRow } from './activity.repository';

export const toActivityEntry = (row: ActivityRow): ActivityEntryResponse => ({
  id: row.id,
  verb: row.verb,
  actor: row.actorId ? { id: row.actorId, name: row.actorName ?? '' } : null,
  city: row.cityId ? { id: row.cityId, slug: row.citySlug ?? '', name: row.cityName ?? '' } : null,
  document: row.documentId ? { id: row.documentId, title: row.documentTitle ?? '' } : null,
  target: row.targetType && row.targetId ? { type: row.targetType, id: row.targetId } : null,
  data: row.data ?? {},
  createdAt: new Date(row.createdAt).toISOString(),
  updatedAt: new Date(row.updatedAt).toISOString(),
});
