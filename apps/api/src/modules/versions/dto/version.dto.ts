import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { LIMITS } from '@passerelle/domain';
import type { VersionReason } from '../document-version.entity';
import type { VersionRecord } from '../versions.repository';

export const VERSION_REASONS: readonly VersionReason[] = ['manual', 'review', 'adoption', 'restore'];

export class VersionAuthorDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
}

export class VersionDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) documentId!: string;
  @ApiProperty() label!: string;
  @ApiProperty({
    enum: VERSION_REASONS,
    description: 'manual; review (submitted for review); adoption; restore (saved just before a restore)',
  })
  reason!: VersionReason;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: VersionAuthorDto, nullable: true }) createdBy!: VersionAuthorDto | null;
}

export class CreateVersionDto {
  @ApiProperty({ maxLength: LIMITS.titleMaxLength, example: 'Draft shared with stakeholders' })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @IsNotEmpty()
  @MaxLength(LIMITS.titleMaxLength)
  label!: string;
}

export class RestoreResultDto {
  @ApiProperty({ type: VersionDto, description: 'the version whose content is now the current content' })
  restored!: VersionDto;
  @ApiProperty({ type: VersionDto, description: 'the content just before the restore, kept as a version' })
  backup!: VersionDto;
}

export const toVersionDto = (v: VersionRecord): VersionDto => ({
  id: v.id,
  documentId: v.documentId,
  label: v.label,
  reason: v.reason,
  createdAt: v.createdAt.toISOString(),
  createdBy: v.createdBy,
});
