import { Controller, Get, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { AuthUser } from '../../core/auth/auth-user';
import { CurrentUser } from '../../core/auth/decorators';
import { DashboardQuery, DashboardResponse } from './dto/dashboard.dto';
import { DashboardService } from './dashboard.service';

@ApiTags('dashboard')
@ApiBearerAuth()
@Controller('dashboard')
export class DashboardController {
  constructor(private readonly dashboard: DashboardService) {}

  @Get()
  @ApiOperation({
    summary: "The coordinators' dashboard: every city's progress through the phases, and the programme at a glance",
    description: 'Counts come as arrays of {key, count}, every key present, for charts. Coordinators and admins only.',
  })
  @ApiOkResponse({ type: DashboardResponse })
  @ApiForbiddenResponse({ description: 'the caller is not a coordinator or an admin' })
  @ApiNotFoundResponse({ description: 'programmeId: no such programme' })
  get(@CurrentUser() user: AuthUser, @Query() query: DashboardQuery): Promise<DashboardResponse> {
    return this.dashboard.get(user, query);
  }
}
