import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { MeDto } from '@passerelle/domain';
import { authApi, meQueryKey, type UpdateMeBody } from './authApi';
import { useAuth } from './useAuth';

/** The signed-in person with their memberships; idle while nobody is signed in. */
export function useMe() {
  const { status } = useAuth();
  return useQuery({
    queryKey: meQueryKey,
    queryFn: ({ signal }) => authApi.me(signal),
    enabled: status === 'signedIn',
  });
}

export function useUpdateMe() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateMeBody) => authApi.updateMe(body),
    onSuccess: (me: MeDto) => queryClient.setQueryData(meQueryKey, me),
  });
}
