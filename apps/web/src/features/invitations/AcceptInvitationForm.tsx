import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { LIMITS } from '@passerelle/domain';
import { useErrorMessage } from '../../app/useErrorMessage';
import { landingPath } from '../auth/landing';
import { useAuth } from '../auth/useAuth';
import { invitationsApi, type InvitationPreview } from './invitationsApi';

/**
 * New people choose a name and a password; people who already have an account confirm with their
 * password. Accepting signs them in and takes them where they work.
 */
export function AcceptInvitationForm({ token, invitation }: { token: string; invitation: InvitationPreview }) {
  const { t } = useTranslation('invitations');
  const id = useId();
  const { completeSignIn } = useAuth();
  const navigate = useNavigate();
  const errorMessage = useErrorMessage();
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const creating = !invitation.existingAccount;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    if (creating && password.length < LIMITS.passwordMinLength) {
      setError(t('errors.passwordTooShort', { min: LIMITS.passwordMinLength }));
      return;
    }
    if (creating && password !== confirm) {
      setError(t('errors.passwordMismatch'));
      return;
    }
    setPending(true);
    try {
      const session = await invitationsApi.accept(token, creating ? { name: name.trim(), password } : { password });
      const me = await completeSignIn(session);
      navigate(landingPath(me), { replace: true });
    } catch (err) {
      setError(errorMessage(err));
      setPending(false);
    }
  };

  return (
    <form onSubmit={submit} className="form-stack">
      {!creating && <p className="alert alert-info">{t('existingAccount')}</p>}
      {error && (
        <p className="alert alert-error" role="alert">
          {error}
        </p>
      )}
      {creating && (
        <div className="field">
          <label htmlFor={`${id}-name`}>{t('fields.name')}</label>
          <input
            id={`${id}-name`}
            autoComplete="name"
            required
            maxLength={LIMITS.nameMaxLength}
            value={name}
            onChange={(e) => setName(e.target.value)}
          />
        </div>
      )}
      <div className="field">
        <label htmlFor={`${id}-password`}>{t('fields.password')}</label>
        <input
          id={`${id}-password`}
          type="password"
          autoComplete={creating ? 'new-password' : 'current-password'}
          required
          minLength={creating ? LIMITS.passwordMinLength : undefined}
          maxLength={LIMITS.passwordMaxLength}
          aria-describedby={creating ? `${id}-password-hint` : undefined}
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
        {creating && (
          <p className="hint" id={`${id}-password-hint`}>
            {t('passwordHint', { min: LIMITS.passwordMinLength })}
          </p>
        )}
      </div>
      {creating && (
        <div className="field">
          <label htmlFor={`${id}-confirm`}>{t('fields.confirm')}</label>
          <input
            id={`${id}-confirm`}
            type="password"
            autoComplete="new-password"
            required
            value={confirm}
            onChange={(e) => setConfirm(e.target.value)}
          />
        </div>
      )}
      <button type="submit" className="button button-primary" disabled={pending}>
        {pending ? t('pending') : t('accept')}
      </button>
    </form>
  );
}
