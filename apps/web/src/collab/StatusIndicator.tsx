import { useTranslation } from 'react-i18next';
import { statusKind, type StatusInput } from './status';

/**
 * Says whether the text is safe: connecting, offline with what is waiting, saving, or all changes saved.
 * A polite live region, so that a screen reader hears "offline" and "all changes saved" as they happen.
 */
export function StatusIndicator(props: StatusInput) {
  const { t } = useTranslation('editor');
  const kind = statusKind(props);
  const { pending } = props;
  let text: string;
  switch (kind) {
    case 'offline':
      text = pending > 0 ? t('status.offlinePending', { count: pending }) : t('status.offline');
      break;
    case 'connecting':
      text = pending > 0 ? t('status.connectingPending', { count: pending }) : t('status.connecting');
      break;
    case 'saving':
      text = t('status.saving', { count: pending });
      break;
    case 'saved':
      text = t('status.saved');
      break;
    case 'upToDate':
      text = t('status.upToDate');
      break;
  }
  return (
    <p className={`collab-status collab-status-${kind}`} role="status" aria-live="polite" data-status={kind}>
      <span className="collab-status-dot" aria-hidden="true" />
      <span>{text}</span>
    </p>
  );
}
