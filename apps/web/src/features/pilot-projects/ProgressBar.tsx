import { useTranslation } from 'react-i18next';
import { usePercent } from './usePercent';
import './pilotProjects.css';

/** A percentage as a bar and a number; "no update yet" when there is none. */
export function ProgressBar({ percent, label }: { percent: number | null; label?: string }) {
  const { t } = useTranslation('pilotProjects');
  const percentText = usePercent();
  if (percent === null) return <span className="muted progress-none">{t('progress.none')}</span>;
  const value = Math.max(0, Math.min(100, percent));
  const text = percentText(value);
  return (
    <span className="progress">
      <span
        className="progress-track"
        role="progressbar"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={value}
        aria-valuetext={text}
        aria-label={label ?? t('progress.label')}
      >
        <span className="progress-fill" style={{ inlineSize: `${value}%` }} />
      </span>
      <span className="progress-value">{text}</span>
    </span>
  );
}
