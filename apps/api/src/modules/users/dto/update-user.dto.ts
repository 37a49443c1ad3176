import { ApiPropertyOptional } from '@nestjs/swagger';
import { GLOBAL_ROLES, GlobalRole } from '@passerelle/domain';
import { IsBoolean, IsIn, IsOptional } from 'class-validator';

export class UpdateUserDto {
  @ApiPropertyOptional({ enum: GLOBAL_ROLES })
  @IsOptional()
  @IsIn(GLOBAL_ROLES)
  role?: GlobalRole;

  @ApiPropertyOptional({ description: 'false deactivates the account: its tokens stop working at once' })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}
