export type NotificationKind =
  'mention' | 'review_requested' | 'approved' | 'changes_requested' | 'reply' | 'adopted' | 'milestone';

/** A notification as GET /api/notifications and the live socket give it. */
export interface AppNotification {
  id: string;
  kind: NotificationKind;
  actor: { id: string; name: string } | null;
  document: { id: string; title: string } | null;
  city: { id: string; slug: string; name: string } | null;
  threadId: string | null;
  data: Record<string, unknown>;
  read: boolean;
  readAt: string | null;
  createdAt: string;
}

export interface NotificationPage {
  items: AppNotification[];
  unreadCount: number;
}

/** Live events of the `/live` socket for this person. */
export interface NotificationPushed {
  notification: AppNotification;
  unreadCount: number;
}

export interface NotificationRead {
  /** The notification read, or null when all were. */
  notificationId: string | null;
  unreadCount: number;
}
