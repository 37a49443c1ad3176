import { useTranslation } from 'react-i18next';
import type { PilotProjectStatus } from '@passerelle/domain';
import './pilotProjects.css';

export function PilotProjectStatusBadge({ status }: { status: PilotProjectStatus }) {
  const { t } = useTranslation('pilotProjects');
  return <span className={`badge project-status project-status-${status}`}>{t(`status.${status}`)}</span>;
}

export function OverdueBadge({ count }: { count?: number }) {
  const { t } = useTranslation('pilotProjects');
  return (
    <span className="badge badge-overdue">
      <span aria-hidden="true">!</span>
      {count === undefined ? t('overdue') : t('overdueCount', { count })}
    </span>
  );
}
