import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, type Location } from 'react-router-dom';
import { LoadingState } from '../../app/StatusViews';
import { useDocumentTitle } from '../../app/useDocumentTitle';
import { useErrorMessage } from '../../app/useErrorMessage';
import { landingPath } from './landing';
import { useAuth } from './useAuth';
import { useMe } from './useMe';

interface FromState {
  from?: Location;
}

export function SignInPage() {
  const { t } = useTranslation('auth');
  const { status, signIn } = useAuth();
  const me = useMe();
  const location = useLocation();
  const errorMessage = useErrorMessage();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  useDocumentTitle(t('signIn.title'));

  if (status === 'restoring') return <LoadingState />;
  if (status === 'signedIn') {
    if (!me.data) return <LoadingState />;
    const from = (location.state as FromState | null)?.from;
    const target = from && from.pathname !== '/login' ? `${from.pathname}${from.search}` : landingPath(me.data);
    return <Navigate to={target} replace />;
  }

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setPending(true);
    try {
      await signIn(email.trim(), password);
    } catch (err) {
      setError(errorMessage(err));
      setPending(false);
    }
  };

  return (
    <section className="auth-page" aria-labelledby="sign-in-title">
      <form className="card auth-card" onSubmit={submit}>
        <h1 id="sign-in-title">{t('signIn.title')}</h1>
        <p className="muted">{t('signIn.intro')}</p>
        {error && (
          <p className="alert alert-error" role="alert">
            {error}
          </p>
        )}
        <div className="field">
          <label htmlFor="sign-in-email">{t('fields.email')}</label>
          <input
            id="sign-in-email"
            type="email"
            autoComplete="username"
            required
            value={email}
            onChange={(e) => setEmail(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="sign-in-password">{t('fields.password')}</label>
          <input
            id="sign-in-password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </div>
        <button type="submit" className="button button-primary" disabled={pending}>
          {pending ? t('signIn.pending') : t('signIn.submit')}
        </button>
      </form>
    </section>
  );
}
