import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsISO4217CurrencyCode,
  IsNotEmpty,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';
import { LANGUAGES, LIMITS, PILOT_PROJECT_STATUSES, type Language, type PilotProjectStatus } from '@passerelle/domain';
import { emptyToUndefined, IsCalendarDate, trim, UpperCase } from './validation';
import { MilestoneResponse } from './milestone.dto';
import { ProgressResponse } from './progress.dto';

export const MAX_BUDGET = 999_999_999_999.99;

export class ListPilotProjectsQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'only the projects of this city' })
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsUUID()
  cityId?: string;

  @ApiPropertyOptional({ enum: PILOT_PROJECT_STATUSES })
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsIn(PILOT_PROJECT_STATUSES)
  status?: PilotProjectStatus;

  @ApiPropertyOptional({ format: 'uuid', description: 'only the projects of this theme' })
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsUUID()
  themeId?: string;
}

/**
 * The fields people edit, shared by creation and update. In an update an absent field stays as
 * it is and `null` clears a field that may be empty.
 */
class PilotProjectFieldsDto {
  @ApiPropertyOptional({ example: 'A welcome desk in the Guillotière neighbourhood', maxLength: 2000 })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(2000)
  summary?: string | null;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String, description: 'a theme of the programme' })
  @IsOptional()
  @IsUUID()
  themeId?: string | null;

  @ApiPropertyOptional({
    nullable: true,
    type: String,
    maxLength: 500,
    description: "the priority of the city's adopted priority paper that the project implements",
  })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(500)
  priority?: string | null;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String })
  @IsOptional()
  @IsUUID()
  leadOrganisationId?: string | null;

  @ApiPropertyOptional({ type: [String], format: 'uuid', description: 'the partner organisations (replaces the list)' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  partnerOrganisationIds?: string[] | null;

  @ApiPropertyOptional({ type: String, format: 'date', nullable: true, example: '2025-01-15' })
  @IsOptional()
  @IsCalendarDate()
  startDate?: string | null;

  @ApiPropertyOptional({ type: String, format: 'date', nullable: true, description: 'not before startDate' })
  @IsOptional()
  @IsCalendarDate()
  endDate?: string | null;

  @ApiPropertyOptional({ type: Number, nullable: true, minimum: 0, maximum: MAX_BUDGET, example: 120000 })
  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 2, allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(MAX_BUDGET)
  budget?: number | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'EUR', description: 'ISO 4217; needed with a budget' })
  @IsOptional()
  @UpperCase()
  @IsISO4217CurrencyCode()
  currency?: string | null;
}

export class CreatePilotProjectDto extends PilotProjectFieldsDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  cityId!: string;

  @ApiProperty({ maxLength: LIMITS.titleMaxLength, example: 'Welcome desk for newcomers' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(LIMITS.titleMaxLength)
  title!: string;

  @ApiPropertyOptional({
    enum: LANGUAGES,
    description: "the language of the co-edited description document; the city's first language by default",
  })
  @IsOptional()
  @IsIn(LANGUAGES)
  language?: Language;
}

export class UpdatePilotProjectDto extends PilotProjectFieldsDto {
  @ApiPropertyOptional({ maxLength: LIMITS.titleMaxLength })
  @ValidateIf((o: UpdatePilotProjectDto) => o.title !== undefined)
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(LIMITS.titleMaxLength)
  title?: string;

  @ApiPropertyOptional({ enum: PILOT_PROJECT_STATUSES, description: 'only along the allowed transitions (else 409)' })
  @ValidateIf((o: UpdatePilotProjectDto) => o.status !== undefined)
  @IsIn(PILOT_PROJECT_STATUSES)
  status?: PilotProjectStatus;
}

export class LatestProgressResponse {
  @ApiProperty({ minimum: 0, maximum: 100 }) percent!: number;
  @ApiProperty() note!: string;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt!: string;
}

export class PilotProjectResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) cityId!: string;
  @ApiProperty() title!: string;
  @ApiProperty() summary!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) themeId!: string | null;
  @ApiProperty({ type: String, nullable: true }) priority!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) leadOrganisationId!: string | null;
  @ApiProperty({ type: [String], format: 'uuid' }) partnerOrganisationIds!: string[];
  @ApiProperty({ type: String, format: 'date', nullable: true }) startDate!: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) endDate!: string | null;
  @ApiProperty({ type: Number, nullable: true }) budget!: number | null;
  @ApiProperty({ type: String, nullable: true, example: 'EUR' }) currency!: string | null;
  @ApiProperty({ enum: PILOT_PROJECT_STATUSES }) status!: PilotProjectStatus;
  @ApiProperty({ enum: PILOT_PROJECT_STATUSES, isArray: true, description: 'the statuses it may move to next' })
  allowedTransitions!: PilotProjectStatus[];
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'the co-edited description (a note)' })
  descriptionDocumentId!: string | null;
  @ApiProperty({ type: [MilestoneResponse] }) milestones!: MilestoneResponse[];
  @ApiProperty({ description: 'milestones past their due date and neither done nor cancelled' })
  overdueMilestones!: number;
  @ApiProperty({ type: Number, nullable: true, description: 'the percent of the latest progress update' })
  progressPercent!: number | null;
  @ApiProperty({ type: LatestProgressResponse, nullable: true }) latestProgress!: LatestProgressResponse | null;
  @ApiProperty({ description: 'whether the caller may change the project, its milestones and progress' })
  canManage!: boolean;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) createdBy!: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: String, format: 'date-time' }) updatedAt!: string;
}

export { MilestoneResponse, ProgressResponse };
