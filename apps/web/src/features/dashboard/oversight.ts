import type { UserDto } from '@passerelle/domain';

/**
 * Whether a person oversees the whole programme: coordinators and admins, as the API's dashboard
 * and report decide (the domain's programme actions have no entry for it yet).
 */
export const overseesProgramme = (user: Pick<UserDto, 'role'> | null): boolean =>
  user?.role === 'admin' || user?.role === 'coordinator';
