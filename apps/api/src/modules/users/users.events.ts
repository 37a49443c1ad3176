import type { GlobalRole } from '@passerelle/domain';

/**
 * Emitted whenever what a person may do changes at once: role change, deactivation or
 * reactivation, password change (all earlier tokens are dead). The collaboration gateway listens
 * to drop or re-check live sockets; the auth module revokes refresh sessions of deactivated people.
 */
export const USER_ACCESS_CHANGED = 'user.access_changed';
export interface UserAccessChangedEvent {
  userId: string;
  role: GlobalRole;
  active: boolean;
}
