import { mentionToken, parseMentions, replaceMentions, type ThreadPerson } from '@passerelle/domain';

/**
 * What the comment box holds: the text as the person reads it (`@Name`) and the people chosen from
 * the suggestions. The stored body has a token per mention (`@[Name](user:<uuid>)`, see
 * @passerelle/domain); showing the tokens while typing would be unreadable.
 */
export interface MentionDraft {
  text: string;
  people: ThreadPerson[];
}

export const emptyDraft = (): MentionDraft => ({ text: '', people: [] });

const escape = (value: string) => value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const NOT_WORD = '[^\\p{L}\\p{N}_@]';

/** The displayed form of a stored body. */
export function fromBody(body: string): MentionDraft {
  const people = new Map<string, ThreadPerson>();
  for (const token of parseMentions(body)) people.set(token.userId, { id: token.userId, name: token.name });
  return { text: replaceMentions(body, (token) => `@${token.name}`), people: [...people.values()] };
}

/**
 * The body to store: every `@Name` of a chosen person becomes that person's token. A mention whose
 * name was edited since it was chosen no longer matches and stays plain text, as written.
 */
export function toBody({ text, people }: MentionDraft): string {
  const named = new Map<string, ThreadPerson>();
  for (const person of people) if (person.name && !named.has(person.name)) named.set(person.name, person);
  if (named.size === 0) return text;
  // Longest names first: "@Anna Maria" is not "@Anna" followed by " Maria".
  const names = [...named.keys()].sort((a, b) => b.length - a.length).map(escape);
  const pattern = new RegExp(`(^|${NOT_WORD})@(${names.join('|')})(?![\\p{L}\\p{N}_])`, 'gu');
  return text.replace(pattern, (_, before: string, name: string) => before + mentionToken(named.get(name)!));
}

/** The `@…` being typed just before the caret, if any: where it starts and what follows the `@`. */
export function mentionQuery(text: string, caret: number): { start: number; query: string } | null {
  const before = text.slice(0, caret);
  const at = before.lastIndexOf('@');
  if (at < 0) return null;
  if (at > 0 && !new RegExp(NOT_WORD, 'u').test(before[at - 1])) return null;
  const query = before.slice(at + 1);
  // Names have a few words at most; past that the person is writing, not naming.
  if (query.length > 40 || /[\n\r@]/.test(query) || (query.match(/ /g)?.length ?? 0) > 2 || query.startsWith(' ')) {
    return null;
  }
  return { start: at, query };
}

/** The draft once `person` replaces the `@…` typed from `start` to `caret`, and where the caret goes. */
export function insertMention(
  draft: MentionDraft,
  start: number,
  caret: number,
  person: ThreadPerson,
): { draft: MentionDraft; caret: number } {
  const inserted = `@${person.name} `;
  const text = draft.text.slice(0, start) + inserted + draft.text.slice(caret);
  const people = draft.people.some((p) => p.id === person.id) ? draft.people : [...draft.people, person];
  return { draft: { text, people }, caret: start + inserted.length };
}
