import type { CommentThread, SuggestionsDecision, ThreadAnchor, ThreadComment, ThreadPerson } from '@passerelle/domain';
import { api } from '../../lib/api';
import { endpoint } from '../../lib/endpoints';

export interface CreateThreadBody {
  anchor: ThreadAnchor;
  quote: string;
  /** The first comment, with mention tokens; may be left out when a suggestion is given. */
  body?: string;
  /** A proposed replacement for the passage (people who may comment but not edit). */
  suggestion?: string;
}

export const commentsApi = {
  threads: (documentId: string, signal?: AbortSignal) =>
    api.call<CommentThread[]>(endpoint('threads.list', { id: documentId }), { signal }),
  create: (documentId: string, body: CreateThreadBody) =>
    api.call<CommentThread>(endpoint('threads.create', { id: documentId }), { body }),
  mentionable: (documentId: string, q: string, signal?: AbortSignal) =>
    api.call<ThreadPerson[]>(endpoint('threads.mentionable', { id: documentId }), { query: { q }, signal }),
  reply: (threadId: string, body: string) =>
    api.call<ThreadComment>(endpoint('threads.reply', { id: threadId }), { body: { body } }),
  setResolved: (threadId: string, resolved: boolean) =>
    api.call<CommentThread>(endpoint('threads.update', { id: threadId }), { body: { resolved } }),
  editComment: (commentId: string, body: string) =>
    api.call<ThreadComment>(endpoint('comments.update', { id: commentId }), { body: { body } }),
  deleteComment: (commentId: string) => api.call<void>(endpoint('comments.remove', { id: commentId })),
  accept: (threadId: string) => api.call<CommentThread>(endpoint('suggestions.accept', { id: threadId })),
  reject: (threadId: string) => api.call<CommentThread>(endpoint('suggestions.reject', { id: threadId })),
  acceptAll: (documentId: string) =>
    api.call<SuggestionsDecision>(endpoint('suggestions.acceptAll', { id: documentId })),
  rejectAll: (documentId: string) =>
    api.call<SuggestionsDecision>(endpoint('suggestions.rejectAll', { id: documentId })),
};

export const commentKeys = {
  threads: (documentId: string) => ['comments', documentId, 'threads'] as const,
  mentionable: (documentId: string, q: string) => ['comments', documentId, 'mentionable', q] as const,
};
