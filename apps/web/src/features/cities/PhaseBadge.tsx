import { useTranslation } from 'react-i18next';
import type { Phase } from '@passerelle/domain';

export function PhaseBadge({ phase }: { phase: Phase }) {
  const { t } = useTranslation();
  return (
    <span className={`badge badge-phase badge-${phase}`}>
      <span className="visually-hidden">{t('phases.label')}: </span>
      {t(`phases.${phase}`)}
    </span>
  );
}
