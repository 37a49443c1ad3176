import { Body, Controller, Get, Param, Patch, Post, Query, Res } from '@nestjs/common';
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
import { RENDERED_CONTENT_RESPONSE, sendRendered } from './content/send-rendered';
import { ContentQuery } from './dto/content-format.dto';
import { CreateDocumentDto, DocumentDto, ListDocumentsQuery, UpdateDocumentDto } from './dto/document.dto';
import { DocumentsService } from './documents.service';

@ApiTags('documents')
@ApiBearerAuth()
@Controller('documents')
export class DocumentsController {
  constructor(private readonly documents: DocumentsService) {}

  @Get()
  @ApiOperation({
    summary: 'The documents the caller can read, newest change first',
    description: 'All of them, or one page with limit (and offset).',
  })
  @ApiOkResponse({ type: DocumentDto, isArray: true })
  @ApiBadRequestResponse({ description: 'a filter is not valid (the field is named)' })
  async list(@CurrentUser() user: AuthUser, @Query() query: ListDocumentsQuery, @Res() res: Response): Promise<void> {
    // Sent as bytes the service may have kept from an identical list (see DocumentsService.listResponse).
    const list = await this.documents.listResponse(user, query);
    res.type('json').set('ETag', list.etag).send(list.body);
  }

  @Post()
  @ApiOperation({
    summary: "Creates a document from its kind's template, in its language",
    description: 'Editors of the city and coordinators may create; coordinators also create programme documents.',
  })
  @ApiCreatedResponse({ type: DocumentDto })
  @ApiBadRequestResponse({ description: 'invalid input (the field is named)' })
  @ApiForbiddenResponse({ description: 'the caller may not create documents in this city' })
  @ApiNotFoundResponse({ description: 'no such city within the caller’s reach' })
  create(@CurrentUser() user: AuthUser, @Body() body: CreateDocumentDto): Promise<DocumentDto> {
    return this.documents.create(user, body);
  }

  @Get(':id')
  @ApiOkResponse({ type: DocumentDto })
  @ApiNotFoundResponse({ description: 'no such document within the caller’s reach' })
  async get(@CurrentUser() user: AuthUser, @Param('id') id: string): Promise<DocumentDto> {
    return this.documents.toDto(user, await this.documents.getFor(user, id));
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Changes the title or the content language' })
  @ApiOkResponse({ type: DocumentDto })
  @ApiForbiddenResponse({ description: 'the caller may not edit this document' })
  @ApiNotFoundResponse({ description: 'no such document within the caller’s reach' })
  @ApiConflictResponse({ description: 'the document is adopted or archived' })
  update(
    @CurrentUser() user: AuthUser,
    @Param('id') id: string,
    @Body() body: UpdateDocumentDto,
  ): Promise<DocumentDto> {
    return this.documents.update(user, id, body);
  }

  @Get(':id/content')
  @ApiOperation({ summary: 'The current content, rendered on the server (markdown by default)' })
  @ApiOkResponse(RENDERED_CONTENT_RESPONSE)
  @ApiBadRequestResponse({ description: 'unknown format' })
  @ApiNotFoundResponse({ description: 'no such document within the caller’s reach' })
  async content(
    @CurrentUser() user: AuthUser,
    @Param('id') id: string,
    @Query() query: ContentQuery,
    @Res({ passthrough: true }) res: Response,
  ) {
    return sendRendered(res, await this.documents.content(user, id, query.format ?? 'markdown'));
  }
}
