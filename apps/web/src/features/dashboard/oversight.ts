import { canOnProgramme, type UserDto } from '@passerelle/domain';

/**
 * Whether a person oversees the whole programme (the dashboard and the report), as the API's
 * access table decides.
 */
export const overseesProgramme = (user: Pick<UserDto, 'role'> | null): boolean =>
  user !== null && canOnProgramme(user, 'view_dashboard');
