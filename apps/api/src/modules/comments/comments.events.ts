/**
 * Events of comment threads and suggestions (EventEmitter2), for activity, notifications and
 * search. Emitted after the change is stored. `cityId` is the document's city (null for programme
 * documents). Every list of people to notify below holds only people who can read the document
 * at that moment (and never the person who acted); a listener that stores a notice for later
 * must still check access when it shows it.
 */

/**
 * A thread was opened. Its first comment (if it has one: a thread that only proposes a
 * replacement may have none) is part of it: no `comment.created` is emitted for that comment,
 * but `comment.mentioned` is, for its mentions.
 */
export const THREAD_CREATED = 'thread.created';
export interface ThreadCreatedEvent {
  documentId: string;
  cityId: string | null;
  threadId: string;
  commentId: string | null;
  authorId: string;
  /** The thread proposes a replacement for its passage. */
  suggestion: boolean;
}

/** A reply was added to a thread. */
export const COMMENT_CREATED = 'comment.created';
export interface CommentCreatedEvent {
  documentId: string;
  cityId: string | null;
  threadId: string;
  commentId: string;
  authorId: string;
  /** The thread's participants (its author and the authors of its other comments), for "replies to one's threads". */
  parentAuthorIds: string[];
}

/** A comment (first comment or reply) mentions people: only those who can read the document. */
export const COMMENT_MENTIONED = 'comment.mentioned';
export interface CommentMentionedEvent {
  documentId: string;
  cityId: string | null;
  threadId: string;
  commentId: string;
  /** The people newly mentioned (on an edit: only those the comment did not mention before). */
  userIds: string[];
  authorId: string;
}

/** A comment was edited by its author. */
export const COMMENT_UPDATED = 'comment.updated';
/** A comment was deleted by its author (it stays in the thread, marked deleted). */
export const COMMENT_DELETED = 'comment.deleted';
export interface CommentChangedEvent {
  documentId: string;
  cityId: string | null;
  threadId: string;
  commentId: string;
  authorId: string;
}

/** A thread was resolved or reopened by hand (deciding a suggestion also resolves: see below). */
export const THREAD_RESOLVED = 'thread.resolved';
export const THREAD_REOPENED = 'thread.reopened';
export interface ThreadResolutionEvent {
  documentId: string;
  cityId: string | null;
  threadId: string;
  /** Who resolved or reopened it. */
  userId: string;
  /** The thread's participants. */
  participantIds: string[];
}

/**
 * An editor accepted a thread's suggestion (the replacement is now in the content, as an ordinary
 * change) or rejected it. Either way the thread is resolved; no `thread.resolved` is emitted for it.
 */
export const SUGGESTION_ACCEPTED = 'suggestion.accepted';
export const SUGGESTION_REJECTED = 'suggestion.rejected';
export interface SuggestionDecidedEvent {
  documentId: string;
  cityId: string | null;
  threadId: string;
  /** The editor who decided. */
  userId: string;
  /** Who proposed it (the thread's author). */
  suggestedBy: string | null;
}
