import type { CityRole } from '@passerelle/domain';
import { api } from '../../lib/api';
import { endpoint } from '../../lib/endpoints';
import type {
  AdminUser,
  CityMember,
  CreatedInvitation,
  CreateInvitationBody,
  PendingInvitation,
  UpdateUserBody,
} from './types';

export const adminApi = {
  users: (signal?: AbortSignal) => api.call<AdminUser[]>(endpoint('users.list'), { signal }),
  updateUser: (id: string, body: UpdateUserBody) => api.call<AdminUser>(endpoint('users.update', { id }), { body }),
  invitations: (signal?: AbortSignal) => api.call<PendingInvitation[]>(endpoint('invitations.list'), { signal }),
  invite: (body: CreateInvitationBody) => api.call<CreatedInvitation>(endpoint('invitations.create'), { body }),
  revoke: (id: string) => api.call<void>(endpoint('invitations.revoke', { id })),
  members: (cityId: string, signal?: AbortSignal) =>
    api.call<CityMember[]>(endpoint('cities.members.list', { cityId }), { signal }),
  putMember: (cityId: string, userId: string, role: CityRole) =>
    api.call<CityMember>(endpoint('cities.members.put', { cityId, userId }), { body: { role } }),
  removeMember: (cityId: string, userId: string) =>
    api.call<void>(endpoint('cities.members.remove', { cityId, userId })),
};

export const adminKeys = {
  users: ['admin', 'users'] as const,
  invitations: ['admin', 'invitations'] as const,
  members: (cityId: string) => ['admin', 'members', cityId] as const,
};
