import { Injectable } from '@nestjs/common';
import { LiveEvent } from '@passerelle/domain';
import { LiveGateway } from '../live/live.gateway';
import type { NotificationResponse } from './dto/notification.dto';

/** Sent to the person's other connections after they read one notice (`notificationId`) or all (null). */
export const NOTIFICATION_READ_EVENT = 'notification:read';

/** Live delivery of notifications over the `/live` socket, to the person's room only. */
@Injectable()
export class NotificationPusher {
  constructor(private readonly live: LiveGateway) {}

  /** `notification` {notification, unreadCount}. */
  async notification(userId: string, notification: NotificationResponse, unreadCount: Promise<number>): Promise<void> {
    this.live.toUser(userId, LiveEvent.notification, { notification, unreadCount: await unreadCount });
  }

  read(userId: string, notificationId: string | null, unreadCount: number): void {
    this.live.toUser(userId, NOTIFICATION_READ_EVENT, { notificationId, unreadCount });
  }
}
