import type { CityRole, GlobalRole, LoginResponseDto } from '@passerelle/domain';
import { api } from '../../lib/api';
import { endpoint } from '../../lib/endpoints';

/** GET /api/invitations/token/:token — what the invitee sees before accepting. */
export interface InvitationPreview {
  email: string;
  cityName: string | null;
  cityRole: CityRole | null;
  globalRole: GlobalRole;
  expiresAt: string;
  existingAccount: boolean;
}

export interface AcceptInvitationBody {
  name?: string;
  password: string;
}

export const invitationsApi = {
  preview: (token: string, signal?: AbortSignal) =>
    api.call<InvitationPreview>(endpoint('invitations.preview', { token }), { auth: false, signal }),
  accept: (token: string, body: AcceptInvitationBody) =>
    api.call<LoginResponseDto>(endpoint('invitations.accept', { token }), { body, auth: false }),
};
