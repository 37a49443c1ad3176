import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsInt, IsOptional, IsUUID, Matches, Max, Min } from 'class-validator';

const emptyToUndefined = ({ value }: { value: unknown }) => (value === '' ? undefined : value);

export class ActivityQuery {
  @ApiPropertyOptional({ format: 'uuid', description: "a city's feed; the programme feed when omitted" })
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsUUID()
  cityId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: "one document's activity" })
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsUUID()
  documentId?: string;

  @ApiPropertyOptional({ example: '1234', description: 'an entry id: the entries older than it (the next page)' })
  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^\d{1,18}$/, { message: 'before must be an activity entry id' })
  before?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 30 })
  @Transform(emptyToUndefined)
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;
}

export class ActivityPerson {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
}

export class ActivityCity {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() slug!: string;
  @ApiProperty() name!: string;
}

export class ActivityDocument {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() title!: string;
}

export class ActivityTarget {
  @ApiProperty({ example: 'pilot_project' }) type!: string;
  @ApiProperty() id!: string;
}

export class ActivityEntryResponse {
  @ApiProperty({ example: '42' }) id!: string;
  @ApiProperty({
    example: 'document.edited',
    description:
      'document.created|updated|edited|submitted|adopted|revised|published|unpublished|archived|unarchived, ' +
      'review.approved|changes_requested, version.created|restored, thread.created|resolved|reopened, ' +
      'comment.created (a reply), suggestion.accepted|rejected, pilot_project.created|updated|status_changed|progress_added, ' +
      'milestone.changed, indicators.updated, city.updated, membership.changed, event.created|updated|deleted',
  })
  verb!: string;
  @ApiProperty({ type: ActivityPerson, nullable: true, description: 'null once the account is gone' })
  actor!: ActivityPerson | null;
  @ApiProperty({ type: ActivityCity, nullable: true }) city!: ActivityCity | null;
  @ApiProperty({ type: ActivityDocument, nullable: true }) document!: ActivityDocument | null;
  @ApiProperty({ type: ActivityTarget, nullable: true }) target!: ActivityTarget | null;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'details of the verb; document.edited: {count} changes in the hour starting at createdAt',
  })
  data!: Record<string, unknown>;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: String, format: 'date-time', description: 'the last change counted in an edit summary' })
  updatedAt!: string;
}

export class ActivityPage {
  @ApiProperty({ type: ActivityEntryResponse, isArray: true, description: 'newest first' })
  items!: ActivityEntryResponse[];
  @ApiProperty({ type: String, nullable: true, description: 'pass as `before` for the next page; null at the end' })
  nextBefore!: string | null;
}
