import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { AuthUser } from '../../core/auth/auth-user';
import { CurrentUser } from '../../core/auth/decorators';
import { NotificationPage, NotificationsQuery, UnreadCountResponse } from './dto/notification.dto';
import { NotificationsService } from './notifications.service';

@ApiTags('notifications')
@ApiBearerAuth()
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  @ApiOperation({
    summary: 'The caller’s notifications, newest first, with the unread count',
    description: 'Also pushed live on the `/live` socket as `notification` {notification, unreadCount}.',
  })
  @ApiOkResponse({ type: NotificationPage })
  @ApiBadRequestResponse({ description: 'a filter is not valid (the field is named)' })
  list(@CurrentUser() user: AuthUser, @Query() query: NotificationsQuery): Promise<NotificationPage> {
    return this.notifications.list(user, query);
  }

  @Post('read-all')
  @HttpCode(200)
  @ApiOperation({ summary: 'Marks all the caller’s notifications read' })
  @ApiOkResponse({ type: UnreadCountResponse })
  readAll(@CurrentUser() user: AuthUser): Promise<UnreadCountResponse> {
    return this.notifications.markAllRead(user);
  }

  @Post(':id/read')
  @HttpCode(200)
  @ApiOperation({ summary: 'Marks one notification read' })
  @ApiOkResponse({ type: UnreadCountResponse })
  @ApiNotFoundResponse({ description: 'the caller has no such notification' })
  read(@CurrentUser() user: AuthUser, @Param('id') id: string): Promise<UnreadCountResponse> {
    return this.notifications.markRead(user, id);
  }
}
