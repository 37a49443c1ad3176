import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LiveModule } from '../live/live.module';
import { NotificationEntity } from './notification.entity';
import { NotificationPusher } from './notification-pusher';
import { NotificationsController } from './notifications.controller';
import { NotificationsListener } from './notifications.listener';
import { NotificationsRepository } from './notifications.repository';
import { NotificationsService } from './notifications.service';

/**
 * Per-person notifications, created by listening to domain events, delivered live through the
 * `/live` socket. Exports nothing: other features only emit events.
 */
@Module({
  imports: [TypeOrmModule.forFeature([NotificationEntity]), LiveModule],
  controllers: [NotificationsController],
  providers: [NotificationsRepository, NotificationsService, NotificationsListener, NotificationPusher],
})
export class NotificationsModule {}
