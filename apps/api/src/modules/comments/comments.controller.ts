import { Body, Controller, Delete, HttpCode, Param, Patch } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { AuthUser } from '../../core/auth/auth-user';
import { CurrentUser } from '../../core/auth/decorators';
import { CommentBodyDto } from './dto/requests.dto';
import { CommentDto } from './dto/thread.dto';
import { ThreadsService } from './threads.service';

const NOT_FOUND = { description: 'no such comment within the caller’s reach' };
const FORBIDDEN = { description: 'not the caller’s own comment, or the caller may no longer comment on the document' };

@ApiTags('comments')
@ApiBearerAuth()
@Controller('comments')
export class CommentsController {
  constructor(private readonly threads: ThreadsService) {}

  @Patch(':id')
  @ApiOperation({ summary: 'Edits one’s own comment' })
  @ApiOkResponse({ type: CommentDto })
  @ApiForbiddenResponse(FORBIDDEN)
  @ApiConflictResponse({ description: 'the comment was deleted' })
  @ApiNotFoundResponse(NOT_FOUND)
  edit(@CurrentUser() user: AuthUser, @Param('id') id: string, @Body() body: CommentBodyDto): Promise<CommentDto> {
    return this.threads.editComment(user, id, body.body);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Deletes one’s own comment (it stays in its thread, marked deleted)' })
  @ApiNoContentResponse({ description: 'deleted (or already was)' })
  @ApiForbiddenResponse(FORBIDDEN)
  @ApiNotFoundResponse(NOT_FOUND)
  remove(@CurrentUser() user: AuthUser, @Param('id') id: string): Promise<void> {
    return this.threads.deleteComment(user, id);
  }
}
