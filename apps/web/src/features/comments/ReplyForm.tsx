import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../../app/useErrorMessage';
import { emptyDraft, toBody } from './mentions';
import { MentionInput } from './MentionInput';
import { useReply } from './useThreads';

/** The reply box of a thread, opened by its Reply button. */
export function ReplyForm({
  documentId,
  threadId,
  onClose,
}: {
  documentId: string;
  threadId: string;
  onClose(): void;
}) {
  const { t } = useTranslation('comments');
  const message = useErrorMessage();
  const reply = useReply(documentId);
  const [draft, setDraft] = useState(emptyDraft);
  const body = toBody(draft).trim();

  const send = () => {
    if (!body || reply.isPending) return;
    reply.mutate({ threadId, body }, { onSuccess: onClose });
  };

  return (
    <form
      className="comment-form"
      onSubmit={(event) => {
        event.preventDefault();
        send();
      }}
    >
      <MentionInput
        documentId={documentId}
        value={draft}
        onChange={setDraft}
        label={t('thread.replyLabel')}
        placeholder={t('thread.replyPlaceholder')}
        onSubmit={send}
        onCancel={onClose}
        rows={2}
        autoFocus
      />
      {reply.error != null && (
        <p className="comment-error" role="alert">
          {message(reply.error)}
        </p>
      )}
      <div className="comment-form-actions">
        <button type="submit" className="button button-small button-primary" disabled={!body || reply.isPending}>
          {t('thread.send')}
        </button>
        <button type="button" className="button button-small" onClick={onClose}>
          {t('comment.cancel')}
        </button>
      </div>
    </form>
  );
}
