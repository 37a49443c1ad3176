import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { DocumentTransition } from '@passerelle/domain';
import { isApiError } from '../../lib/api';
import { documentKeys } from '../documents/documentsApi';
import type { DocumentDetail } from '../documents/types';
import { reviewKeys, reviewsApi, type ReviewDecision } from './reviewsApi';

export function useReviewSummary(documentId: string) {
  return useQuery({
    queryKey: reviewKeys.summary(documentId),
    queryFn: ({ signal }) => reviewsApi.summary(documentId, signal),
  });
}

/**
 * After a move or a decision, everything about the document may have changed: its status and
 * permissions, the review, its versions (submission and adoption save one), the lists and feeds.
 * A 409 means someone else moved it meanwhile: the same refresh shows where it now stands.
 */
function useRefreshDocument(documentId: string) {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: documentKeys.one(documentId) }),
      queryClient.invalidateQueries({ queryKey: ['documents', 'list'] }),
      queryClient.invalidateQueries({ queryKey: ['activity'] }),
    ]);
}

export function useDocumentMove(documentId: string) {
  const queryClient = useQueryClient();
  const refresh = useRefreshDocument(documentId);
  return useMutation({
    mutationFn: (transition: DocumentTransition) => reviewsApi.move(documentId, transition),
    onSuccess: async (doc: DocumentDetail) => {
      queryClient.setQueryData(documentKeys.one(documentId), doc);
      await refresh();
    },
    onError: async (error) => {
      if (isApiError(error) && error.status === 409) await refresh();
    },
  });
}

export function useReviewDecision(documentId: string) {
  const queryClient = useQueryClient();
  const refresh = useRefreshDocument(documentId);
  return useMutation({
    mutationFn: (body: ReviewDecision) => reviewsApi.decide(documentId, body),
    onSuccess: async (summary) => {
      queryClient.setQueryData(reviewKeys.summary(documentId), summary);
      await queryClient.invalidateQueries({ queryKey: ['activity'] });
    },
    onError: async (error) => {
      if (isApiError(error) && error.status === 409) await refresh();
    },
  });
}
