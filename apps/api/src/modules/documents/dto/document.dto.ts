import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import {
  DOCUMENT_ACTIONS,
  DOCUMENT_KINDS,
  DOCUMENT_STATUSES,
  LANGUAGES,
  LIMITS,
  PHASES,
  type DocumentAction,
  type DocumentKind,
  type DocumentStatus,
  type Language,
  type Phase,
} from '@passerelle/domain';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const toBoolean = ({ value }: { value: unknown }) =>
  value === '' ? undefined : value === 'true' ? true : value === 'false' ? false : value;
/** `?cityId=&kind=` (empty values) means "no filter", as the contract writes it. */
const emptyToUndefined = ({ value }: { value: unknown }) => (value === '' ? undefined : value);

/** The largest page of the documents list (`limit`); without `limit` the list is whole. */
export const DOCUMENTS_PAGE_MAX_LIMIT = 1000;

/** A document as the API shows it, with what the caller may do to it. */
export class DocumentDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'null for programme documents' })
  cityId!: string | null;
  @ApiProperty({ enum: DOCUMENT_KINDS }) kind!: DocumentKind;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: LANGUAGES, description: 'the content language' }) language!: Language;
  @ApiProperty({ enum: DOCUMENT_STATUSES }) status!: DocumentStatus;
  @ApiProperty() published!: boolean;
  @ApiProperty({ enum: PHASES }) phase!: Phase;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: String, format: 'date-time' }) updatedAt!: string;
  @ApiProperty({ enum: DOCUMENT_ACTIONS, isArray: true, description: "the caller's allowed actions" })
  permissions!: DocumentAction[];
}

export class ListDocumentsQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsUUID()
  cityId?: string;

  @ApiPropertyOptional({ enum: DOCUMENT_KINDS })
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsIn(DOCUMENT_KINDS)
  kind?: DocumentKind;

  @ApiPropertyOptional({ enum: DOCUMENT_STATUSES })
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsIn(DOCUMENT_STATUSES)
  status?: DocumentStatus;

  @ApiPropertyOptional({ type: Boolean, description: 'only published (true) or unpublished (false) documents' })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  published?: boolean;

  @ApiPropertyOptional({
    minimum: 1,
    maximum: DOCUMENTS_PAGE_MAX_LIMIT,
    description: 'at most this many documents (one page); every readable document when omitted',
  })
  @Transform(emptyToUndefined)
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(DOCUMENTS_PAGE_MAX_LIMIT)
  limit?: number;

  @ApiPropertyOptional({ minimum: 0, default: 0, description: 'documents to skip before the page (with limit)' })
  @Transform(emptyToUndefined)
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  offset?: number;
}

export class CreateDocumentDto {
  @ApiPropertyOptional({
    format: 'uuid',
    nullable: true,
    type: String,
    description: 'the owning city; omitted or null for a programme document (coordinators only)',
  })
  @IsOptional()
  @IsUUID()
  cityId?: string | null;

  @ApiProperty({ enum: DOCUMENT_KINDS })
  @IsIn(DOCUMENT_KINDS)
  kind!: DocumentKind;

  @ApiPropertyOptional({ maxLength: LIMITS.titleMaxLength, description: "defaults to the kind's localized title" })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(LIMITS.titleMaxLength)
  title?: string;

  @ApiPropertyOptional({ enum: LANGUAGES, description: "the content language; defaults to the city's first language" })
  @IsOptional()
  @IsIn(LANGUAGES)
  language?: Language;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'for a programme document when several programmes exist; otherwise taken from the city',
  })
  @IsOptional()
  @IsUUID()
  programmeId?: string;
}

export class UpdateDocumentDto {
  @ApiPropertyOptional({ maxLength: LIMITS.titleMaxLength })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(LIMITS.titleMaxLength)
  title?: string;

  @ApiPropertyOptional({ enum: LANGUAGES })
  @IsOptional()
  @IsIn(LANGUAGES)
  language?: Language;
}
