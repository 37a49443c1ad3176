import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsIn, IsString, MaxLength } from 'class-validator';
import { CITY_ROLES, CityRole, Language, LANGUAGES, Phase, PHASES } from '@passerelle/domain';
import { IsOmittable } from '../../../core/validation/omittable';
import type { CityEntity } from '../city.entity';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class CityNamesResponse {
  @ApiProperty({ example: 'Tangier' }) en!: string;
  @ApiProperty({ example: 'Tanger' }) fr!: string;
  @ApiProperty({ example: 'طنجة' }) ar!: string;
}

export class CityResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'tangier' }) slug!: string;
  @ApiProperty({ example: 'Tangier' }) name!: string;
  @ApiProperty({ example: 'Morocco' }) country!: string;
  @ApiProperty({ enum: PHASES }) phase!: Phase;
  @ApiProperty({ type: CityNamesResponse }) names!: Record<Language, string>;
  @ApiProperty({ example: 'MA' }) countryCode!: string;
  @ApiProperty({ enum: LANGUAGES, isArray: true, description: 'working languages, the main one first' })
  languages!: Language[];
  @ApiProperty() description!: string;
  @ApiProperty({ enum: CITY_ROLES, nullable: true, description: "the caller's role in this city" })
  memberRole!: CityRole | null;
}

export class UpdateCityDto {
  @ApiPropertyOptional({ enum: PHASES })
  @IsOmittable()
  @IsIn(PHASES)
  phase?: Phase;

  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOmittable()
  @Transform(trim)
  @IsString()
  @MaxLength(2000)
  description?: string;

  @ApiPropertyOptional({ enum: LANGUAGES, isArray: true })
  @IsOmittable()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(LANGUAGES.length)
  @ArrayUnique()
  @IsIn(LANGUAGES, { each: true })
  languages?: Language[];
}

/** A city as its caller sees it: `memberRole` is the caller's own role there, or null. */
export function mapCity(city: CityEntity, memberRole: CityRole | null): CityResponse {
  const names = city.names ?? {};
  return {
    id: city.id,
    slug: city.slug,
    name: city.name,
    country: city.country,
    phase: city.phase,
    names: { en: names.en ?? city.name, fr: names.fr ?? city.name, ar: names.ar ?? city.name },
    countryCode: city.countryCode,
    languages: city.languages,
    description: city.description,
    memberRole,
  };
}
