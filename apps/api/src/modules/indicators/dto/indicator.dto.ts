import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateNested,
  IsObject,
} from 'class-validator';
import { INDICATOR_KEYS, INDICATOR_UNITS, LANGUAGES, type IndicatorUnit, type Language } from '@passerelle/domain';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const emptyToUndefined = ({ value }: { value: unknown }) => (value === '' ? undefined : value);
/** `?keys=a,b` and `?keys=a&keys=b` both give ['a', 'b']; an empty value means "all". */
const toList = ({ value }: { value: unknown }) => {
  if (value === undefined || value === '') return undefined;
  const parts = (Array.isArray(value) ? value : [value]).flatMap((v) => String(v).split(','));
  const list = parts.map((p) => p.trim()).filter((p) => p.length > 0);
  return list.length > 0 ? list : undefined;
};

export const MAX_INDICATOR_VALUE = 9_999_999_999_999;

export class ListIndicatorsQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'only this city’s figures' })
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsUUID()
  cityId?: string;
}

export class CompareIndicatorsQuery {
  @ApiPropertyOptional({
    description: 'indicator keys, comma-separated; all by default',
    example: 'population,refugees',
  })
  @Transform(toList)
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsIn(INDICATOR_KEYS, { each: true })
  keys?: string[];

  @ApiPropertyOptional({ description: 'city ids, comma-separated; every city the caller reads by default' })
  @Transform(toList)
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @IsUUID('all', { each: true })
  cityIds?: string[];

  @ApiPropertyOptional({ enum: LANGUAGES, description: 'the language of the names (English by default)' })
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsIn(LANGUAGES)
  lang?: Language;
}

export class IndicatorValueDto {
  @ApiProperty({ enum: INDICATOR_KEYS, example: 'population' })
  @IsIn(INDICATOR_KEYS)
  key!: string;

  @ApiProperty({ minimum: 1900, maximum: 2100, example: 2021 })
  @IsInt()
  @Min(1900)
  @Max(2100)
  year!: number;

  @ApiPropertyOptional({ type: Number, nullable: true, description: 'for count and percent indicators' })
  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 2, allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(MAX_INDICATOR_VALUE)
  valueNumeric?: number | null;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 1000, description: 'for text indicators' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(1000)
  valueText?: string | null;

  @ApiPropertyOptional({ maxLength: 300, example: 'National census' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(300)
  source?: string;
}

export class UpsertIndicatorsDto {
  @ApiProperty({ type: [IndicatorValueDto], description: 'figures to add or replace, by (key, year)' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => IndicatorValueDto)
  indicators!: IndicatorValueDto[];
}

export class IndicatorResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) cityId!: string;
  @ApiProperty({ enum: INDICATOR_KEYS }) key!: string;
  @ApiProperty({ enum: INDICATOR_UNITS }) unit!: IndicatorUnit;
  @ApiProperty({ type: Number, nullable: true }) valueNumeric!: number | null;
  @ApiProperty({ type: String, nullable: true }) valueText!: string | null;
  @ApiProperty() year!: number;
  @ApiProperty() source!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) updatedBy!: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) updatedAt!: string;
}

export class IndicatorNames {
  @ApiProperty() en!: string;
  @ApiProperty() fr!: string;
  @ApiProperty() ar!: string;
}

export class ComparedIndicator {
  @ApiProperty({ enum: INDICATOR_KEYS }) key!: string;
  @ApiProperty({ enum: INDICATOR_UNITS }) unit!: IndicatorUnit;
  @ApiProperty({ type: IndicatorNames }) names!: Record<Language, string>;
}

export class ComparedValue {
  @ApiProperty({ type: Number, nullable: true }) valueNumeric!: number | null;
  @ApiProperty({ type: String, nullable: true }) valueText!: string | null;
  @ApiProperty() year!: number;
  @ApiProperty() source!: string;
}

export class ComparedCity {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() slug!: string;
  @ApiProperty({ description: 'in the language asked for' }) name!: string;
  @ApiProperty() country!: string;
  @ApiProperty({
    type: 'object',
    additionalProperties: { $ref: '#/components/schemas/ComparedValue', nullable: true },
    description: 'by indicator key: the latest year’s figure, or null',
  })
  values!: Record<string, ComparedValue | null>;
}

export class ComparisonResponse {
  @ApiProperty({ type: [ComparedIndicator], description: 'the columns, in catalogue order' })
  indicators!: ComparedIndicator[];
  @ApiProperty({ type: [ComparedCity], description: 'the rows: the cities the caller reads' })
  cities!: ComparedCity[];
}
