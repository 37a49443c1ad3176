import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  IsBoolean,
  IsDefined,
  IsNotEmpty,
  IsNotEmptyObject,
  IsOptional,
  IsString,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { LIMITS } from '@passerelle/domain';

/** An anchor is two small binary positions; anything much longer is not one. */
const ANCHOR_MAX_LENGTH = 1000;

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class AnchorInput {
  @ApiProperty({ description: 'base64 of Y.encodeRelativePosition (start of the passage) in the `default` fragment' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(ANCHOR_MAX_LENGTH)
  start!: string;

  @ApiProperty({ description: 'base64 of Y.encodeRelativePosition (end of the passage) in the `default` fragment' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(ANCHOR_MAX_LENGTH)
  end!: string;
}

export class CreateThreadDto {
  @ApiProperty({ type: AnchorInput })
  @IsDefined()
  @IsNotEmptyObject()
  @ValidateNested()
  @Type(() => AnchorInput)
  anchor!: AnchorInput;

  @ApiProperty({ description: 'the selected text, kept to show the thread if its passage is deleted' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(LIMITS.commentMaxLength)
  quote!: string;

  @ApiPropertyOptional({
    maxLength: LIMITS.commentMaxLength,
    description: 'the first comment; mention people with `@[Name](user:<uuid>)`. Required unless a suggestion is given',
  })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(LIMITS.commentMaxLength)
  body?: string;

  @ApiPropertyOptional({
    maxLength: LIMITS.commentMaxLength,
    description: 'a proposed replacement for the passage (line breaks become spaces; empty proposes deleting it)',
  })
  @IsOptional()
  @IsString()
  @MaxLength(LIMITS.commentMaxLength)
  suggestion?: string;
}

export class CommentBodyDto {
  @ApiProperty({ maxLength: LIMITS.commentMaxLength, description: 'mention people with `@[Name](user:<uuid>)`' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(LIMITS.commentMaxLength)
  body!: string;
}

export class UpdateThreadDto {
  @ApiProperty({ description: 'true resolves the thread, false reopens it' })
  @IsBoolean()
  resolved!: boolean;
}

export class MentionableQuery {
  @ApiPropertyOptional({ description: 'part of the name', maxLength: LIMITS.nameMaxLength })
  @IsOptional()
  @IsString()
  @MaxLength(LIMITS.nameMaxLength)
  q?: string;
}
