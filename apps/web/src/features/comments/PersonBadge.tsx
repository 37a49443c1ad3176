import { initials, userColor } from '../../collab/userColor';
import type { ThreadPerson } from '@passerelle/domain';

/** A person's initials in their colour (the one of their caret in the editor). */
export function Avatar({ person }: { person: ThreadPerson | null }) {
  return (
    <span
      className="avatar comment-avatar"
      style={{ backgroundColor: person ? userColor(person.id) : undefined }}
      aria-hidden="true"
    >
      {person ? initials(person.name) : '?'}
    </span>
  );
}
