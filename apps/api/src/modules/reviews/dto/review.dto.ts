import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import {
  APPROVAL_DECISIONS,
  DOCUMENT_STATUSES,
  DOCUMENT_TRANSITIONS,
  LIMITS,
  REVIEW_STATES,
  type ApprovalDecision,
  type DocumentStatus,
  type DocumentTransition,
  type ReviewState,
  type ReviewSummaryDto,
} from '@passerelle/domain';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class DecideReviewDto {
  @ApiProperty({ enum: APPROVAL_DECISIONS })
  @IsIn(APPROVAL_DECISIONS)
  decision!: ApprovalDecision;

  @ApiPropertyOptional({
    maxLength: LIMITS.commentMaxLength,
    description: 'why; required when requesting changes (what should change)',
  })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(LIMITS.commentMaxLength)
  note?: string;
}

export class PersonRef {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
}

export class ReviewDecisionResponse {
  @ApiProperty({ type: PersonRef }) reviewer!: PersonRef;
  @ApiProperty({ enum: APPROVAL_DECISIONS }) decision!: ApprovalDecision;
  @ApiProperty() note!: string;
  @ApiProperty({ type: String, format: 'date-time', description: 'the reviewer’s first decision in this round' })
  createdAt!: string;
  @ApiProperty({ type: String, format: 'date-time', description: 'when the current decision was taken' })
  updatedAt!: string;
}

export class ReviewSummaryResponse implements ReviewSummaryDto {
  @ApiProperty({ format: 'uuid' }) documentId!: string;
  @ApiProperty({ enum: DOCUMENT_STATUSES }) status!: DocumentStatus;
  @ApiProperty() published!: boolean;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'the latest review round; null before the first submission',
  })
  round!: number | null;
  @ApiProperty({ description: 'whether that round is open (the document is in review)' }) open!: boolean;
  @ApiProperty({ enum: REVIEW_STATES }) state!: ReviewState;
  @ApiProperty({ type: PersonRef, nullable: true }) submittedBy!: PersonRef | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) submittedAt!: string | null;
  @ApiProperty({ type: ReviewDecisionResponse, isArray: true, description: 'the current decision of each reviewer' })
  approvals!: ReviewDecisionResponse[];
  @ApiProperty({ type: PersonRef, isArray: true, description: 'stakeholders of the city who have not decided yet' })
  pending!: PersonRef[];
  @ApiProperty({ description: 'the caller may approve or request changes now' }) canReview!: boolean;
  @ApiProperty({ description: 'the caller may adopt now' }) canAdopt!: boolean;
  @ApiProperty({ enum: DOCUMENT_TRANSITIONS, isArray: true, description: 'the moves the caller may make now' })
  transitions!: DocumentTransition[];
}
