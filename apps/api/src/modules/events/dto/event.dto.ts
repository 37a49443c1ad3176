import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsISO8601,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  Matches,
  MaxLength,
  ValidateIf,
  ValidateNested,
  IsObject,
} from 'class-validator';
import { EVENT_KINDS, LANGUAGES, LIMITS, type EventKind, type Language } from '@passerelle/domain';
import { applyDecorators } from '@nestjs/common';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const emptyToUndefined = ({ value }: { value: unknown }) => (value === '' ? undefined : value);

/** A moment with its offset (`2025-03-09T09:00:00+01:00` or `…Z`): a time without one is ambiguous. */
const IsInstant = () =>
  applyDecorators(
    IsISO8601({ strict: true }, { message: '$property must be an ISO 8601 date-time' }),
    Matches(/T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/, {
      message: '$property must be a date-time with a time zone offset (such as Z or +01:00)',
    }),
  );

export const WHEN = ['upcoming', 'past'] as const;

export class ListEventsQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'events hosted by, or with the participation of, this city' })
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsUUID()
  cityId?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'events that end at or after this moment (or date)' })
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'events that start at or before this moment (or date)' })
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;

  @ApiPropertyOptional({ enum: WHEN, description: 'upcoming: not yet over, soonest first; past: over, latest first' })
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsIn(WHEN)
  when?: (typeof WHEN)[number];
}

export class AgendaItemDto {
  @ApiPropertyOptional({ example: '09:30', maxLength: 40 })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(40)
  time?: string;

  @ApiProperty({ example: 'Presentation of the migration profile methodology', maxLength: 300 })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  title!: string;
}

/** Shared by creation and update; in an update an absent field stays and `null` clears. */
class EventFieldsDto {
  @ApiPropertyOptional({ maxLength: 10_000 })
  @IsOptional()
  @IsString()
  @MaxLength(10_000)
  description?: string | null;

  @ApiPropertyOptional({
    format: 'uuid',
    nullable: true,
    type: String,
    description: 'none for online or regional events',
  })
  @IsOptional()
  @IsUUID()
  hostCityId?: string | null;

  @ApiPropertyOptional({ type: [String], format: 'uuid', description: 'participating cities (the host is added)' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  cityIds?: string[] | null;

  @ApiPropertyOptional({ type: [String], format: 'uuid', description: 'participating people (user ids)' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(500)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  participantIds?: string[] | null;

  @ApiPropertyOptional({ nullable: true, type: String, maxLength: 300, example: 'Hôtel de la Métropole, Lyon' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(300)
  location?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String, maxLength: 500, example: 'https://meet.example.org/mc2cm' })
  @IsOptional()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true })
  @MaxLength(500)
  onlineUrl?: string | null;

  @ApiPropertyOptional({ type: [AgendaItemDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => AgendaItemDto)
  agenda?: AgendaItemDto[] | null;
}

export class CreateEventDto extends EventFieldsDto {
  @ApiProperty({ enum: EVENT_KINDS })
  @IsIn(EVENT_KINDS)
  kind!: EventKind;

  @ApiProperty({ maxLength: LIMITS.titleMaxLength, example: 'Technical workshop on methodology' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(LIMITS.titleMaxLength)
  title!: string;

  @ApiProperty({ format: 'date-time', example: '2025-03-09T09:00:00+01:00' })
  @IsInstant()
  startsAt!: string;

  @ApiProperty({ format: 'date-time', example: '2025-03-10T17:00:00+01:00', description: 'not before startsAt' })
  @IsInstant()
  endsAt!: string;

  @ApiPropertyOptional({
    enum: LANGUAGES,
    description: "the minutes' language; the host city's first language by default (else English)",
  })
  @IsOptional()
  @IsIn(LANGUAGES)
  language?: Language;

  @ApiPropertyOptional({ format: 'uuid', description: "needed only when no city names the event's programme" })
  @IsOptional()
  @IsUUID()
  programmeId?: string;
}

export class UpdateEventDto extends EventFieldsDto {
  @ApiPropertyOptional({ enum: EVENT_KINDS })
  @ValidateIf((o: UpdateEventDto) => o.kind !== undefined)
  @IsIn(EVENT_KINDS)
  kind?: EventKind;

  @ApiPropertyOptional({ maxLength: LIMITS.titleMaxLength })
  @ValidateIf((o: UpdateEventDto) => o.title !== undefined)
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(LIMITS.titleMaxLength)
  title?: string;

  @ApiPropertyOptional({ format: 'date-time' })
  @ValidateIf((o: UpdateEventDto) => o.startsAt !== undefined)
  @IsInstant()
  startsAt?: string;

  @ApiPropertyOptional({ format: 'date-time' })
  @ValidateIf((o: UpdateEventDto) => o.endsAt !== undefined)
  @IsInstant()
  endsAt?: string;
}

export class EventParticipantResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
}

export class AgendaItemResponse {
  @ApiPropertyOptional() time?: string;
  @ApiProperty() title!: string;
}

export class EventResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) programmeId!: string;
  @ApiProperty({ enum: EVENT_KINDS }) kind!: EventKind;
  @ApiProperty() title!: string;
  @ApiProperty() description!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) hostCityId!: string | null;
  @ApiProperty({ type: [String], format: 'uuid', description: 'participating cities, the host among them' })
  cityIds!: string[];
  @ApiProperty({ type: [EventParticipantResponse] }) participants!: EventParticipantResponse[];
  @ApiProperty({ type: String, format: 'date-time' }) startsAt!: string;
  @ApiProperty({ type: String, format: 'date-time' }) endsAt!: string;
  @ApiProperty({ type: String, nullable: true }) location!: string | null;
  @ApiProperty({ type: String, nullable: true }) onlineUrl!: string | null;
  @ApiProperty({ type: [AgendaItemResponse] }) agenda!: AgendaItemResponse[];
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'the co-edited minutes document' })
  minutesDocumentId!: string | null;
  @ApiProperty({ description: 'whether the caller may change or delete the event' }) canManage!: boolean;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) createdBy!: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: String, format: 'date-time' }) updatedAt!: string;
}
