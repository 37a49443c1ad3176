import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { NOTIFICATION_KINDS, type NotificationKind } from '../notification.entity';

const emptyToUndefined = ({ value }: { value: unknown }) => (value === '' ? undefined : value);
const toBoolean = ({ value }: { value: unknown }) =>
  value === ''
    ? undefined
    : value === 'true' || value === '1'
      ? true
      : value === 'false' || value === '0'
        ? false
        : value;

export class NotificationsQuery {
  @ApiPropertyOptional({ type: Boolean, description: 'only the unread ones' })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  unread?: boolean;

  @ApiPropertyOptional({ example: '1234', description: 'a notification id: the older ones (the next page)' })
  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^\d{1,18}$/, { message: 'before must be a notification id' })
  before?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 30 })
  @Transform(emptyToUndefined)
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;
}

class NotificationPerson {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
}

class NotificationDocument {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() title!: string;
}

class NotificationCity {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() slug!: string;
  @ApiProperty() name!: string;
}

export class NotificationResponse {
  @ApiProperty({ example: '42' }) id!: string;
  @ApiProperty({ enum: NOTIFICATION_KINDS }) kind!: NotificationKind;
  @ApiProperty({ type: NotificationPerson, nullable: true, description: 'who caused it' })
  actor!: NotificationPerson | null;
  @ApiProperty({ type: NotificationDocument, nullable: true }) document!: NotificationDocument | null;
  @ApiProperty({ type: NotificationCity, nullable: true }) city!: NotificationCity | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) threadId!: string | null;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description:
      'mention/reply: {commentId}; review_requested/adopted: {round}; approved/changes_requested: {round}; ' +
      'milestone: {pilotProjectId, pilotProjectTitle, milestoneId, title, change, status, previousStatus}',
  })
  data!: Record<string, unknown>;
  @ApiProperty() read!: boolean;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) readAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt!: string;
}

export class NotificationPage {
  @ApiProperty({ type: NotificationResponse, isArray: true, description: 'newest first' })
  items!: NotificationResponse[];
  @ApiProperty() unreadCount!: number;
}

export class UnreadCountResponse {
  @ApiProperty() unreadCount!: number;
}
