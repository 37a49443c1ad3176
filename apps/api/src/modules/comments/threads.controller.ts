import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { AuthUser } from '../../core/auth/auth-user';
import { CurrentUser } from '../../core/auth/decorators';
import { CommentBodyDto, CreateThreadDto, MentionableQuery, UpdateThreadDto } from './dto/requests.dto';
import { CommentDto, ThreadDto, ThreadPersonDto } from './dto/thread.dto';
import { ThreadsService } from './threads.service';

const NOT_FOUND = { description: 'no such document or thread within the caller’s reach' };
const FORBIDDEN = { description: 'the caller may read but not comment on this document (observers, other members)' };

@ApiTags('comments')
@ApiBearerAuth()
@Controller()
export class ThreadsController {
  constructor(private readonly threads: ThreadsService) {}

  @Get('documents/:id/threads')
  @ApiOperation({
    summary: "The document's comment threads, in the order of their passages (detached ones last)",
    description:
      'Anchors are resolved in the current content: `currentQuote`, `range` and `detached` say where each passage is now.',
  })
  @ApiOkResponse({ type: ThreadDto, isArray: true })
  @ApiNotFoundResponse(NOT_FOUND)
  list(@CurrentUser() user: AuthUser, @Param('id') id: string): Promise<ThreadDto[]> {
    return this.threads.list(user, id);
  }

  @Post('documents/:id/threads')
  @ApiOperation({
    summary: 'Opens a thread on a passage, optionally proposing a replacement for it (a suggestion)',
    description:
      'The anchors must be base64 of Yjs relative positions in the `default` fragment that point into the current ' +
      'text, start before end. Mentions of people who cannot read the document become plain text.',
  })
  @ApiCreatedResponse({ type: ThreadDto })
  @ApiBadRequestResponse({ description: 'anchor, quote, body or suggestion invalid (the field is named)' })
  @ApiForbiddenResponse(FORBIDDEN)
  @ApiNotFoundResponse(NOT_FOUND)
  create(@CurrentUser() user: AuthUser, @Param('id') id: string, @Body() body: CreateThreadDto): Promise<ThreadDto> {
    return this.threads.create(user, id, body);
  }

  @Get('documents/:id/mentionable')
  @ApiOperation({
    summary: 'People the caller may @mention in a comment on the document (those who can read it), by name',
    description: 'At most 20. Write a mention as `@[Name](user:<uuid>)`.',
  })
  @ApiOkResponse({ type: ThreadPersonDto, isArray: true })
  @ApiForbiddenResponse(FORBIDDEN)
  @ApiNotFoundResponse(NOT_FOUND)
  mentionable(
    @CurrentUser() user: AuthUser,
    @Param('id') id: string,
    @Query() query: MentionableQuery,
  ): Promise<ThreadPersonDto[]> {
    return this.threads.mentionable(user, id, query.q ?? '');
  }

  @Get('threads/:id')
  @ApiOkResponse({ type: ThreadDto })
  @ApiNotFoundResponse(NOT_FOUND)
  get(@CurrentUser() user: AuthUser, @Param('id') id: string): Promise<ThreadDto> {
    return this.threads.get(user, id);
  }

  @Post('threads/:id/comments')
  @ApiOperation({ summary: 'Replies to a thread' })
  @ApiCreatedResponse({ type: CommentDto })
  @ApiBadRequestResponse({ description: 'body missing or too long' })
  @ApiForbiddenResponse(FORBIDDEN)
  @ApiNotFoundResponse(NOT_FOUND)
  reply(@CurrentUser() user: AuthUser, @Param('id') id: string, @Body() body: CommentBodyDto): Promise<CommentDto> {
    return this.threads.reply(user, id, body.body);
  }

  @Patch('threads/:id')
  @ApiOperation({ summary: 'Resolves or reopens a thread (anyone who may comment)' })
  @ApiOkResponse({ type: ThreadDto })
  @ApiForbiddenResponse(FORBIDDEN)
  @ApiNotFoundResponse(NOT_FOUND)
  update(@CurrentUser() user: AuthUser, @Param('id') id: string, @Body() body: UpdateThreadDto): Promise<ThreadDto> {
    return this.threads.setResolved(user, id, body.resolved);
  }
}
