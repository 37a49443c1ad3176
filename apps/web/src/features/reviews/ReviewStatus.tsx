import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReviewSummaryDto } from '@passerelle/domain';
import { useFormat } from '../../lib/format';

/** "Nadia Benali and Karim Tazi", in the interface language. */
function useListFormat() {
  const { i18n } = useTranslation();
  const locale = i18n.resolvedLanguage ?? 'en';
  return useMemo(() => new Intl.ListFormat(locale, { type: 'conjunction' }), [locale]);
}

/** Where the review stands: the round, who submitted it, each reviewer's decision and note, who is pending. */
export function ReviewStatus({ summary, userId }: { summary: ReviewSummaryDto; userId: string | undefined }) {
  const { t } = useTranslation('reviews');
  const format = useFormat();
  const list = useListFormat();
  const stateKey =
    summary.status === 'archived' || summary.state === 'closed' ? `closed.${summary.status}` : summary.state;

  return (
    <div className="review-status">
      <p className={`review-state review-state-${summary.state}`} data-state={summary.state}>
        {t(`state.${stateKey}`)}
      </p>
      {summary.submittedBy && summary.submittedAt && summary.round !== null && (
        <p className="muted review-submitted">
          {t('submittedBy', { name: summary.submittedBy.name, round: format.number(summary.round) })}{' '}
          <time dateTime={summary.submittedAt}>{format.dateTime(summary.submittedAt)}</time>
        </p>
      )}
      {summary.published && <p className="review-published">{t('publishedHint')}</p>}
      {summary.approvals.length > 0 && (
        <ul className="review-decisions" aria-label={t('decisionsLabel')}>
          {summary.approvals.map((decision) => (
            <li key={decision.reviewer.id} className={`review-decision review-decision-${decision.decision}`}>
              <div className="review-decision-head">
                <span className="review-decision-name">
                  {decision.reviewer.id === userId
                    ? t('you', { name: decision.reviewer.name })
                    : decision.reviewer.name}
                </span>
                <span className={`badge badge-decision-${decision.decision}`}>
                  {t(`decision.${decision.decision}`)}
                </span>
                <time className="muted" dateTime={decision.updatedAt}>
                  {format.dateTime(decision.updatedAt)}
                </time>
              </div>
              {decision.note && (
                <blockquote className="review-note" dir="auto">
                  {decision.note}
                </blockquote>
              )}
            </li>
          ))}
        </ul>
      )}
      {summary.open && summary.pending.length > 0 && (
        <p className="review-pending">
          <span className="review-pending-label">{t('pending')}</span>{' '}
          {list.format(summary.pending.map((person) => person.name))}
        </p>
      )}
    </div>
  );
}
