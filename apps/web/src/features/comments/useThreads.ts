import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { commentKeys, commentsApi, type CreateThreadBody } from './commentsApi';

/** The document's threads, in the order of their passages (detached ones last), as the server sorts them. */
export function useThreads(documentId: string) {
  return useQuery({
    queryKey: commentKeys.threads(documentId),
    queryFn: ({ signal }) => commentsApi.threads(documentId, signal),
    // The live socket says when they change; a refetch on focus catches what a dropped connection missed.
    staleTime: 10_000,
  });
}

/** Every change to a thread is followed by a refetch of the list: it carries the re-anchored ranges. */
function useThreadsMutation<V, R>(documentId: string, mutationFn: (variables: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSettled: () => queryClient.invalidateQueries({ queryKey: commentKeys.threads(documentId) }),
  });
}

export const useCreateThread = (documentId: string) =>
  useThreadsMutation(documentId, (body: CreateThreadBody) => commentsApi.create(documentId, body));

export const useReply = (documentId: string) =>
  useThreadsMutation(documentId, ({ threadId, body }: { threadId: string; body: string }) =>
    commentsApi.reply(threadId, body),
  );

export const useSetResolved = (documentId: string) =>
  useThreadsMutation(documentId, ({ threadId, resolved }: { threadId: string; resolved: boolean }) =>
    commentsApi.setResolved(threadId, resolved),
  );

export const useEditComment = (documentId: string) =>
  useThreadsMutation(documentId, ({ commentId, body }: { commentId: string; body: string }) =>
    commentsApi.editComment(commentId, body),
  );

export const useDeleteComment = (documentId: string) =>
  useThreadsMutation(documentId, (commentId: string) => commentsApi.deleteComment(commentId));

export const useDecideSuggestion = (documentId: string) =>
  useThreadsMutation(documentId, ({ threadId, accept }: { threadId: string; accept: boolean }) =>
    accept ? commentsApi.accept(threadId) : commentsApi.reject(threadId),
  );

export const useDecideAll = (documentId: string) =>
  useThreadsMutation(documentId, (accept: boolean) =>
    accept ? commentsApi.acceptAll(documentId) : commentsApi.rejectAll(documentId),
  );
