import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LIMITS, type ApprovalDecision } from '@passerelle/domain';
import { useErrorMessage } from '../../app/useErrorMessage';
import { isApiError } from '../../lib/api';
import { useReviewDecision } from './useReview';

/**
 * Approve or request changes, with a note (required for changes: the editors need to know what to
 * change). Deciding again replaces one's earlier decision in the round.
 */
export function ReviewDecisionForm({ documentId, decided }: { documentId: string; decided: boolean }) {
  const { t } = useTranslation('reviews');
  const errorMessage = useErrorMessage();
  const decide = useReviewDecision(documentId);
  const [note, setNote] = useState('');
  const [missingNote, setMissingNote] = useState(false);
  const [done, setDone] = useState<ApprovalDecision | null>(null);
  const noteId = useId();
  const hintId = useId();

  const submit = (decision: ApprovalDecision) => (event?: FormEvent) => {
    event?.preventDefault();
    const text = note.trim();
    if (decision === 'request_changes' && text.length === 0) {
      setMissingNote(true);
      return;
    }
    setMissingNote(false);
    setDone(null);
    decide.mutate(
      { decision, note: text },
      {
        onSuccess: () => {
          setNote('');
          setDone(decision);
        },
      },
    );
  };

  const failure = decide.error
    ? isApiError(decide.error) && decide.error.status === 409
      ? t('refusals.review')
      : errorMessage(decide.error)
    : null;

  return (
    <form className="review-form form-stack" onSubmit={submit('approve')} noValidate>
      <h3 className="review-form-title">{decided ? t('form.changeTitle') : t('form.title')}</h3>
      <div className="field">
        <label htmlFor={noteId}>{t('form.note')}</label>
        <textarea
          id={noteId}
          className="textarea"
          rows={3}
          value={note}
          maxLength={LIMITS.commentMaxLength}
          dir="auto"
          aria-describedby={hintId}
          aria-invalid={missingNote || undefined}
          onChange={(event) => setNote(event.target.value)}
        />
        <p id={hintId} className={missingNote ? 'hint hint-error' : 'hint'}>
          {missingNote ? t('form.noteRequired') : t('form.noteHint')}
        </p>
      </div>
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={decide.isPending}>
          {t('form.approve')}
        </button>
        <button type="button" className="button" disabled={decide.isPending} onClick={submit('request_changes')}>
          {t('form.requestChanges')}
        </button>
      </div>
      {failure && (
        <p className="alert alert-error" role="alert">
          {failure}
        </p>
      )}
      {done && (
        <p className="form-status" role="status">
          {t(`form.done.${done}`)}
        </p>
      )}
    </form>
  );
}
