import { applyDecorators, Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
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
import type { DocumentTransition } from '@passerelle/domain';
import type { AuthUser } from '../../core/auth/auth-user';
import { CurrentUser } from '../../core/auth/decorators';
import { RequestMeta, type ClientMeta } from '../audit/request-meta.decorator';
import { DocumentDto } from '../documents/dto/document.dto';
import { DecideReviewDto, ReviewSummaryResponse } from './dto/review.dto';
import { ReviewsService } from './reviews.service';

const NOT_FOUND = { description: 'no such document within the caller’s reach' };
const CONFLICT = { description: 'the document’s status does not allow it (the message says why)' };

/** One route per move of the status machine; each answers the document as it now is. */
const Move = (path: string, summary: string, who: string) =>
  applyDecorators(
    Post(path),
    HttpCode(200),
    ApiOperation({ summary, description: `Who: ${who}.` }),
    ApiOkResponse({ type: DocumentDto }),
    ApiForbiddenResponse({ description: 'the caller’s role may not do this' }),
    ApiNotFoundResponse(NOT_FOUND),
    ApiConflictResponse(CONFLICT),
  );

@ApiTags('reviews')
@ApiBearerAuth()
@Controller('documents/:id')
export class ReviewsController {
  constructor(private readonly reviews: ReviewsService) {}

  private move(user: AuthUser, id: string, transition: DocumentTransition, meta: ClientMeta) {
    return this.reviews.move(user, id, transition, meta.ip);
  }

  @Move(
    'submit',
    'Submits the document for review (a version is saved; again while in review: a new round)',
    'editors of the city and coordinators',
  )
  submit(@CurrentUser() user: AuthUser, @Param('id') id: string, @RequestMeta() meta: ClientMeta) {
    return this.move(user, id, 'submit', meta);
  }

  @Move(
    'adopt',
    'Adopts the document in review: an immutable version is frozen and the content becomes read-only',
    'coordinators',
  )
  adopt(@CurrentUser() user: AuthUser, @Param('id') id: string, @RequestMeta() meta: ClientMeta) {
    return this.move(user, id, 'adopt', meta);
  }

  @Move(
    'revise',
    'Reopens an adopted document as a new revision (back to draft; unpublished)',
    'editors of the city and coordinators',
  )
  revise(@CurrentUser() user: AuthUser, @Param('id') id: string, @RequestMeta() meta: ClientMeta) {
    return this.move(user, id, 'revise', meta);
  }

  @Move('publish', 'Publishes an adopted document: every programme member can read it', 'coordinators')
  publish(@CurrentUser() user: AuthUser, @Param('id') id: string, @RequestMeta() meta: ClientMeta) {
    return this.move(user, id, 'publish', meta);
  }

  @Move('unpublish', 'Withdraws the publication', 'coordinators')
  unpublish(@CurrentUser() user: AuthUser, @Param('id') id: string, @RequestMeta() meta: ClientMeta) {
    return this.move(user, id, 'unpublish', meta);
  }

  @Move('archive', 'Archives the document, from any status (withdraws any publication)', 'coordinators')
  archive(@CurrentUser() user: AuthUser, @Param('id') id: string, @RequestMeta() meta: ClientMeta) {
    return this.move(user, id, 'archive', meta);
  }

  @Move('unarchive', 'Takes the document out of the archive, as a draft', 'coordinators')
  unarchive(@CurrentUser() user: AuthUser, @Param('id') id: string, @RequestMeta() meta: ClientMeta) {
    return this.move(user, id, 'unarchive', meta);
  }

  @Get('reviews')
  @ApiOperation({ summary: 'Where the review stands: the round, who approved or asked for changes, who is pending' })
  @ApiOkResponse({ type: ReviewSummaryResponse })
  @ApiNotFoundResponse(NOT_FOUND)
  summary(@CurrentUser() user: AuthUser, @Param('id') id: string): Promise<ReviewSummaryResponse> {
    return this.reviews.summary(user, id);
  }

  @Post('reviews')
  @ApiOperation({
    summary: 'Approves or requests changes (replaces the caller’s earlier decision in this round)',
    description: 'stakeholders of the city and coordinators, while the document is in review',
  })
  @ApiCreatedResponse({ type: ReviewSummaryResponse })
  @ApiBadRequestResponse({ description: 'invalid decision, or a request for changes without a note' })
  @ApiForbiddenResponse({ description: 'the caller’s role may not review' })
  @ApiNotFoundResponse(NOT_FOUND)
  @ApiConflictResponse({ description: 'the document is not in review' })
  decide(
    @CurrentUser() user: AuthUser,
    @Param('id') id: string,
    @Body() body: DecideReviewDto,
  ): Promise<ReviewSummaryResponse> {
    return this.reviews.decide(user, id, body);
  }
}
