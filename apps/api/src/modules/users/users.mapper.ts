import type { MeDto, MembershipDto, UserDto } from '@passerelle/domain';
import type { AdminUserBody } from './dto/user-responses.dto';
import type { UserEntity } from './user.entity';
import type { MembershipRow } from './users.repository';

export const toMembershipDto = (m: MembershipRow): MembershipDto => ({
  cityId: m.cityId,
  citySlug: m.citySlug,
  role: m.role,
});

export const toUserDto = (u: Pick<UserEntity, 'id' | 'email' | 'name' | 'role'>): UserDto => ({
  id: u.id,
  email: u.email,
  name: u.name,
  role: u.role,
});

export const toMeDto = (u: UserEntity, memberships: MembershipRow[]): MeDto => ({
  ...toUserDto(u),
  active: u.active,
  language: u.language,
  memberships: memberships.map(toMembershipDto),
});

export const toAdminUserDto = (u: UserEntity, memberships: MembershipRow[]): AdminUserBody => ({
  ...toUserDto(u),
  active: u.active,
  memberships: memberships.filter((m) => m.userId === u.id).map(toMembershipDto),
});
