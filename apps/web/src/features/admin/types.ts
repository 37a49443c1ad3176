import type { CityRole, GlobalRole, MembershipDto } from '@passerelle/domain';

/** GET /api/users: an account as admins and coordinators see it. */
export interface AdminUser {
  id: string;
  email: string;
  name: string;
  role: GlobalRole;
  active: boolean;
  memberships: MembershipDto[];
}

export interface UpdateUserBody {
  role?: GlobalRole;
  active?: boolean;
}

interface InvitationBase {
  id: string;
  email: string;
  cityId: string | null;
  cityRole: CityRole | null;
  globalRole: GlobalRole;
  expiresAt: string;
}

/** GET /api/invitations: invitations neither accepted, revoked nor expired. */
export interface PendingInvitation extends InvitationBase {
  cityName: string | null;
  invitedByName: string | null;
  createdAt: string;
}

/** POST /api/invitations: the one-time link is shown once, here. */
export interface CreatedInvitation extends InvitationBase {
  link: string;
}

export interface CreateInvitationBody {
  email: string;
  cityId?: string;
  cityRole?: CityRole;
  globalRole?: GlobalRole;
}

/** GET /api/cities/:id/members */
export interface CityMember {
  userId: string;
  name: string;
  email: string;
  role: CityRole;
  organisationId: string | null;
}
