import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { LANGUAGES, type Language } from '@passerelle/domain';

export const SEARCH_TYPES = ['document', 'comment', 'pilot_project'] as const;
export type SearchType = (typeof SEARCH_TYPES)[number];

export const SEARCH_QUERY_MAX_LENGTH = 200;
export const SEARCH_DEFAULT_LIMIT = 20;
export const SEARCH_MAX_LIMIT = 50;

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const emptyToUndefined = ({ value }: { value: unknown }) => (value === '' ? undefined : value);
/** `types=document,comment` or `types=document&types=comment`; empty means every type. */
const toTypeList = ({ value }: { value: unknown }) => {
  const parts = (Array.isArray(value) ? value : [value])
    .flatMap((v) => (typeof v === 'string' ? v.split(',') : [v]))
    .map((v) => (typeof v === 'string' ? v.trim() : v))
    .filter((v) => v !== '');
  return parts.length === 0 ? undefined : parts;
};

export class SearchQuery {
  @ApiProperty({
    minLength: 1,
    maxLength: SEARCH_QUERY_MAX_LENGTH,
    description: 'words to find (web search syntax: "a phrase", or, -word), in any of the three languages',
  })
  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'q must not be empty' })
  @MaxLength(SEARCH_QUERY_MAX_LENGTH)
  q!: string;

  @ApiPropertyOptional({
    description: 'comma-separated subset of document, comment, pilot_project (all when omitted)',
    example: 'document,comment',
  })
  @Transform(toTypeList)
  @IsOptional()
  @ArrayMaxSize(SEARCH_TYPES.length)
  @IsIn(SEARCH_TYPES, { each: true, message: `types must be among ${SEARCH_TYPES.join(', ')}` })
  types?: SearchType[];

  @ApiPropertyOptional({ format: 'uuid', description: "only this city's documents, comments and pilot projects" })
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsUUID()
  cityId?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: SEARCH_MAX_LIMIT, default: SEARCH_DEFAULT_LIMIT })
  @Transform(emptyToUndefined)
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(SEARCH_MAX_LIMIT)
  limit?: number;
}

export class SearchCity {
  @ApiProperty() slug!: string;
  @ApiProperty() name!: string;
}

export class SearchResult {
  @ApiProperty({ enum: SEARCH_TYPES }) type!: SearchType;
  @ApiProperty({ format: 'uuid', description: 'the document, comment or pilot project' }) id!: string;
  @ApiProperty({ description: "the document's or pilot project's title (a comment's document)" }) title!: string;
  @ApiProperty({
    description: 'an HTML-escaped passage around the match; the only markup is <mark>…</mark> around matched words',
  })
  snippet!: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'documents and comments: the document' }) documentId?: string;
  @ApiPropertyOptional({ format: 'uuid', description: "comments: the comment's thread" }) threadId?: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'null for programme documents' })
  cityId!: string | null;
  @ApiProperty({ type: SearchCity, nullable: true }) city!: SearchCity | null;
  @ApiProperty({ enum: LANGUAGES, description: "the document's language (a pilot project: its city's)" })
  language!: Language;
  @ApiProperty({ description: 'higher is better; a title match outweighs a match in the text' }) rank!: number;
}

export class SearchResponse {
  @ApiProperty({ type: SearchResult, isArray: true, description: 'best match first' }) results!: SearchResult[];
  @ApiProperty({ description: 'how many matches there are in all (results holds at most `limit`)' }) total!: number;
}
