import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CityRole } from '@passerelle/domain';
import { meQueryKey } from '../auth/authApi';
import { adminApi, adminKeys } from './adminApi';
import type { CreateInvitationBody, UpdateUserBody } from './types';

export function useUsers() {
  return useQuery({ queryKey: adminKeys.users, queryFn: ({ signal }) => adminApi.users(signal) });
}

export function useUpdateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateUserBody }) => adminApi.updateUser(id, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: adminKeys.users }),
  });
}

export function useInvitations() {
  return useQuery({ queryKey: adminKeys.invitations, queryFn: ({ signal }) => adminApi.invitations(signal) });
}

export function useCreateInvitation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateInvitationBody) => adminApi.invite(body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: adminKeys.invitations }),
  });
}

export function useRevokeInvitation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => adminApi.revoke(id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: adminKeys.invitations }),
  });
}

export function useMembers(cityId: string | undefined) {
  return useQuery({
    queryKey: adminKeys.members(cityId ?? ''),
    queryFn: ({ signal }) => adminApi.members(cityId!, signal),
    enabled: Boolean(cityId),
  });
}

/** Adding, changing and removing members also changes the people list (their cities) and maybe one's own roles. */
function useMembershipChanged(cityId: string) {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: adminKeys.members(cityId) }),
      queryClient.invalidateQueries({ queryKey: adminKeys.users }),
      queryClient.invalidateQueries({ queryKey: meQueryKey }),
    ]);
}

export function usePutMember(cityId: string) {
  const changed = useMembershipChanged(cityId);
  return useMutation({
    mutationFn: ({ userId, role }: { userId: string; role: CityRole }) => adminApi.putMember(cityId, userId, role),
    onSuccess: changed,
  });
}

export function useRemoveMember(cityId: string) {
  const changed = useMembershipChanged(cityId);
  return useMutation({
    mutationFn: (userId: string) => adminApi.removeMember(cityId, userId),
    onSuccess: changed,
  });
}
