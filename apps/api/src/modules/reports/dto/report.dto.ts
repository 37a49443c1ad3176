import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsISO8601, IsOptional, IsUUID, Matches } from 'class-validator';
import { LANGUAGES, type Language } from '@passerelle/domain';

export const REPORT_FORMATS = ['html', 'docx'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

const emptyToUndefined = ({ value }: { value: unknown }) => (value === '' ? undefined : value);
const IS_DATE = /^\d{4}-\d{2}-\d{2}$/;

export class ProgrammeReportQuery {
  @ApiPropertyOptional({
    example: '2025-01-01',
    description: 'first day of the period (default: 1 January of this year)',
  })
  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(IS_DATE, { message: 'from must be a date as YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: 'from must be a valid date' })
  from?: string;

  @ApiPropertyOptional({ example: '2025-12-31', description: 'last day of the period, included (default: today)' })
  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(IS_DATE, { message: 'to must be a date as YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: 'to must be a valid date' })
  to?: string;

  @ApiPropertyOptional({ enum: REPORT_FORMATS, default: 'html' })
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsIn(REPORT_FORMATS)
  format?: ReportFormat;

  @ApiPropertyOptional({ enum: LANGUAGES, default: 'en', description: 'the language of the report’s own words' })
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsIn(LANGUAGES)
  language?: Language;

  @ApiPropertyOptional({ format: 'uuid', description: 'required only when there are several programmes' })
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsUUID()
  programmeId?: string;
}
