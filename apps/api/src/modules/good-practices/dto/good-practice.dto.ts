import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
} from 'class-validator';
import { DOCUMENT_STATUSES, LANGUAGES, type DocumentStatus, type Language } from '@passerelle/domain';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const emptyToUndefined = ({ value }: { value: unknown }) => (value === '' ? undefined : value);

export const ADOPTION_NOTE_MAX_LENGTH = 2000;

export class ListGoodPracticesQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'practices classified under this theme' })
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsUUID()
  themeId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'practices of this city' })
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsUUID()
  cityId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'practices this city took up' })
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsUUID()
  adoptedBy?: string;
}

export class AddThemesDto {
  @ApiProperty({ type: String, format: 'uuid', isArray: true, minItems: 1, maxItems: 20 })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  themeIds!: string[];
}

export class CreateAdoptionDto {
  @ApiProperty({ format: 'uuid', description: 'the city that took the practice up' })
  @IsUUID()
  cityId!: string;

  @ApiPropertyOptional({ format: 'uuid', description: "one of that city's pilot projects that applies it" })
  @IsOptional()
  @IsUUID()
  pilotProjectId?: string;

  @ApiPropertyOptional({ maxLength: ADOPTION_NOTE_MAX_LENGTH, description: 'how the city adapted it' })
  @Transform(trim)
  @IsOptional()
  @IsString()
  @MaxLength(ADOPTION_NOTE_MAX_LENGTH)
  note?: string;
}

export class GoodPracticeCity {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() slug!: string;
  @ApiProperty() name!: string;
}

export class GoodPracticeTheme {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() slug!: string;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' }, example: { en: 'Urban planning' } })
  names!: Partial<Record<Language, string>>;
}

export class AdoptionPilotProject {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() title!: string;
}

export class GoodPracticeAdoption {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) documentId!: string;
  @ApiProperty({ type: GoodPracticeCity }) city!: GoodPracticeCity;
  @ApiProperty({
    type: AdoptionPilotProject,
    nullable: true,
    description: "null when none is named, or when the caller may not read that city's pilot projects",
  })
  pilotProject!: AdoptionPilotProject | null;
  @ApiProperty() note!: string;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt!: string;
  @ApiProperty({ description: 'the caller may remove this adoption' }) canRemove!: boolean;
}

export class GoodPracticeResponse {
  @ApiProperty({ format: 'uuid', description: 'the good-practice document' }) id!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: LANGUAGES }) language!: Language;
  @ApiProperty({ enum: DOCUMENT_STATUSES }) status!: DocumentStatus;
  @ApiProperty({ description: 'false: a draft the caller can read because it is their city’s' }) published!: boolean;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) cityId!: string | null;
  @ApiProperty({ type: GoodPracticeCity, nullable: true }) city!: GoodPracticeCity | null;
  @ApiProperty({ description: 'the opening of the text' }) excerpt!: string;
  @ApiProperty({ type: String, format: 'date-time' }) updatedAt!: string;
  @ApiProperty({ type: GoodPracticeTheme, isArray: true }) themes!: GoodPracticeTheme[];
  @ApiProperty({ type: GoodPracticeAdoption, isArray: true }) adoptions!: GoodPracticeAdoption[];
  @ApiProperty({ description: 'the caller may classify it under themes' }) canClassify!: boolean;
}
