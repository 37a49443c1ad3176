import type { CommentThread } from '@passerelle/domain';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState, LoadingState } from '../../app/StatusViews';
import { useErrorMessage } from '../../app/useErrorMessage';
import { CommentIcon } from './CommentIcon';
import { useComments, type ThreadFilter } from './CommentsContext';
import { SuggestionsBar } from './SuggestionsBar';
import { ThreadCard } from './ThreadCard';
import { ThreadComposer } from './ThreadComposer';
import { useThreads } from './useThreads';

const FILTERS: ThreadFilter[] = ['open', 'resolved'];

/**
 * The document's comment threads beside its text, in the order of their passages (detached ones
 * last): open or resolved ones, the new-thread form when a passage was chosen, and for editors the
 * pending suggestions to accept or reject all at once.
 */
export function CommentsPanel() {
  const { t } = useTranslation('comments');
  const message = useErrorMessage();
  const titleId = useId();
  const comments = useComments()!;
  const { documentId, filter, setFilter, draft, canComment, canDecide, error, reportError } = comments;
  const threads = useThreads(documentId);
  const all = threads.data ?? [];
  const count = (which: ThreadFilter) => all.filter((thread) => thread.resolved === (which === 'resolved')).length;
  const shown = all.filter((thread) => thread.resolved === (filter === 'resolved'));
  const pending = all.filter(
    (thread: CommentThread) => !thread.resolved && thread.suggestion?.status === 'pending',
  ).length;

  return (
    <aside className="comments-panel" aria-labelledby={titleId}>
      <header className="comments-header">
        <h2 id={titleId} className="comments-title">
          <CommentIcon />
          {t('panel.title')}
        </h2>
        <div className="comments-filter" role="group" aria-label={t('panel.filter')}>
          {FILTERS.map((which) => (
            <button
              key={which}
              type="button"
              className="filter-button"
              aria-pressed={filter === which}
              onClick={() => setFilter(which)}
            >
              {t(`panel.${which}`, { count: count(which) })}
            </button>
          ))}
        </div>
      </header>
      {canDecide && <SuggestionsBar documentId={documentId} pending={pending} />}
      {error != null && (
        <div className="alert alert-error comments-alert" role="alert">
          <p>{message(error)}</p>
          <button type="button" className="link-button" onClick={() => reportError(null)}>
            {t('panel.dismiss')}
          </button>
        </div>
      )}
      {draft && <ThreadComposer key={draft.anchor.start + draft.anchor.end} draft={draft} />}
      {threads.isPending ? (
        <LoadingState />
      ) : threads.isError ? (
        <ErrorState error={threads.error} onRetry={() => void threads.refetch()} />
      ) : shown.length === 0 ? (
        <div className="comments-empty">
          <p className="state-title">{t(`panel.empty.${filter}`)}</p>
          {filter === 'open' && !draft && (
            <p className="muted">{canComment ? t('panel.emptyHint') : t('panel.emptyHintReadOnly')}</p>
          )}
        </div>
      ) : (
        <ol className="thread-list">
          {shown.map((thread) => (
            <li key={thread.id}>
              <ThreadCard thread={thread} />
            </li>
          ))}
        </ol>
      )}
    </aside>
  );
}
