import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { versionKeys, versionsApi } from './versionsApi';

export function useVersions(documentId: string) {
  return useQuery({
    queryKey: versionKeys.list(documentId),
    queryFn: ({ signal }) => versionsApi.list(documentId, signal),
  });
}

/** A version's content never changes: fetched once, kept for the session. */
export function useVersionContent(documentId: string, versionId: string | null) {
  return useQuery({
    queryKey: versionKeys.content(documentId, versionId ?? ''),
    queryFn: ({ signal }) => versionsApi.content(documentId, versionId!, signal),
    enabled: versionId !== null,
    staleTime: Infinity,
  });
}

export function useCreateVersion(documentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (label: string) => versionsApi.create(documentId, label),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: versionKeys.list(documentId), exact: true }),
        queryClient.invalidateQueries({ queryKey: ['activity'] }),
      ]),
  });
}

/** The restored text reaches open editors over the collaboration socket; here only the list and feeds change. */
export function useRestoreVersion(documentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (versionId: string) => versionsApi.restore(documentId, versionId),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: versionKeys.list(documentId), exact: true }),
        queryClient.invalidateQueries({ queryKey: ['activity'] }),
      ]),
  });
}
