import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { AuthUser } from '../../core/auth/auth-user';
import { CurrentUser } from '../../core/auth/decorators';
import { CreateMilestoneDto, MilestoneResponse, UpdateMilestoneDto } from './dto/milestone.dto';
import {
  CreatePilotProjectDto,
  ListPilotProjectsQuery,
  PilotProjectResponse,
  UpdatePilotProjectDto,
} from './dto/pilot-project.dto';
import { CreateProgressDto, ProgressResponse } from './dto/progress.dto';
import { PilotProjectWorkService } from './pilot-project-work.service';
import { PilotProjectsService } from './pilot-projects.service';

const NOT_FOUND = 'no such pilot project within the caller’s reach';
const FORBIDDEN = 'the caller reads the city but may not manage its pilot projects';
const CLOSED = 'the project is completed or cancelled, or the status change is not allowed';

@ApiTags('pilot-projects')
@ApiBearerAuth()
@Controller('pilot-projects')
export class PilotProjectsController {
  constructor(
    private readonly projects: PilotProjectsService,
    private readonly work: PilotProjectWorkService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'The pilot projects the caller can read (members of the city and coordinators)' })
  @ApiOkResponse({ type: [PilotProjectResponse] })
  @ApiBadRequestResponse({ description: 'a filter is not valid (the field is named)' })
  list(@CurrentUser() user: AuthUser, @Query() query: ListPilotProjectsQuery): Promise<PilotProjectResponse[]> {
    return this.projects.list(user, query);
  }

  @Post()
  @ApiOperation({
    summary: 'Creates a proposed pilot project and its co-edited description (a note)',
    description: 'Editors of the city and coordinators.',
  })
  @ApiCreatedResponse({ type: PilotProjectResponse })
  @ApiBadRequestResponse({ description: 'invalid input (the field is named)' })
  @ApiForbiddenResponse({ description: FORBIDDEN })
  @ApiNotFoundResponse({ description: 'no such city within the caller’s reach' })
  create(@CurrentUser() user: AuthUser, @Body() body: CreatePilotProjectDto): Promise<PilotProjectResponse> {
    return this.projects.create(user, body);
  }

  @Get(':id')
  @ApiOkResponse({ type: PilotProjectResponse })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  get(@CurrentUser() user: AuthUser, @Param('id') id: string): Promise<PilotProjectResponse> {
    return this.projects.get(user, id);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Changes fields and/or moves the status along an allowed transition' })
  @ApiOkResponse({ type: PilotProjectResponse })
  @ApiBadRequestResponse({ description: 'invalid input (the field is named)' })
  @ApiForbiddenResponse({ description: FORBIDDEN })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  @ApiConflictResponse({ description: CLOSED })
  update(
    @CurrentUser() user: AuthUser,
    @Param('id') id: string,
    @Body() body: UpdatePilotProjectDto,
  ): Promise<PilotProjectResponse> {
    return this.projects.update(user, id, body);
  }

  @Post(':id/milestones')
  @ApiCreatedResponse({ type: MilestoneResponse })
  @ApiBadRequestResponse({ description: 'invalid input (the field is named)' })
  @ApiForbiddenResponse({ description: FORBIDDEN })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  @ApiConflictResponse({ description: CLOSED })
  addMilestone(
    @CurrentUser() user: AuthUser,
    @Param('id') id: string,
    @Body() body: CreateMilestoneDto,
  ): Promise<MilestoneResponse> {
    return this.work.addMilestone(user, id, body);
  }

  @Patch(':id/milestones/:milestoneId')
  @ApiOperation({ summary: 'Changes a milestone; marking it done stamps completedAt' })
  @ApiOkResponse({ type: MilestoneResponse })
  @ApiBadRequestResponse({ description: 'invalid input (the field is named)' })
  @ApiForbiddenResponse({ description: FORBIDDEN })
  @ApiNotFoundResponse({ description: 'no such project or milestone within the caller’s reach' })
  @ApiConflictResponse({ description: CLOSED })
  updateMilestone(
    @CurrentUser() user: AuthUser,
    @Param('id') id: string,
    @Param('milestoneId') milestoneId: string,
    @Body() body: UpdateMilestoneDto,
  ): Promise<MilestoneResponse> {
    return this.work.updateMilestone(user, id, milestoneId, body);
  }

  @Delete(':id/milestones/:milestoneId')
  @HttpCode(204)
  @ApiNoContentResponse()
  @ApiForbiddenResponse({ description: FORBIDDEN })
  @ApiNotFoundResponse({ description: 'no such project or milestone within the caller’s reach' })
  @ApiConflictResponse({ description: CLOSED })
  deleteMilestone(
    @CurrentUser() user: AuthUser,
    @Param('id') id: string,
    @Param('milestoneId') milestoneId: string,
  ): Promise<void> {
    return this.work.deleteMilestone(user, id, milestoneId);
  }

  @Post(':id/progress')
  @ApiOperation({ summary: 'Adds a progress update (a percentage and a note)' })
  @ApiCreatedResponse({ type: ProgressResponse })
  @ApiBadRequestResponse({ description: 'invalid input (the field is named)' })
  @ApiForbiddenResponse({ description: FORBIDDEN })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  @ApiConflictResponse({ description: CLOSED })
  addProgress(
    @CurrentUser() user: AuthUser,
    @Param('id') id: string,
    @Body() body: CreateProgressDto,
  ): Promise<ProgressResponse> {
    return this.work.addProgress(user, id, body);
  }

  @Get(':id/progress')
  @ApiOperation({ summary: 'The progress updates, newest first' })
  @ApiOkResponse({ type: [ProgressResponse] })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  listProgress(@CurrentUser() user: AuthUser, @Param('id') id: string): Promise<ProgressResponse[]> {
    return this.work.listProgress(user, id);
  }
}
