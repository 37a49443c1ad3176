import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isFinalPilotProjectStatus, type PilotProjectStatus } from '@passerelle/domain';
import { useErrorMessage } from '../../app/useErrorMessage';
import type { PilotProject } from './types';

export interface StatusActionsProps {
  project: Pick<PilotProject, 'status' | 'allowedTransitions' | 'canManage'>;
  onChange(status: PilotProjectStatus): Promise<unknown>;
}

/**
 * The moves the project may make next, as buttons: exactly the API's `allowedTransitions`, for the
 * people who manage it. Completing and cancelling are final, so they ask once more.
 */
export function StatusActions({ project, onChange }: StatusActionsProps) {
  const { t } = useTranslation('pilotProjects');
  const message = useErrorMessage();
  const [confirming, setConfirming] = useState<PilotProjectStatus | null>(null);
  const [pending, setPending] = useState<PilotProjectStatus | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  if (!project.canManage || project.allowedTransitions.length === 0) return null;

  const label = (to: PilotProjectStatus) =>
    to === 'in_progress' && project.status === 'on_hold' ? t('transitions.resume') : t(`transitions.${to}`);
  const move = async (to: PilotProjectStatus) => {
    setPending(to);
    setFailure(null);
    try {
      await onChange(to);
      setConfirming(null);
    } catch (error) {
      setFailure(error);
    } finally {
      setPending(null);
    }
  };

  return (
    <div className="status-actions" role="group" aria-label={t('transitions.label')}>
      {confirming ? (
        <div className="confirm" role="alertdialog" aria-labelledby="confirm-status">
          <p id="confirm-status">{t(`transitions.confirm.${confirming}`)}</p>
          <div className="form-actions">
            <button
              type="button"
              className="button button-danger"
              disabled={pending !== null}
              onClick={() => void move(confirming)}
            >
              {label(confirming)}
            </button>
            <button type="button" className="button" onClick={() => setConfirming(null)}>
              {t('transitions.keep')}
            </button>
          </div>
        </div>
      ) : (
        <div className="form-actions">
          {project.allowedTransitions.map((to, index) => (
            <button
              key={to}
              type="button"
              // The first move is the project's natural next step; the others are detours.
              className={index === 0 && to !== 'cancelled' ? 'button button-primary' : 'button'}
              disabled={pending !== null}
              onClick={() => (isFinalPilotProjectStatus(to) ? setConfirming(to) : void move(to))}
            >
              {label(to)}
            </button>
          ))}
        </div>
      )}
      {failure !== null && (
        <p className="alert alert-error" role="alert">
          {message(failure)}
        </p>
      )}
    </div>
  );
}
