import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LIMITS, MILESTONE_STATUSES, type MilestoneStatus } from '@passerelle/domain';
import { EmptyState } from '../../app/StatusViews';
import { useErrorMessage } from '../../app/useErrorMessage';
import { useDayFormat } from './useDayFormat';
import { OverdueBadge } from './PilotProjectStatusBadge';
import type { Milestone } from './types';

export interface MilestoneListProps {
  milestones: Milestone[];
  editable: boolean;
  onAdd(body: { title: string; dueDate: string }): Promise<unknown>;
  onStatus(milestoneId: string, status: MilestoneStatus): Promise<unknown>;
  onRemove(milestoneId: string): Promise<unknown>;
}

/** The project's milestones in order, late ones flagged; those who manage the project change them here. */
export function MilestoneList({ milestones, editable, onAdd, onStatus, onRemove }: MilestoneListProps) {
  const { t } = useTranslation('pilotProjects');
  const day = useDayFormat();
  const message = useErrorMessage();
  const [failure, setFailure] = useState<unknown>(null);
  const run = async (action: () => Promise<unknown>) => {
    setFailure(null);
    try {
      await action();
    } catch (error) {
      setFailure(error);
    }
  };

  return (
    <section className="project-section" aria-labelledby="milestones-title">
      <h2 id="milestones-title">{t('milestones.title')}</h2>
      {milestones.length === 0 ? (
        <EmptyState title={t('milestones.emptyTitle')}>{editable ? t('milestones.emptyBodyEditor') : null}</EmptyState>
      ) : (
        <div className="table-wrap">
          <table className="table milestone-table">
            <caption className="visually-hidden">{t('milestones.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('milestones.columns.title')}</th>
                <th scope="col">{t('milestones.columns.due')}</th>
                <th scope="col">{t('milestones.columns.status')}</th>
                {editable && (
                  <th scope="col">
                    <span className="visually-hidden">{t('milestones.columns.actions')}</span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {milestones.map((milestone) => (
                <tr key={milestone.id} className={milestone.overdue ? 'is-overdue' : undefined}>
                  <th scope="row" dir="auto">
                    {milestone.title}
                  </th>
                  <td>
                    <span className="due">
                      <time dateTime={milestone.dueDate}>{day(milestone.dueDate)}</time>
                      {milestone.overdue && <OverdueBadge />}
                    </span>
                  </td>
                  <td>
                    {editable ? (
                      <select
                        aria-label={t('milestones.statusOf', { title: milestone.title })}
                        value={milestone.status}
                        onChange={(e) => void run(() => onStatus(milestone.id, e.target.value as MilestoneStatus))}
                      >
                        {MILESTONE_STATUSES.map((status) => (
                          <option key={status} value={status}>
                            {t(`milestones.status.${status}`)}
                          </option>
                        ))}
                      </select>
                    ) : (
                      <span className={`badge milestone-${milestone.status}`}>
                        {t(`milestones.status.${milestone.status}`)}
                      </span>
                    )}
                  </td>
                  {editable && (
                    <td className="cell-actions">
                      <button
                        type="button"
                        className="button button-small button-quiet"
                        aria-label={t('milestones.removeOf', { title: milestone.title })}
                        onClick={() => void run(() => onRemove(milestone.id))}
                      >
                        {t('milestones.remove')}
                      </button>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {failure !== null && (
        <p className="alert alert-error" role="alert">
          {message(failure)}
        </p>
      )}
      {editable && <MilestoneForm onAdd={onAdd} />}
    </section>
  );
}

function MilestoneForm({ onAdd }: { onAdd: MilestoneListProps['onAdd'] }) {
  const { t } = useTranslation('pilotProjects');
  const message = useErrorMessage();
  const id = useId();
  const [title, setTitle] = useState('');
  const [dueDate, setDueDate] = useState('');
  const [error, setError] = useState<'title' | 'dueDate' | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [pending, setPending] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const problem = !title.trim() ? 'title' : !dueDate ? 'dueDate' : null;
    setError(problem);
    setFailure(null);
    if (problem) {
      document.getElementById(`${id}-${problem}`)?.focus();
      return;
    }
    setPending(true);
    try {
      await onAdd({ title: title.trim(), dueDate });
      setTitle('');
      setDueDate('');
    } catch (caught) {
      setFailure(caught);
    } finally {
      setPending(false);
    }
  };

  return (
    <form className="inline-form" onSubmit={submit} noValidate aria-labelledby={`${id}-legend`}>
      <h3 id={`${id}-legend`} className="inline-form-title">
        {t('milestones.add')}
      </h3>
      <div className="field grow">
        <label htmlFor={`${id}-title`}>{t('milestones.columns.title')}</label>
        <input
          id={`${id}-title`}
          value={title}
          maxLength={LIMITS.titleMaxLength}
          aria-invalid={error === 'title' || undefined}
          onChange={(e) => setTitle(e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-dueDate`}>{t('milestones.columns.due')}</label>
        <input
          id={`${id}-dueDate`}
          type="date"
          value={dueDate}
          aria-invalid={error === 'dueDate' || undefined}
          onChange={(e) => setDueDate(e.target.value)}
        />
      </div>
      <button type="submit" className="button" disabled={pending}>
        {t('milestones.addButton')}
      </button>
      {error && (
        <p className="field-error full" role="alert">
          {t(error === 'title' ? 'milestones.titleRequired' : 'milestones.dueRequired')}
        </p>
      )}
      {failure !== null && (
        <p className="alert alert-error full" role="alert">
          {message(failure)}
        </p>
      )}
    </form>
  );
}
