import { parseMentions, type ThreadPerson } from '@passerelle/domain';
import type { ReactNode } from 'react';

/**
 * A comment's text with each mention shown as a chip with the person's current name (the token
 * keeps the name the author saw; the API answers with today's in `mentions`).
 */
export function CommentBody({ body, mentions }: { body: string; mentions: ThreadPerson[] }) {
  const names = new Map(mentions.map((person) => [person.id.toLowerCase(), person.name]));
  const parts: ReactNode[] = [];
  let last = 0;
  for (const token of parseMentions(body)) {
    if (token.index > last) parts.push(body.slice(last, token.index));
    parts.push(
      <span key={token.index} className="mention-chip" data-user-id={token.userId}>
        @{names.get(token.userId) ?? token.name}
      </span>,
    );
    last = token.index + token.length;
  }
  if (last < body.length) parts.push(body.slice(last));
  // People write in any of the working languages, whatever the interface's: each comment sets its own direction.
  return (
    <p className="comment-body" dir="auto">
      {parts}
    </p>
  );
}
