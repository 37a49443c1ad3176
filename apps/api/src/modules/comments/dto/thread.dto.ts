import { ApiProperty } from '@nestjs/swagger';
import {
  SKIPPED_SUGGESTION_REASONS,
  SUGGESTION_STATUSES,
  type SkippedSuggestionReason,
  type CommentThread,
  type SuggestionsDecision,
  type SuggestionStatus,
  type ThreadAnchor,
  type ThreadComment,
  type ThreadPerson,
  type ThreadSuggestion,
} from '@passerelle/domain';

/** Response shapes (the interfaces live in @passerelle/domain, for the web client). */

export class ThreadPersonDto implements ThreadPerson {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
}

export class ThreadAnchorDto implements ThreadAnchor {
  @ApiProperty({ description: 'base64 of Y.encodeRelativePosition in the `default` fragment' }) start!: string;
  @ApiProperty({ description: 'base64 of Y.encodeRelativePosition in the `default` fragment' }) end!: string;
}

export class ThreadRangeDto {
  @ApiProperty() from!: number;
  @ApiProperty() to!: number;
}

export class CommentDto implements ThreadComment {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) threadId!: string;
  @ApiProperty({ type: ThreadPersonDto, nullable: true }) author!: ThreadPersonDto | null;
  @ApiProperty({ description: 'with mention tokens `@[Name](user:<uuid>)`; empty once deleted' }) body!: string;
  @ApiProperty({ type: ThreadPersonDto, isArray: true }) mentions!: ThreadPersonDto[];
  @ApiProperty({ type: String, format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) editedAt!: string | null;
  @ApiProperty() deleted!: boolean;
}

export class SuggestionDto implements ThreadSuggestion {
  @ApiProperty({ description: 'the proposed replacement for the passage (empty: delete it)' }) text!: string;
  @ApiProperty({ enum: SUGGESTION_STATUSES }) status!: SuggestionStatus;
  @ApiProperty({ type: ThreadPersonDto, nullable: true }) decidedBy!: ThreadPersonDto | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) decidedAt!: string | null;
}

export class ThreadDto implements CommentThread {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) documentId!: string;
  @ApiProperty({ type: ThreadAnchorDto }) anchor!: ThreadAnchorDto;
  @ApiProperty({ description: 'the passage when the thread was opened' }) quote!: string;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'the passage now (blocks separated by a line break); null when detached',
  })
  currentQuote!: string | null;
  @ApiProperty({ description: 'the anchored text was deleted' }) detached!: boolean;
  @ApiProperty({
    type: ThreadRangeDto,
    nullable: true,
    description: 'ProseMirror positions of the passage in the current content, as the editor binding computes them',
  })
  range!: ThreadRangeDto | null;
  @ApiProperty() resolved!: boolean;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) resolvedAt!: string | null;
  @ApiProperty({ type: ThreadPersonDto, nullable: true }) resolvedBy!: ThreadPersonDto | null;
  @ApiProperty({ type: ThreadPersonDto, nullable: true }) createdBy!: ThreadPersonDto | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: String, format: 'date-time' }) updatedAt!: string;
  @ApiProperty({ type: CommentDto, isArray: true }) comments!: CommentDto[];
  @ApiProperty({ type: SuggestionDto, nullable: true }) suggestion!: SuggestionDto | null;
}

export class SkippedSuggestionDto {
  @ApiProperty({ format: 'uuid' }) threadId!: string;
  @ApiProperty({
    enum: SKIPPED_SUGGESTION_REASONS,
    description:
      'detached: its passage was deleted; changed: its passage changed since the suggestion was made; ' +
      'overlaps: its passage overlaps one applied before it',
  })
  reason!: SkippedSuggestionReason;
}

export class SuggestionsDecisionDto implements SuggestionsDecision {
  @ApiProperty({ type: String, isArray: true, description: 'threads decided, in the order applied' })
  decided!: string[];
  @ApiProperty({ type: SkippedSuggestionDto, isArray: true, description: 'pending suggestions left pending' })
  skipped!: SkippedSuggestionDto[];
}
