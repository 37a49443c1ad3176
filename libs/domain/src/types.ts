import type { CityRole, GlobalRole, Phase, Language } from './enums';

/** Response shapes shared by the API and the web client. */
export interface UserDto {
  id: string;
  email: string;
  name: string;
  role: GlobalRole;
}

export interface MembershipDto {
  cityId: string;
  citySlug: string;
  role: CityRole;
}

export interface MeDto extends UserDto {
  active: boolean;
  language: Language | null;
  memberships: MembershipDto[];
}

export interface LoginResponseDto {
  accessToken: string;
  expiresIn: number;
  user: UserDto;
}

export interface CityDto {
  id: string;
  slug: string;
  name: string;
  country: string;
  phase: Phase;
  languages: Language[];
  programmeId: string;
}
