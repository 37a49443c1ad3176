import type { CommentThread } from '@passerelle/domain';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../../app/useErrorMessage';
import { useAuth } from '../auth/useAuth';
import { CommentItem } from './CommentItem';
import { useComments } from './CommentsContext';
import { ReplyForm } from './ReplyForm';
import { SuggestionView } from './SuggestionView';
import { useSetResolved } from './useThreads';
import { When } from './When';

/**
 * One thread in the panel: its passage (choosing it shows the passage in the text), its suggestion,
 * its comments, a reply box, resolve or reopen. A thread whose text was deleted keeps its original
 * quote and says it is detached.
 */
export function ThreadCard({ thread }: { thread: CommentThread }) {
  const { t } = useTranslation('comments');
  const message = useErrorMessage();
  const { user } = useAuth();
  const comments = useComments()!;
  const { documentId, canComment, focus, focusThread, revealInEditor } = comments;
  const setResolved = useSetResolved(documentId);
  const [replying, setReplying] = useState(false);
  const card = useRef<HTMLElement>(null);
  const focused = focus?.id === thread.id;
  const quote = thread.detached ? thread.quote : (thread.currentQuote ?? thread.quote);

  // Chosen in the text: bring the card into view (the panel scrolls on its own).
  const seq = focused && focus?.origin === 'editor' ? focus.seq : null;
  useEffect(() => {
    if (seq !== null) card.current?.scrollIntoView?.({ block: 'nearest', behavior: 'smooth' });
  }, [seq]);

  const choose = () => {
    focusThread(thread.id, 'panel');
    if (!thread.detached && !thread.resolved) revealInEditor(thread.id);
  };

  const classes = ['thread-card'];
  if (focused) classes.push('is-focused');
  if (thread.resolved) classes.push('is-resolved');
  if (thread.detached) classes.push('is-detached');

  return (
    <article
      ref={card}
      className={classes.join(' ')}
      data-thread-id={thread.id}
      aria-label={t('thread.label', { quote: quote.slice(0, 80) })}
      aria-current={focused ? 'true' : undefined}
      onClick={(event) => {
        // Buttons and boxes inside do their own thing; a click elsewhere on the card chooses the thread.
        if (!(event.target as Element).closest('button, textarea, a, input, [role="option"]')) choose();
      }}
    >
      <div className="thread-head">
        <button type="button" className="thread-quote" onClick={choose} title={t('thread.showInText')}>
          <q lang={comments.lang} dir={comments.dir}>
            {quote}
          </q>
        </button>
        {thread.detached && (
          <span className="badge badge-detached" title={t('thread.detachedHint')}>
            {t('thread.detached')}
          </span>
        )}
      </div>
      {thread.detached && <p className="thread-note">{t('thread.detachedHint')}</p>}
      {thread.suggestion && <SuggestionView thread={thread} />}
      {thread.comments.length > 0 && (
        <ol className="comment-list">
          {thread.comments.map((comment) => (
            <CommentItem
              key={comment.id}
              comment={comment}
              documentId={documentId}
              own={canComment && comment.author?.id === user?.id}
            />
          ))}
        </ol>
      )}
      {thread.resolved && (
        <p className="thread-note">
          {t('thread.resolvedBy', { name: thread.resolvedBy?.name ?? t('comment.unknownAuthor') })}
          {thread.resolvedAt && (
            <>
              {' · '}
              <When value={thread.resolvedAt} />
            </>
          )}
        </p>
      )}
      {canComment && (
        <div className="thread-footer">
          {replying ? (
            <ReplyForm documentId={documentId} threadId={thread.id} onClose={() => setReplying(false)} />
          ) : (
            <div className="thread-actions">
              {!thread.resolved && (
                <button type="button" className="button button-small" onClick={() => setReplying(true)}>
                  {t('thread.reply')}
                </button>
              )}
              <button
                type="button"
                className="button button-small"
                disabled={setResolved.isPending}
                onClick={() => setResolved.mutate({ threadId: thread.id, resolved: !thread.resolved })}
              >
                {thread.resolved ? t('thread.reopen') : t('thread.resolve')}
              </button>
            </div>
          )}
          {setResolved.error != null && (
            <p className="comment-error" role="alert">
              {message(setResolved.error)}
            </p>
          )}
        </div>
      )}
    </article>
  );
}
