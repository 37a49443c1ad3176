import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../../app/useErrorMessage';
import { isApiError } from '../../lib/api';
import { useComments, type CommentDraft } from './CommentsContext';
import { emptyDraft, toBody } from './mentions';
import { MentionInput } from './MentionInput';
import { useCreateThread } from './useThreads';

/**
 * A new thread on the passage chosen in the text: a comment (with mentions) and, for people who may
 * comment but not edit, a proposed wording that the editors can accept into the text.
 */
export function ThreadComposer({ draft }: { draft: CommentDraft }) {
  const { t } = useTranslation('comments');
  const message = useErrorMessage();
  const id = useId();
  const { documentId, lang, dir, canSuggest, endDraft, focusThread } = useComments()!;
  const create = useCreateThread(documentId);
  const [body, setBody] = useState(emptyDraft);
  const [suggesting, setSuggesting] = useState(false);
  const [replacement, setReplacement] = useState(draft.quote.replace(/\s*\n\s*/g, ' '));
  const [problem, setProblem] = useState<string | null>(null);
  const text = toBody(body).trim();

  const submit = () => {
    if (create.isPending) return;
    if (!suggesting && !text) return setProblem(t('composer.empty'));
    if (suggesting && replacement.trim() === draft.quote.trim()) return setProblem(t('composer.sameWording'));
    setProblem(null);
    create.mutate(
      {
        anchor: draft.anchor,
        quote: draft.quote,
        ...(text ? { body: text } : {}),
        ...(suggesting ? { suggestion: replacement } : {}),
      },
      {
        onSuccess: (thread) => {
          endDraft();
          focusThread(thread.id, 'panel');
        },
      },
    );
  };

  const failure =
    create.error == null
      ? null
      : isApiError(create.error) && create.error.status === 400 && create.error.fields?.includes('anchor')
        ? t('composer.anchorLost')
        : message(create.error);

  return (
    <form
      className="thread-card thread-composer"
      aria-labelledby={`${id}-title`}
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <h3 className="composer-title" id={`${id}-title`}>
        {suggesting ? t('composer.titleSuggestion') : t('composer.title')}
      </h3>
      <p className="thread-quote is-static">
        <q lang={lang} dir={dir}>
          {draft.quote}
        </q>
      </p>
      {canSuggest && (
        <label className="composer-toggle">
          <input type="checkbox" checked={suggesting} onChange={(event) => setSuggesting(event.target.checked)} />
          {t('composer.suggest')}
        </label>
      )}
      {suggesting && (
        <div className="field">
          <label htmlFor={`${id}-wording`}>{t('composer.suggestion')}</label>
          <textarea
            id={`${id}-wording`}
            className="comment-textarea"
            lang={lang}
            dir={dir}
            rows={3}
            value={replacement}
            onChange={(event) => setReplacement(event.target.value)}
            aria-describedby={`${id}-wording-hint`}
          />
          <p className="hint" id={`${id}-wording-hint`}>
            {t('composer.suggestionHint')}
          </p>
        </div>
      )}
      <MentionInput
        documentId={documentId}
        value={body}
        onChange={setBody}
        label={suggesting ? t('composer.bodyOptional') : t('composer.body')}
        placeholder={suggesting ? t('composer.bodyOptional') : t('composer.bodyPlaceholder')}
        onSubmit={submit}
        onCancel={endDraft}
        autoFocus
      />
      {(problem ?? failure) && (
        <p className="comment-error" role="alert">
          {problem ?? failure}
        </p>
      )}
      <div className="comment-form-actions">
        <button type="submit" className="button button-small button-primary" disabled={create.isPending}>
          {suggesting ? t('composer.submitSuggestion') : t('composer.submit')}
        </button>
        <button type="button" className="button button-small" onClick={endDraft}>
          {t('comment.cancel')}
        </button>
      </div>
    </form>
  );
}
