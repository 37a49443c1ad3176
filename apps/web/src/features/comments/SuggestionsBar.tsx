import type { SuggestionsDecision } from '@passerelle/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../../app/useErrorMessage';
import { useDecideAll } from './useThreads';

/** Accept all / Reject all for editors, with a confirmation, and what was left pending and why. */
export function SuggestionsBar({ documentId, pending }: { documentId: string; pending: number }) {
  const { t } = useTranslation('comments');
  const message = useErrorMessage();
  const decideAll = useDecideAll(documentId);
  const [asking, setAsking] = useState<'accept' | 'reject' | null>(null);
  const [outcome, setOutcome] = useState<SuggestionsDecision | null>(null);

  const confirm = () => {
    if (!asking) return;
    decideAll.mutate(asking === 'accept', {
      onSuccess: (decision) => setOutcome(decision),
      onSettled: () => setAsking(null),
    });
  };

  return (
    <div className="suggestions-bar">
      {pending > 0 && (
        <>
          <p className="suggestions-count">{t('suggestion.pendingCount', { count: pending })}</p>
          {asking ? (
            <div className="suggestions-confirm" role="group" aria-label={t(`suggestion.confirm.${asking}`)}>
              <p>{t(`suggestion.confirm.${asking}`)}</p>
              <button
                type="button"
                className="button button-small button-primary"
                disabled={decideAll.isPending}
                onClick={confirm}
              >
                {t('suggestion.confirm.yes')}
              </button>
              <button type="button" className="button button-small" onClick={() => setAsking(null)}>
                {t('comment.cancel')}
              </button>
            </div>
          ) : (
            <div className="suggestions-actions">
              <button
                type="button"
                className="button button-small"
                onClick={() => {
                  setOutcome(null);
                  setAsking('accept');
                }}
              >
                {t('suggestion.acceptAll')}
              </button>
              <button
                type="button"
                className="button button-small"
                onClick={() => {
                  setOutcome(null);
                  setAsking('reject');
                }}
              >
                {t('suggestion.rejectAll')}
              </button>
            </div>
          )}
        </>
      )}
      {outcome && (
        <p className="suggestions-outcome" role="status">
          {t('suggestion.outcome', { decided: outcome.decided.length, skipped: outcome.skipped.length })}
        </p>
      )}
      {decideAll.error != null && (
        <p className="comment-error" role="alert">
          {message(decideAll.error)}
        </p>
      )}
    </div>
  );
}
