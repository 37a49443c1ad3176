import type { ThreadComment } from '@passerelle/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../../app/useErrorMessage';
import { CommentBody } from './CommentBody';
import { fromBody, toBody, type MentionDraft } from './mentions';
import { MentionInput } from './MentionInput';
import { Avatar } from './PersonBadge';
import { useDeleteComment, useEditComment } from './useThreads';
import { When } from './When';

interface CommentItemProps {
  comment: ThreadComment;
  documentId: string;
  /** The author is the person reading, who may still comment: they may edit and delete it. */
  own: boolean;
}

/** One comment of a thread: who, when, what; its author may edit or delete it (it stays, marked deleted). */
export function CommentItem({ comment, documentId, own }: CommentItemProps) {
  const { t } = useTranslation('comments');
  const message = useErrorMessage();
  const [editing, setEditing] = useState<MentionDraft | null>(null);
  const [confirming, setConfirming] = useState(false);
  const author = comment.author?.name ?? t('comment.unknownAuthor');
  const edit = useEditComment(documentId);
  const remove = useDeleteComment(documentId);
  const failure = edit.error ?? remove.error;

  const save = () => {
    if (!editing) return;
    const body = toBody(editing).trim();
    if (!body) return;
    edit.mutate({ commentId: comment.id, body }, { onSuccess: () => setEditing(null) });
  };

  return (
    <li className="comment" data-comment-id={comment.id}>
      <div className="comment-meta">
        <Avatar person={comment.author} />
        <span className="comment-author">{author}</span>
        <When value={comment.createdAt} />
        {comment.editedAt && !comment.deleted && <span className="comment-edited">{t('comment.edited')}</span>}
      </div>
      {comment.deleted ? (
        <p className="comment-deleted">{t('comment.deleted')}</p>
      ) : editing ? (
        <form
          className="comment-form"
          onSubmit={(event) => {
            event.preventDefault();
            save();
          }}
        >
          <MentionInput
            documentId={documentId}
            value={editing}
            onChange={setEditing}
            label={t('comment.editLabel')}
            onSubmit={save}
            onCancel={() => setEditing(null)}
            autoFocus
          />
          <div className="comment-form-actions">
            <button type="submit" className="button button-small button-primary" disabled={edit.isPending}>
              {t('comment.save')}
            </button>
            <button type="button" className="button button-small" onClick={() => setEditing(null)}>
              {t('comment.cancel')}
            </button>
          </div>
        </form>
      ) : (
        <CommentBody body={comment.body} mentions={comment.mentions} />
      )}
      {own && !comment.deleted && !editing && (
        <div className="comment-actions" role="group" aria-label={t('comment.actions', { name: author })}>
          {confirming ? (
            <>
              <span className="comment-confirm">{t('comment.confirmDelete')}</span>
              <button
                type="button"
                className="link-button danger"
                disabled={remove.isPending}
                onClick={() => remove.mutate(comment.id, { onSettled: () => setConfirming(false) })}
              >
                {t('comment.delete')}
              </button>
              <button type="button" className="link-button" onClick={() => setConfirming(false)}>
                {t('comment.cancel')}
              </button>
            </>
          ) : (
            <>
              <button type="button" className="link-button" onClick={() => setEditing(fromBody(comment.body))}>
                {t('comment.edit')}
              </button>
              <button type="button" className="link-button" onClick={() => setConfirming(true)}>
                {t('comment.delete')}
              </button>
            </>
          )}
        </div>
      )}
      {failure != null && (
        <p className="comment-error" role="alert">
          {message(failure)}
        </p>
      )}
    </li>
  );
}
