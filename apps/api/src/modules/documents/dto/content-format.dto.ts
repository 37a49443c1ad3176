import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional } from 'class-validator';

export const CONTENT_FORMATS = ['markdown', 'html', 'json', 'docx'] as const;
export type ContentFormat = (typeof CONTENT_FORMATS)[number];

export class ContentQuery {
  @ApiPropertyOptional({ enum: CONTENT_FORMATS, default: 'markdown' })
  @Transform(({ value }: { value: unknown }) => (value === '' ? undefined : value))
  @IsOptional()
  @IsIn(CONTENT_FORMATS)
  format?: ContentFormat;
}
