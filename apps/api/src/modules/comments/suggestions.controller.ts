import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { AuthUser } from '../../core/auth/auth-user';
import { CurrentUser } from '../../core/auth/decorators';
import { SuggestionsDecisionDto, ThreadDto } from './dto/thread.dto';
import { SuggestionsService } from './suggestions.service';

const FORBIDDEN = { description: 'the caller may not edit this document (only its city’s editors may)' };
const NOT_FOUND = {
  description: 'no such document or thread within the caller’s reach, or the thread has no suggestion',
};

@ApiTags('comments')
@ApiBearerAuth()
@Controller()
export class SuggestionsController {
  constructor(private readonly suggestions: SuggestionsService) {}

  @Post('threads/:id/suggestion/accept')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Accepts a thread’s suggestion: its passage is replaced, as an ordinary edit, and the thread resolved',
    description:
      'The replacement takes the formatting of the passage’s first character. A passage over several blocks: ' +
      'the replacement goes into the first block; the range’s text is removed from the others, blocks wholly inside ' +
      'it are removed where the structure allows; the rest of the last block is not joined to the first.',
  })
  @ApiOkResponse({ type: ThreadDto })
  @ApiForbiddenResponse(FORBIDDEN)
  @ApiConflictResponse({
    description: 'document adopted or archived, suggestion already decided, or its passage deleted',
  })
  @ApiNotFoundResponse(NOT_FOUND)
  accept(@CurrentUser() user: AuthUser, @Param('id') id: string): Promise<ThreadDto> {
    return this.suggestions.accept(user, id);
  }

  @Post('threads/:id/suggestion/reject')
  @HttpCode(200)
  @ApiOperation({ summary: 'Rejects a thread’s suggestion; the thread is resolved' })
  @ApiOkResponse({ type: ThreadDto })
  @ApiForbiddenResponse(FORBIDDEN)
  @ApiConflictResponse({ description: 'document adopted or archived, or suggestion already decided' })
  @ApiNotFoundResponse(NOT_FOUND)
  reject(@CurrentUser() user: AuthUser, @Param('id') id: string): Promise<ThreadDto> {
    return this.suggestions.reject(user, id);
  }

  @Post('documents/:id/suggestions/accept-all')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Accepts every pending suggestion, from the end of the document backwards, in one change',
    description:
      'Suggestions whose passage was deleted, or overlaps one just applied, stay pending (listed in `skipped`).',
  })
  @ApiOkResponse({ type: SuggestionsDecisionDto })
  @ApiForbiddenResponse(FORBIDDEN)
  @ApiConflictResponse({ description: 'document adopted or archived' })
  @ApiNotFoundResponse(NOT_FOUND)
  acceptAll(@CurrentUser() user: AuthUser, @Param('id') id: string): Promise<SuggestionsDecisionDto> {
    return this.suggestions.acceptAll(user, id);
  }

  @Post('documents/:id/suggestions/reject-all')
  @HttpCode(200)
  @ApiOperation({ summary: 'Rejects every pending suggestion of the document' })
  @ApiOkResponse({ type: SuggestionsDecisionDto })
  @ApiForbiddenResponse(FORBIDDEN)
  @ApiConflictResponse({ description: 'document adopted or archived' })
  @ApiNotFoundResponse(NOT_FOUND)
  rejectAll(@CurrentUser() user: AuthUser, @Param('id') id: string): Promise<SuggestionsDecisionDto> {
    return this.suggestions.rejectAll(user, id);
  }
}
