import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentStatus, DocumentTransition } from '@passerelle/domain';
import { useErrorMessage } from '../../app/useErrorMessage';
import { isApiError } from '../../lib/api';
import { ConfirmDialog } from './ConfirmDialog';
import { CONFIRMED_TRANSITIONS } from './reviewActions';
import { useDocumentMove } from './useReview';

/** The label of a move: submitting a document already in review opens a new round. */
const labelKey = (transition: DocumentTransition, status: DocumentStatus) =>
  transition === 'submit' && status === 'in_review' ? 'resubmit' : transition;

/** The buttons of the status moves the caller may make, with a confirmation for those that freeze or withdraw. */
export function TransitionActions({
  documentId,
  status,
  published,
  transitions,
}: {
  documentId: string;
  status: DocumentStatus;
  published: boolean;
  transitions: DocumentTransition[];
}) {
  const { t } = useTranslation('reviews');
  const errorMessage = useErrorMessage();
  const move = useDocumentMove(documentId);
  const [confirming, setConfirming] = useState<DocumentTransition | null>(null);
  // What the last move did, and the state it left: once someone moves the document again, it is old news.
  const [done, setDone] = useState<{
    transition: DocumentTransition;
    status: DocumentStatus;
    published: boolean;
  } | null>(null);
  const [failed, setFailed] = useState<DocumentTransition | null>(null);

  const run = (transition: DocumentTransition) => {
    setDone(null);
    setFailed(null);
    move.mutate(transition, {
      onSuccess: (doc) => setDone({ transition, status: doc.status, published: doc.published }),
      onError: () => setFailed(transition),
      onSettled: () => setConfirming(null),
    });
  };

  const failure =
    failed && move.error
      ? isApiError(move.error) && move.error.status === 409
        ? t(`refusals.${failed}`)
        : errorMessage(move.error)
      : null;

  return (
    <div className="review-actions">
      {transitions.length > 0 && (
        <div className="form-actions review-buttons">
          {transitions.map((transition) => (
            <button
              key={transition}
              type="button"
              className={transition === 'archive' || transition === 'unpublish' ? 'button' : 'button button-primary'}
              disabled={move.isPending}
              onClick={() => (CONFIRMED_TRANSITIONS.has(transition) ? setConfirming(transition) : run(transition))}
            >
              {t(`actions.${labelKey(transition, status)}`)}
            </button>
          ))}
        </div>
      )}
      {failure && (
        <p className="alert alert-error" role="alert">
          {failure}
        </p>
      )}
      {done && done.status === status && done.published === published && (
        <p className="form-status" role="status">
          {t(`done.${done.transition}`)}
        </p>
      )}
      {confirming && (
        <ConfirmDialog
          title={t(`confirm.${confirming}.title`)}
          body={t(`confirm.${confirming}.body`)}
          confirmLabel={t(`actions.${confirming}`)}
          busy={move.isPending}
          onConfirm={() => run(confirming)}
          onCancel={() => setConfirming(null)}
        />
      )}
    </div>
  );
}
