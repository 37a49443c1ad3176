import { ApiProperty } from '@nestjs/swagger';
import {
  CITY_ROLES,
  CityRole,
  GLOBAL_ROLES,
  GlobalRole,
  Language,
  LANGUAGES,
  MeDto,
  MembershipDto,
  UserDto,
} from '@passerelle/domain';

export class MembershipBody implements MembershipDto {
  @ApiProperty({ format: 'uuid' }) cityId!: string;
  @ApiProperty({ example: 'lyon' }) citySlug!: string;
  @ApiProperty({ enum: CITY_ROLES }) role!: CityRole;
}

export class UserBody implements UserDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'editor.lyon@passerelle.test' }) email!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: GLOBAL_ROLES }) role!: GlobalRole;
}

export class MeBody extends UserBody implements MeDto {
  @ApiProperty() active!: boolean;
  @ApiProperty({ enum: LANGUAGES, nullable: true, type: String }) language!: Language | null;
  @ApiProperty({ type: [MembershipBody] }) memberships!: MembershipBody[];
}

/** A user as admins and coordinators see them in the user list. */
export class AdminUserBody extends UserBody {
  @ApiProperty() active!: boolean;
  @ApiProperty({ type: [MembershipBody] }) memberships!: MembershipBody[];
}
