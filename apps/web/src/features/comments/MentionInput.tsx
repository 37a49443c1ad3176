import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useId, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ThreadPerson } from '@passerelle/domain';
import { commentKeys, commentsApi } from './commentsApi';
import { insertMention, mentionQuery, type MentionDraft } from './mentions';

export interface MentionInputProps {
  documentId: string;
  value: MentionDraft;
  onChange(value: MentionDraft): void;
  label: string;
  placeholder?: string;
  /** Ctrl+Enter (⌘Enter). */
  onSubmit?(): void;
  /** Escape, when no suggestion list is open. */
  onCancel?(): void;
  autoFocus?: boolean;
  rows?: number;
  disabled?: boolean;
}

/**
 * A comment box where typing `@` and part of a name lists the people who can read the document
 * (arrow keys, Enter or Tab to choose, Escape to close); the chosen name is inserted and becomes a
 * mention when the comment is sent.
 */
export function MentionInput(props: MentionInputProps) {
  const { documentId, value, onChange, label, placeholder, onSubmit, onCancel, autoFocus, rows = 3, disabled } = props;
  const { t } = useTranslation('comments');
  const id = useId();
  const textarea = useRef<HTMLTextAreaElement>(null);
  const nextCaret = useRef<number | null>(null);
  const [caret, setCaret] = useState(0);
  const [active, setActive] = useState(0);
  const [dismissedAt, setDismissedAt] = useState<number | null>(null);

  const typed = mentionQuery(value.text, caret);
  const query = typed && typed.start !== dismissedAt ? typed : null;
  const people = useQuery({
    queryKey: commentKeys.mentionable(documentId, query?.query ?? ''),
    queryFn: ({ signal }) => commentsApi.mentionable(documentId, query!.query, signal),
    enabled: query !== null,
    staleTime: 60_000,
    placeholderData: keepPreviousData,
  });
  const options = query ? (people.data ?? []) : [];
  const open = query !== null && options.length > 0;
  const current = Math.min(active, Math.max(options.length - 1, 0));

  useLayoutEffect(() => {
    if (nextCaret.current === null || !textarea.current) return;
    textarea.current.setSelectionRange(nextCaret.current, nextCaret.current);
    nextCaret.current = null;
  });

  const track = () => setCaret(textarea.current?.selectionStart ?? 0);

  const choose = (person: ThreadPerson) => {
    if (!query) return;
    const inserted = insertMention(value, query.start, caret, person);
    nextCaret.current = inserted.caret;
    setCaret(inserted.caret);
    setActive(0);
    // The name just inserted would match again ("@Nadia Benali "): this @ is done.
    setDismissedAt(query.start);
    onChange(inserted.draft);
    textarea.current?.focus();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (open && !event.ctrlKey && !event.metaKey) {
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        event.preventDefault();
        const step = event.key === 'ArrowDown' ? 1 : -1;
        setActive((current + step + options.length) % options.length);
        return;
      }
      if (event.key === 'Enter' || event.key === 'Tab') {
        event.preventDefault();
        choose(options[current]);
        return;
      }
      if (event.key === 'Escape') {
        event.preventDefault();
        event.stopPropagation();
        setDismissedAt(query.start);
        return;
      }
    }
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey) && onSubmit) {
      event.preventDefault();
      onSubmit();
    } else if (event.key === 'Escape' && onCancel) {
      event.preventDefault();
      onCancel();
    }
  };

  const listId = `${id}-people`;
  const optionId = (index: number) => `${id}-person-${index}`;
  return (
    <div className="mention-input">
      <label className="visually-hidden" htmlFor={`${id}-text`}>
        {label}
      </label>
      <textarea
        ref={textarea}
        id={`${id}-text`}
        className="comment-textarea"
        dir="auto"
        value={value.text}
        rows={rows}
        placeholder={placeholder}
        disabled={disabled}
        // Only ever set when the person just opened this box (a new comment, a reply, an edit).
        autoFocus={autoFocus}
        aria-autocomplete="list"
        aria-controls={open ? listId : undefined}
        aria-expanded={open}
        aria-activedescendant={open ? optionId(current) : undefined}
        onChange={(event) => {
          setCaret(event.target.selectionStart ?? event.target.value.length);
          onChange({ ...value, text: event.target.value });
        }}
        onKeyDown={onKeyDown}
        onKeyUp={track}
        onClick={track}
        onSelect={track}
      />
      {open && (
        <ul className="mention-list" id={listId} role="listbox" aria-label={t('mentions.label')}>
          {options.map((person, index) => (
            <li
              key={person.id}
              id={optionId(index)}
              role="option"
              aria-selected={index === current}
              className="mention-option"
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => choose(person)}
            >
              {person.name}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
