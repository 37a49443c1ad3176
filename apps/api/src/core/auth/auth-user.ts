import type { CityRole, GlobalRole, Principal } from '@passerelle/domain';

/** The signed-in person as every handler sees it: loaded fresh from the database on each request. */
export interface AuthUser extends Principal {
  id: string;
  email: string;
  name: string;
  role: GlobalRole;
  memberships: Array<{ cityId: string; citySlug: string; role: CityRole }>;
}

/** What the access token carries. `ver` must equal the user's token version, or the token is dead. */
export interface AccessTokenPayload {
  sub: string;
  ver: number;
}
