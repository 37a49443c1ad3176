import type {
  CreatedInvitationBody,
  InvitationBody,
  InvitationPreviewBody,
  PendingInvitationBody,
} from './dto/invitation.dto';
import type { InvitationEntity } from './invitation.entity';
import type { InvitationRow } from './invitations.repository';

const toInvitationDto = (i: InvitationEntity): InvitationBody => ({
  id: i.id,
  email: i.email,
  cityId: i.cityId,
  cityRole: i.cityRole,
  globalRole: i.globalRole,
  expiresAt: new Date(i.expiresAt).toISOString(),
});

export const toCreatedInvitationDto = (i: InvitationEntity, link: string): CreatedInvitationBody => ({
  ...toInvitationDto(i),
  link,
});

export const toPendingInvitationDto = (i: InvitationRow): PendingInvitationBody => ({
  ...toInvitationDto(i),
  cityName: i.cityName,
  invitedById: i.invitedBy,
  invitedByName: i.invitedByName,
  createdAt: new Date(i.createdAt).toISOString(),
});

export const toInvitationPreviewDto = (i: InvitationRow, existingAccount: boolean): InvitationPreviewBody => ({
  email: i.email,
  cityName: i.cityName,
  cityRole: i.cityRole,
  globalRole: i.globalRole,
  expiresAt: new Date(i.expiresAt).toISOString(),
  existingAccount,
});
