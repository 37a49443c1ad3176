import { ApiPropertyOptional } from '@nestjs/swagger';
import { Language, LANGUAGES, LIMITS } from '@passerelle/domain';
import { Transform } from 'class-transformer';
import { IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class UpdateMeDto {
  @ApiPropertyOptional({ maxLength: LIMITS.nameMaxLength })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(LIMITS.nameMaxLength)
  name?: string;

  /** The interface language; null forgets the choice. */
  @ApiPropertyOptional({ enum: LANGUAGES, nullable: true, type: String })
  @IsOptional()
  @IsIn(LANGUAGES)
  language?: Language | null;
}
