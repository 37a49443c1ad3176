import { Controller, Get, Query } from '@nestjs/common';
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
import { ActivityPage, ActivityQuery } from './dto/activity.dto';
import { ActivityService } from './activity.service';

@ApiTags('activity')
@ApiBearerAuth()
@Controller('activity')
export class ActivityController {
  constructor(private readonly activity: ActivityService) {}

  @Get()
  @ApiOperation({
    summary: 'The activity feed (the programme’s, a city’s or a document’s), newest first',
    description: 'Only what the caller may read. Edits are summarised per person, document and hour.',
  })
  @ApiOkResponse({ type: ActivityPage })
  @ApiBadRequestResponse({ description: 'a filter is not valid (the field is named)' })
  @ApiNotFoundResponse({ description: 'documentId: no such document within the caller’s reach' })
  feed(@CurrentUser() user: AuthUser, @Query() query: ActivityQuery): Promise<ActivityPage> {
    return this.activity.feed(user, query);
  }
}
