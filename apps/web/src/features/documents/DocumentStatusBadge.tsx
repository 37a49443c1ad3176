import { useTranslation } from 'react-i18next';
import type { DocumentStatus } from '@passerelle/domain';

export function DocumentStatusBadge({ status, published }: { status: DocumentStatus; published?: boolean }) {
  const { t } = useTranslation('documents');
  return (
    <span className="badge-group">
      <span className={`badge badge-status badge-status-${status}`}>{t(`status.${status}`)}</span>
      {published && <span className="badge badge-published">{t('published')}</span>}
    </span>
  );
}
