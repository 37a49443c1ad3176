import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { CITY_ROLES, CityRole } from '@passerelle/domain';

export class PutMemberDto {
  @ApiProperty({ enum: CITY_ROLES })
  @IsIn(CITY_ROLES)
  role!: CityRole;

  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'the organisation the person acts for; omitted keeps the current one, null clears it',
  })
  @IsOptional()
  @IsUUID()
  organisationId?: string | null;
}

export class MemberResponse {
  @ApiProperty({ format: 'uuid' }) userId!: string;
  @ApiProperty() name!: string;
  @ApiProperty() email!: string;
  @ApiProperty({ enum: CITY_ROLES }) role!: CityRole;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) organisationId!: string | null;
}
