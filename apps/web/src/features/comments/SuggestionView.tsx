import type { CommentThread } from '@passerelle/domain';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../../app/useErrorMessage';
import { useComments } from './CommentsContext';
import { useDecideSuggestion } from './useThreads';

/** A thread's proposed wording: the passage struck through, the proposal, and what became of it. */
export function SuggestionView({ thread }: { thread: CommentThread }) {
  const { t } = useTranslation('comments');
  const message = useErrorMessage();
  const comments = useComments()!;
  const decide = useDecideSuggestion(comments.documentId);
  const suggestion = thread.suggestion!;
  const proposer = thread.createdBy?.name ?? t('comment.unknownAuthor');
  const pending = suggestion.status === 'pending';
  const decider = suggestion.decidedBy?.name ?? t('comment.unknownAuthor');
  // Pending: the words it would replace now; decided: the words it was proposed for.
  const replaced = pending ? (thread.currentQuote ?? thread.quote) : thread.quote;

  return (
    <div className={`thread-suggestion is-${suggestion.status}`}>
      <p className="suggestion-title">{t('suggestion.proposedBy', { name: proposer })}</p>
      <p className="suggestion-diff" lang={comments.lang} dir={comments.dir}>
        <del className="suggestion-old">{replaced}</del>{' '}
        {suggestion.text ? (
          <ins className="suggestion-new">{suggestion.text}</ins>
        ) : (
          <span className="suggestion-deletion">{t('suggestion.deletion')}</span>
        )}
      </p>
      {pending ? (
        comments.canDecide && (
          <div className="suggestion-actions">
            <button
              type="button"
              className="button button-small button-primary"
              disabled={decide.isPending || thread.detached}
              onClick={() => decide.mutate({ threadId: thread.id, accept: true })}
            >
              {t('suggestion.accept')}
            </button>
            <button
              type="button"
              className="button button-small"
              disabled={decide.isPending}
              onClick={() => decide.mutate({ threadId: thread.id, accept: false })}
            >
              {t('suggestion.reject')}
            </button>
          </div>
        )
      ) : (
        <p className="suggestion-status">{t(`suggestion.${suggestion.status}`, { name: decider })}</p>
      )}
      {decide.error != null && (
        <p className="comment-error" role="alert">
          {message(decide.error)}
        </p>
      )}
    </div>
  );
}
