import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { trim } from './validation';

export class CreateProgressDto {
  @ApiProperty({ minimum: 0, maximum: 100, example: 40 })
  @IsInt()
  @Min(0)
  @Max(100)
  percent!: number;

  @ApiPropertyOptional({ maxLength: 4000, example: 'The welcome desk opened two afternoons a week.' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(4000)
  note?: string;
}

export class ProgressAuthor {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
}

export class ProgressResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) pilotProjectId!: string;
  @ApiProperty({ minimum: 0, maximum: 100 }) percent!: number;
  @ApiProperty() note!: string;
  @ApiProperty({ type: ProgressAuthor, nullable: true }) author!: ProgressAuthor | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt!: string;
}
