import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { ErrorState, LoadingState } from '../../app/StatusViews';
import { useDocumentTitle } from '../../app/useDocumentTitle';
import { isApiError } from '../../lib/api';
import { useFormat } from '../../lib/format';
import { AcceptInvitationForm } from './AcceptInvitationForm';
import { invitationsApi } from './invitationsApi';

/** The one-time invitation link: who invites whom to what, then the form that creates the account. */
export function InvitationPage() {
  const { token = '' } = useParams();
  const { t } = useTranslation('invitations');
  const format = useFormat();
  useDocumentTitle(t('title'));
  const preview = useQuery({
    queryKey: ['invitation', token],
    queryFn: ({ signal }) => invitationsApi.preview(token, signal),
  });

  if (preview.isPending) return <LoadingState />;
  if (preview.isError) {
    if (isApiError(preview.error) && [404, 410].includes(preview.error.status)) {
      return (
        <section className="page page-narrow state-page" role="alert">
          <h1>{t('invalid.title')}</h1>
          <p className="muted">{t('invalid.body')}</p>
        </section>
      );
    }
    return <ErrorState error={preview.error} onRetry={() => void preview.refetch()} />;
  }
  const invitation = preview.data;
  const role = invitation.cityRole
    ? t(`common:roles.city.${invitation.cityRole}`)
    : t(`common:roles.global.${invitation.globalRole}`);

  return (
    <section className="auth-page" aria-labelledby="invitation-title">
      <div className="card auth-card">
        <h1 id="invitation-title">{t('title')}</h1>
        <p className="lead">
          {invitation.cityName
            ? t('summaryCity', { city: invitation.cityName, role })
            : t('summaryProgramme', { role })}
        </p>
        <dl className="meta-list meta-list-stacked">
          <div>
            <dt>{t('email')}</dt>
            <dd dir="ltr">{invitation.email}</dd>
          </div>
          <div>
            <dt>{t('expires')}</dt>
            <dd>
              <time dateTime={invitation.expiresAt}>{format.dateTime(invitation.expiresAt)}</time>
            </dd>
          </div>
        </dl>
        <AcceptInvitationForm token={token} invitation={invitation} />
      </div>
    </section>
  );
}
