/**
 * Comment threads, suggestions and the live socket: the shapes the API answers with and the
 * @mention syntax, shared by the server and the web client.
 */

/** What became of a thread's proposed replacement. */
export const SUGGESTION_STATUSES = ['pending', 'accepted', 'rejected'] as const;
export type SuggestionStatus = (typeof SUGGESTION_STATUSES)[number];

/** A person as threads show them. */
export interface ThreadPerson {
  id: string;
  name: string;
}

/** Base64 of `Y.encodeRelativePosition`, both in the `default` fragment. */
export interface ThreadAnchor {
  start: string;
  end: string;
}

export interface ThreadComment {
  id: string;
  threadId: string;
  /** Null only if the author's account no longer exists. */
  author: ThreadPerson | null;
  /** Empty once deleted. May hold mention tokens (see `parseMentions`). */
  body: string;
  /** The people mentioned who can read the document (others are never stored). Empty once deleted. */
  mentions: ThreadPerson[];
  createdAt: string;
  editedAt: string | null;
  deleted: boolean;
}

export interface ThreadSuggestion {
  /** The proposed replacement for the anchored passage (may be empty: a proposed deletion). */
  text: string;
  status: SuggestionStatus;
  decidedBy: ThreadPerson | null;
  decidedAt: string | null;
}

export interface CommentThread {
  id: string;
  documentId: string;
  anchor: ThreadAnchor;
  /** The passage as it was when the thread was opened. */
  quote: string;
  /** The passage now; null when detached. Blocks are separated by a line break. */
  currentQuote: string | null;
  /** The anchored text was deleted: the thread stays readable with its original `quote`. */
  detached: boolean;
  /** ProseMirror positions of the passage in the current content (null when detached). */
  range: { from: number; to: number } | null;
  resolved: boolean;
  resolvedAt: string | null;
  resolvedBy: ThreadPerson | null;
  createdBy: ThreadPerson | null;
  createdAt: string;
  updatedAt: string;
  comments: ThreadComment[];
  suggestion: ThreadSuggestion | null;
}

export const SKIPPED_SUGGESTION_REASONS = ['detached', 'changed', 'overlaps'] as const;
export type SkippedSuggestionReason = (typeof SKIPPED_SUGGESTION_REASONS)[number];

/** The answer of accept-all / reject-all. */
export interface SuggestionsDecision {
  /** Threads whose suggestion was decided, in the order they were applied. */
  decided: string[];
  /**
   * Pending suggestions left as they were, and why: their passage was deleted, was changed since
   * the suggestion was made, or overlaps another suggestion's passage.
   */
  skipped: Array<{ threadId: string; reason: SkippedSuggestionReason }>;
}

/*
 * Mentions. A comment body mentions someone with the token `@[Name](user:<uuid>)`; the name is
 * only what the author saw (the API answers with people's current names in `mentions`).
 */

/** One mention token found in a body. */
export interface MentionToken {
  name: string;
  /** Lower-case UUID. */
  userId: string;
  /** Where the token starts in the body, and its length. */
  index: number;
  length: number;
}

const MENTION =
  /@\[([^\]\n\r]{1,200})\]\(user:([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})\)/g;

/** Every mention token of `body`, in order. */
export function parseMentions(body: string): MentionToken[] {
  const tokens: MentionToken[] = [];
  for (const match of body.matchAll(MENTION)) {
    tokens.push({ name: match[1], userId: match[2].toLowerCase(), index: match.index ?? 0, length: match[0].length });
  }
  return tokens;
}

/** The distinct people `body` mentions, in the order of their first mention. */
export function mentionedUserIds(body: string): string[] {
  return [...new Set(parseMentions(body).map((m) => m.userId))];
}

/** The token that mentions `person` (characters that would end the name early are left out). */
export function mentionToken(person: ThreadPerson): string {
  const name =
    person.name
      .replace(/[[\]\n\r]/g, '')
      .trim()
      .slice(0, 200) || '?';
  return `@[${name}](user:${person.id.toLowerCase()})`;
}

/** `body` with every mention token replaced by what `replace` returns for it. */
export function replaceMentions(body: string, replace: (token: MentionToken) => string): string {
  let out = '';
  let last = 0;
  for (const token of parseMentions(body)) {
    out += body.slice(last, token.index) + replace(token);
    last = token.index + token.length;
  }
  return out + body.slice(last);
}

/** The body as people read it: `@Name` for every mention. */
export const mentionsToPlainText = (body: string): string => replaceMentions(body, (t) => `@${t.name}`);

/*
 * The live socket: Socket.IO namespace `/live`, authenticated like the collaboration socket
 * (`auth: {token}`; a bad token gets `connect_error` "unauthorized"). Every connection is in its
 * user's room; `live:subscribe` adds a document's room after an access check.
 */
export const LIVE_NAMESPACE = '/live';

export const LiveEvent = {
  /** client → server `{documentId}`; ack `{ok: true}` or `{ok: false, error: {code, message}}`. */
  subscribe: 'live:subscribe',
  /** client → server `{documentId}`; ack `{ok: true}`. */
  unsubscribe: 'live:unsubscribe',
  /** server → client `{documentId, reason: 'access'}`: access to the document was lost, the subscription ended. */
  unsubscribed: 'live:unsubscribed',
  /** server → client `{documentId, threadId}`: a thread or one of its comments changed; refetch it. */
  threadChanged: 'thread:changed',
  /** server → client: a notification for this person (payload defined by the notifications feature). */
  notification: 'notification',
} as const;

export interface ThreadChangedPayload {
  documentId: string;
  threadId: string;
}
