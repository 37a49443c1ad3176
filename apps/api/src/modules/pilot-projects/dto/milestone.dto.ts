import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Max, MaxLength, Min, ValidateIf } from 'class-validator';
import { LIMITS, MILESTONE_STATUSES, type MilestoneStatus } from '@passerelle/domain';
import { IsCalendarDate, trim } from './validation';

export class CreateMilestoneDto {
  @ApiProperty({ maxLength: LIMITS.titleMaxLength, example: 'Partners agreement signed' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(LIMITS.titleMaxLength)
  title!: string;

  @ApiProperty({ type: String, format: 'date', example: '2025-06-30' })
  @IsCalendarDate()
  dueDate!: string;

  @ApiPropertyOptional({ enum: MILESTONE_STATUSES, default: 'planned' })
  @IsOptional()
  @IsIn(MILESTONE_STATUSES)
  status?: MilestoneStatus;

  @ApiPropertyOptional({ minimum: 0, description: 'the order in the list; last by default' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(10_000)
  position?: number;
}

/** Absent fields stay as they are; none of them can be cleared. */
export class UpdateMilestoneDto {
  @ApiPropertyOptional({ maxLength: LIMITS.titleMaxLength })
  @ValidateIf((o: UpdateMilestoneDto) => o.title !== undefined)
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(LIMITS.titleMaxLength)
  title?: string;

  @ApiPropertyOptional({ type: String, format: 'date' })
  @ValidateIf((o: UpdateMilestoneDto) => o.dueDate !== undefined)
  @IsCalendarDate()
  dueDate?: string;

  @ApiPropertyOptional({ enum: MILESTONE_STATUSES })
  @ValidateIf((o: UpdateMilestoneDto) => o.status !== undefined)
  @IsIn(MILESTONE_STATUSES)
  status?: MilestoneStatus;

  @ApiPropertyOptional({ minimum: 0 })
  @ValidateIf((o: UpdateMilestoneDto) => o.position !== undefined)
  @IsInt()
  @Min(0)
  @Max(10_000)
  position?: number;
}

export class MilestoneResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) pilotProjectId!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ type: String, format: 'date' }) dueDate!: string;
  @ApiProperty({ enum: MILESTONE_STATUSES }) status!: MilestoneStatus;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'when it was marked done' })
  completedAt!: string | null;
  @ApiProperty() position!: number;
  @ApiProperty({ description: 'the due date has passed and it is neither done nor cancelled' }) overdue!: boolean;
}
