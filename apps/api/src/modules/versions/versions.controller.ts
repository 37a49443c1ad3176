import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import type { AuthUser } from '../../core/auth/auth-user';
import { CurrentUser } from '../../core/auth/decorators';
import { RENDERED_CONTENT_RESPONSE, sendRendered } from '../documents/content/send-rendered';
import { ContentQuery } from '../documents/dto/content-format.dto';
import { CreateVersionDto, RestoreResultDto, VersionDto } from './dto/version.dto';
import { VersionsService } from './versions.service';

const NOT_FOUND = { description: 'no such document within the caller’s reach, or no such version of it' };

@ApiTags('versions')
@ApiBearerAuth()
@Controller('documents/:id/versions')
export class VersionsController {
  constructor(private readonly versions: VersionsService) {}

  @Get()
  @ApiOperation({ summary: "The document's versions, newest first" })
  @ApiOkResponse({ type: VersionDto, isArray: true })
  @ApiNotFoundResponse(NOT_FOUND)
  list(@CurrentUser() user: AuthUser, @Param('id') id: string): Promise<VersionDto[]> {
    return this.versions.list(user, id);
  }

  @Post()
  @ApiOperation({ summary: 'Saves the current content as a named version' })
  @ApiCreatedResponse({ type: VersionDto })
  @ApiBadRequestResponse({ description: 'label missing or too long' })
  @ApiForbiddenResponse({ description: 'the caller may not create versions of this document' })
  @ApiNotFoundResponse(NOT_FOUND)
  create(@CurrentUser() user: AuthUser, @Param('id') id: string, @Body() body: CreateVersionDto): Promise<VersionDto> {
    return this.versions.create(user, id, body.label);
  }

  @Get(':versionId')
  @ApiOkResponse({ type: VersionDto })
  @ApiNotFoundResponse(NOT_FOUND)
  get(
    @CurrentUser() user: AuthUser,
    @Param('id') id: string,
    @Param('versionId') versionId: string,
  ): Promise<VersionDto> {
    return this.versions.get(user, id, versionId);
  }

  @Get(':versionId/content')
  @ApiOperation({ summary: "A version's content, rendered on the server (markdown by default)" })
  @ApiOkResponse(RENDERED_CONTENT_RESPONSE)
  @ApiBadRequestResponse({ description: 'unknown format' })
  @ApiNotFoundResponse(NOT_FOUND)
  async content(
    @CurrentUser() user: AuthUser,
    @Param('id') id: string,
    @Param('versionId') versionId: string,
    @Query() query: ContentQuery,
    @Res({ passthrough: true }) res: Response,
  ) {
    return sendRendered(res, await this.versions.content(user, id, versionId, query.format ?? 'markdown'));
  }

  @Post(':versionId/restore')
  @HttpCode(200)
  @ApiOperation({
    summary: "Restores a version's content as a new change",
    description:
      'The current content is first saved as a version (reason `restore`); then the content becomes the version’s, ' +
      'as an ordinary change that every open editor receives live. History is never rewritten.',
  })
  @ApiOkResponse({ type: RestoreResultDto })
  @ApiForbiddenResponse({ description: 'the caller may not edit this document' })
  @ApiConflictResponse({ description: 'the document is adopted or archived' })
  @ApiNotFoundResponse(NOT_FOUND)
  restore(
    @CurrentUser() user: AuthUser,
    @Param('id') id: string,
    @Param('versionId') versionId: string,
  ): Promise<RestoreResultDto> {
    return this.versions.restore(user, id, versionId);
  }
}
