import type { NotificationResponse } from './dto/notification.dto';
import type { NotificationRow } from './notifications.repository';

export const toNotificationDto = (row: NotificationRow): NotificationResponse => ({
  id: row.id,
  kind: row.kind,
  actor: row.actorId ? { id: row.actorId, name: row.actorName ?? '' } : null,
  document: row.documentId ? { id: row.documentId, title: row.documentTitle ?? '' } : null,
  city: row.cityId ? { id: row.cityId, slug: row.citySlug ?? '', name: row.cityName ?? '' } : null,
  threadId: row.threadId,
  data: row.data ?? {},
  read: row.readAt !== null,
  readAt: row.readAt ? new Date(row.readAt).toISOString() : null,
  createdAt: new Date(row.createdAt).toISOString(),
});
