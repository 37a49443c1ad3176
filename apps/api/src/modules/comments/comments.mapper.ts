import { encodeAnchor, type ResolvedPassage } from './anchors/anchors';
import type { CommentRecord, ThreadRecord } from './comments.repository';
import type { CommentDto, ThreadDto } from './dto/thread.dto';

const iso = (value: Date | null): string | null => (value ? value.toISOString() : null);

export const toCommentDto = (c: CommentRecord): CommentDto => {
  const deleted = c.deletedAt !== null;
  return {
    id: c.id,
    threadId: c.threadId,
    author: c.author,
    body: deleted ? '' : c.body,
    mentions: deleted ? [] : c.mentions,
    createdAt: c.createdAt.toISOString(),
    editedAt: iso(c.editedAt),
    deleted,
  };
};

/** A thread as the API shows it; `passage` is where its anchors resolve now (null: detached). */
export const toThreadDto = (
  t: ThreadRecord,
  comments: CommentRecord[],
  passage: ResolvedPassage | null,
): ThreadDto => ({
  id: t.id,
  documentId: t.documentId,
  anchor: { start: encodeAnchor(t.anchorStart), end: encodeAnchor(t.anchorEnd) },
  quote: t.quote,
  currentQuote: passage ? passage.text : null,
  detached: passage === null,
  range: passage ? { from: passage.from, to: passage.to } : null,
  resolved: t.resolvedAt !== null,
  resolvedAt: iso(t.resolvedAt),
  resolvedBy: t.resolvedBy,
  createdBy: t.createdBy,
  createdAt: t.createdAt.toISOString(),
  updatedAt: t.updatedAt.toISOString(),
  comments: comments.map(toCommentDto),
  suggestion:
    t.suggestion === null || t.suggestionStatus === null
      ? null
      : { text: t.suggestion, status: t.suggestionStatus, decidedBy: t.decidedBy, decidedAt: iso(t.decidedAt) },
});

/** Threads in the order of their passages in the document; detached ones last, oldest first. */
export function inDocumentOrder(threads: ThreadDto[]): ThreadDto[] {
  return [...threads].sort((a, b) => {
    if (a.range && b.range)
      return a.range.from - b.range.from || a.range.to - b.range.to || a.createdAt.localeCompare(b.createdAt);
    if (a.range) return -1;
    if (b.range) return 1;
    return a.createdAt.localeCompare(b.createdAt);
  });
}
