import { CITY_ROLES, type CityRole } from '@passerelle/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState, ErrorState, LoadingState } from '../../app/StatusViews';
import { useErrorMessage } from '../../app/useErrorMessage';
import { useMembers, usePutMember, useRemoveMember } from './useAdmin';

/** A city's members: change a role in place, or remove someone from the city. */
export function MemberTable({ cityId, cityName }: { cityId: string; cityName: string }) {
  const { t } = useTranslation('admin');
  const errorMessage = useErrorMessage();
  const members = useMembers(cityId);
  const put = usePutMember(cityId);
  const remove = useRemoveMember(cityId);
  const [notice, setNotice] = useState('');
  const busy = put.isPending || remove.isPending;
  const failed = put.error ?? remove.error;

  if (members.isPending) return <LoadingState />;
  if (members.isError) return <ErrorState error={members.error} onRetry={() => void members.refetch()} />;

  return (
    <>
      <p className="form-status" role="status" aria-live="polite">
        {notice}
      </p>
      {failed && (
        <p className="alert alert-error" role="alert">
          {errorMessage(failed)}
        </p>
      )}
      {members.data.length === 0 ? (
        <EmptyState title={t('members.empty', { city: cityName })}>{t('members.emptyHint')}</EmptyState>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">{t('members.title', { city: cityName })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('people.columns.person')}</th>
                <th scope="col">{t('members.role')}</th>
                <th scope="col">{t('people.columns.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {members.data.map((member) => (
                <tr key={member.userId}>
                  <th scope="row">
                    <span className="person-name">{member.name}</span>
                    <span className="person-email">
                      <bdi>{member.email}</bdi>
                    </span>
                  </th>
                  <td>
                    <select
                      className="inline-select"
                      aria-label={t('members.roleFor', { name: member.name })}
                      value={member.role}
                      disabled={busy}
                      onChange={(event) => {
                        const role = event.target.value as CityRole;
                        setNotice('');
                        put.mutate(
                          { userId: member.userId, role },
                          {
                            onSuccess: () =>
                              setNotice(
                                t('members.changed', { name: member.name, role: t(`common:roles.city.${role}`) }),
                              ),
                          },
                        );
                      }}
                    >
                      {CITY_ROLES.map((role) => (
                        <option key={role} value={role}>
                          {t(`common:roles.city.${role}`)}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td>
                    <button
                      type="button"
                      className="button button-small"
                      aria-label={t('members.removeFor', { name: member.name, city: cityName })}
                      disabled={busy}
                      onClick={() => {
                        setNotice('');
                        remove.mutate(member.userId, {
                          onSuccess: () => setNotice(t('members.removed', { name: member.name, city: cityName })),
                        });
                      }}
                    >
                      {t('members.remove')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
