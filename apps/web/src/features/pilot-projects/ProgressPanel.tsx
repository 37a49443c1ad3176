import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState, ErrorState, LoadingState } from '../../app/StatusViews';
import { useErrorMessage } from '../../app/useErrorMessage';
import { useFormat } from '../../lib/format';
import { ProgressBar } from './ProgressBar';
import { useProgressUpdates } from './usePilotProjects';
import { usePercent } from './usePercent';

export interface ProgressPanelProps {
  projectId: string;
  percent: number | null;
  editable: boolean;
  onAdd(body: { percent: number; note?: string }): Promise<unknown>;
}

const NOTE_MAX_LENGTH = 4000;

/** Where the project stands (the latest percentage) and how it got there (every update, newest first). */
export function ProgressPanel({ projectId, percent, editable, onAdd }: ProgressPanelProps) {
  const { t } = useTranslation('pilotProjects');
  const format = useFormat();
  const percentText = usePercent();
  const updates = useProgressUpdates(projectId);

  return (
    <section className="project-section" aria-labelledby="progress-title">
      <h2 id="progress-title">{t('progress.title')}</h2>
      <div className="progress-large">
        <ProgressBar percent={percent} />
      </div>
      {editable && <ProgressForm current={percent} onAdd={onAdd} />}
      {updates.isPending ? (
        <LoadingState />
      ) : updates.isError ? (
        <ErrorState error={updates.error} onRetry={() => void updates.refetch()} />
      ) : updates.data.length === 0 ? (
        <EmptyState title={t('progress.emptyTitle')} />
      ) : (
        <ol className="timeline">
          {updates.data.map((update) => (
            <li key={update.id}>
              <p className="timeline-head">
                <strong>{percentText(update.percent)}</strong>
                <span className="muted">
                  {update.author ? `${update.author.name} · ` : ''}
                  <time dateTime={update.createdAt}>{format.dateTime(update.createdAt)}</time>
                </span>
              </p>
              {update.note && <p dir="auto">{update.note}</p>}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

function ProgressForm({ current, onAdd }: { current: number | null; onAdd: ProgressPanelProps['onAdd'] }) {
  const { t } = useTranslation('pilotProjects');
  const message = useErrorMessage();
  const id = useId();
  const [percent, setPercent] = useState(String(current ?? 0));
  const [note, setNote] = useState('');
  const [invalid, setInvalid] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const [pending, setPending] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const value = Number(percent);
    const ok = percent.trim() !== '' && Number.isInteger(value) && value >= 0 && value <= 100;
    setInvalid(!ok);
    setFailure(null);
    if (!ok) return;
    setPending(true);
    try {
      await onAdd({ percent: value, note: note.trim() || undefined });
      setNote('');
    } catch (caught) {
      setFailure(caught);
    } finally {
      setPending(false);
    }
  };

  return (
    <form className="card form-stack progress-form" onSubmit={submit} noValidate>
      <h3 className="inline-form-title">{t('progress.add')}</h3>
      <div className="field percent-field">
        <label htmlFor={`${id}-percent`}>{t('progress.percent')}</label>
        <div className="percent-input">
          <input
            type="range"
            min={0}
            max={100}
            step={5}
            value={Number(percent) || 0}
            aria-hidden="true"
            tabIndex={-1}
            onChange={(e) => setPercent(e.target.value)}
          />
          <input
            id={`${id}-percent`}
            type="number"
            min={0}
            max={100}
            step={1}
            value={percent}
            aria-invalid={invalid || undefined}
            aria-describedby={invalid ? `${id}-percent-error` : undefined}
            onChange={(e) => setPercent(e.target.value)}
          />
        </div>
        {invalid && (
          <p id={`${id}-percent-error`} className="field-error">
            {t('progress.percentInvalid')}
          </p>
        )}
      </div>
      <div className="field">
        <label htmlFor={`${id}-note`}>{t('progress.note')}</label>
        <textarea
          id={`${id}-note`}
          rows={3}
          maxLength={NOTE_MAX_LENGTH}
          value={note}
          onChange={(e) => setNote(e.target.value)}
        />
      </div>
      {failure !== null && (
        <p className="alert alert-error" role="alert">
          {message(failure)}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={pending}>
          {t('progress.submit')}
        </button>
      </div>
    </form>
  );
}
