import { useTranslation } from 'react-i18next';
import { EmptyState, ErrorState, LoadingState } from '../../app/StatusViews';
import { useErrorMessage } from '../../app/useErrorMessage';
import { useFormat } from '../../lib/format';
import { InviteForm } from './InviteForm';
import { useInvitations, useRevokeInvitation } from './useAdmin';

/** Inviting people, and the invitations still waiting to be accepted (which can be revoked). */
export function InvitationsPanel({ canInviteStaff }: { canInviteStaff: boolean }) {
  const { t } = useTranslation('admin');
  const format = useFormat();
  const errorMessage = useErrorMessage();
  const invitations = useInvitations();
  const revoke = useRevokeInvitation();

  return (
    <div className="admin-section admin-invitations">
      <InviteForm canInviteStaff={canInviteStaff} />
      <section aria-labelledby="pending-title">
        <h2 id="pending-title">{t('pending.title')}</h2>
        {revoke.isError && (
          <p className="alert alert-error" role="alert">
            {errorMessage(revoke.error)}
          </p>
        )}
        {invitations.isPending ? (
          <LoadingState />
        ) : invitations.isError ? (
          <ErrorState error={invitations.error} onRetry={() => void invitations.refetch()} />
        ) : invitations.data.length === 0 ? (
          <EmptyState title={t('pending.empty')}>{t('pending.emptyHint')}</EmptyState>
        ) : (
          <div className="table-wrap">
            <table className="table">
              <caption className="visually-hidden">{t('pending.title')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('pending.columns.email')}</th>
                  <th scope="col">{t('pending.columns.role')}</th>
                  <th scope="col">{t('pending.columns.invitedBy')}</th>
                  <th scope="col">{t('pending.columns.expires')}</th>
                  <th scope="col">{t('pending.columns.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {invitations.data.map((invitation) => (
                  <tr key={invitation.id}>
                    <th scope="row">
                      <bdi>{invitation.email}</bdi>
                    </th>
                    <td>
                      {invitation.cityName && invitation.cityRole
                        ? t('people.cityRole', {
                            city: invitation.cityName,
                            role: t(`common:roles.city.${invitation.cityRole}`),
                          })
                        : t(`common:roles.global.${invitation.globalRole}`)}
                    </td>
                    <td>{invitation.invitedByName ?? '—'}</td>
                    <td>
                      <time dateTime={invitation.expiresAt}>{format.date(invitation.expiresAt)}</time>
                    </td>
                    <td>
                      <button
                        type="button"
                        className="button button-small"
                        aria-label={t('pending.revokeFor', { email: invitation.email })}
                        disabled={revoke.isPending}
                        onClick={() => revoke.mutate(invitation.id)}
                      >
                        {t('pending.revoke')}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
