import type { Editor } from '@tiptap/core';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { normaliseHref } from './links';

/**
 * Adds, changes or removes the link on the selection (or at the caret: the whole link is taken).
 * With nothing selected, the address itself is inserted as the link's text. Escape closes it.
 */
export function LinkForm({ editor, onClose }: { editor: Editor; onClose: () => void }) {
  const { t } = useTranslation('editor');
  const id = useId();
  const current = (editor.getAttributes('link').href as string | undefined) ?? '';
  const [value, setValue] = useState(current);
  const [invalid, setInvalid] = useState(false);

  const close = () => {
    onClose();
    editor.commands.focus();
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const href = normaliseHref(value);
    if (!href) {
      setInvalid(true);
      return;
    }
    const chain = editor.chain().focus().extendMarkRange('link');
    if (editor.state.selection.empty && !editor.isActive('link')) {
      chain.insertContent({ type: 'text', text: value.trim(), marks: [{ type: 'link', attrs: { href } }] }).run();
    } else {
      chain.setLink({ href }).run();
    }
    onClose();
  };

  return (
    <form
      className="link-form"
      onSubmit={submit}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          close();
        }
      }}
    >
      <label htmlFor={id}>{t('link.label')}</label>
      <input
        id={id}
        type="text"
        inputMode="url"
        dir="ltr"
        autoFocus
        value={value}
        placeholder={t('link.placeholder')}
        aria-invalid={invalid}
        aria-describedby={invalid ? `${id}-error` : undefined}
        onChange={(event) => {
          setValue(event.target.value);
          setInvalid(false);
        }}
      />
      <button type="submit" className="button button-small button-primary">
        {t('link.apply')}
      </button>
      {current && (
        <button
          type="button"
          className="button button-small"
          onClick={() => {
            editor.chain().focus().extendMarkRange('link').unsetLink().run();
            onClose();
          }}
        >
          {t('link.remove')}
        </button>
      )}
      <button type="button" className="button button-small" onClick={close}>
        {t('link.cancel')}
      </button>
      {invalid && (
        <p id={`${id}-error`} className="link-form-error" role="alert">
          {t('link.invalid')}
        </p>
      )}
    </form>
  );
}
