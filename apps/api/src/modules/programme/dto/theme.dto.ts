import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsNotEmpty, IsObject, IsOptional, IsString, Matches, MaxLength, ValidateNested } from 'class-validator';
import { IsOmittable } from '../../../core/validation/omittable';
import type { Language } from '@passerelle/domain';
import type { ThemeEntity } from '../theme.entity';

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const SLUG_MESSAGE = '$property must be lowercase letters and digits separated by single dashes';
export const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/** A name in each working language; all three are needed so that no interface shows a blank. */
export class ThemeNamesDto {
  @ApiProperty({ example: 'Urban planning' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(120)
  en!: string;

  @ApiProperty({ example: 'Urbanisme' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(120)
  fr!: string;

  @ApiProperty({ example: 'التخطيط الحضري' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(120)
  ar!: string;
}

export class PartialThemeNamesDto {
  @ApiPropertyOptional()
  @IsOptional()
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(120)
  en?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(120)
  fr?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(120)
  ar?: string;
}

export class CreateThemeDto {
  @ApiProperty({ example: 'housing', description: 'lowercase letters, digits and dashes; unique in the programme' })
  @IsString()
  @MaxLength(60)
  @Matches(SLUG_PATTERN, { message: SLUG_MESSAGE })
  slug!: string;

  @ApiProperty({ type: ThemeNamesDto })
  @IsObject()
  @ValidateNested()
  @Type(() => ThemeNamesDto)
  names!: ThemeNamesDto;
}

/** Only the names given change; the others stay. */
export class UpdateThemeDto {
  @ApiPropertyOptional({ example: 'housing' })
  @IsOmittable()
  @IsString()
  @MaxLength(60)
  @Matches(SLUG_PATTERN, { message: SLUG_MESSAGE })
  slug?: string;

  @ApiPropertyOptional({ type: PartialThemeNamesDto })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => PartialThemeNamesDto)
  names?: PartialThemeNamesDto;
}

export class ThemeResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() slug!: string;
  @ApiProperty({ type: ThemeNamesDto }) names!: Record<Language, string>;
}

export const mapTheme = (theme: ThemeEntity): ThemeResponse => ({
  id: theme.id,
  slug: theme.slug,
  names: { en: theme.names.en, fr: theme.names.fr, ar: theme.names.ar },
});
