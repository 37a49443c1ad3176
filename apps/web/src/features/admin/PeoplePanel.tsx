import { GLOBAL_ROLES, type GlobalRole } from '@passerelle/domain';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState, ErrorState, LoadingState } from '../../app/StatusViews';
import { useErrorMessage } from '../../app/useErrorMessage';
import { RoleChips } from './RoleChips';
import type { AdminUser } from './types';
import { useUpdateUser, useUsers } from './useAdmin';

const matches = (user: AdminUser, query: string) =>
  `${user.name} ${user.email}`.toLocaleLowerCase().includes(query.trim().toLocaleLowerCase());

/** Everyone with an account: global role (admins change it) and whether the account is active. */
export function PeoplePanel({ canManage, selfId }: { canManage: boolean; selfId: string }) {
  const { t } = useTranslation('admin');
  const errorMessage = useErrorMessage();
  const users = useUsers();
  const update = useUpdateUser();
  const [query, setQuery] = useState('');
  const [notice, setNotice] = useState('');
  const filterId = useId();

  if (users.isPending) return <LoadingState />;
  if (users.isError) return <ErrorState error={users.error} onRetry={() => void users.refetch()} />;
  const shown = users.data.filter((user) => matches(user, query));

  const change = (user: AdminUser, body: { role?: GlobalRole; active?: boolean }, done: string) => {
    setNotice('');
    update.mutate({ id: user.id, body }, { onSuccess: () => setNotice(done) });
  };

  return (
    <section className="admin-section" aria-labelledby="people-title">
      <div className="section-heading">
        <h2 id="people-title">{t('people.title')}</h2>
        <div className="field field-inline">
          <label htmlFor={filterId}>{t('people.filter')}</label>
          <input id={filterId} type="search" value={query} onChange={(event) => setQuery(event.target.value)} />
        </div>
      </div>
      {!canManage && <p className="hint">{t('people.coordinatorHint')}</p>}
      <p className="form-status" role="status" aria-live="polite">
        {notice}
      </p>
      {update.isError && (
        <p className="alert alert-error" role="alert">
          {errorMessage(update.error)}
        </p>
      )}
      {shown.length === 0 ? (
        <EmptyState title={query ? t('people.noMatch') : t('people.empty')} />
      ) : (
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">{t('people.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('people.columns.person')}</th>
                <th scope="col">{t('people.columns.role')}</th>
                <th scope="col">{t('people.columns.cities')}</th>
                <th scope="col">{t('people.columns.account')}</th>
                {canManage && <th scope="col">{t('people.columns.actions')}</th>}
              </tr>
            </thead>
            <tbody>
              {shown.map((user) => {
                const self = user.id === selfId;
                const editable = canManage && !self;
                return (
                  <tr key={user.id} className={user.active ? undefined : 'row-inactive'}>
                    <th scope="row">
                      <span className="person-name">{self ? t('people.you', { name: user.name }) : user.name}</span>
                      <span className="person-email">
                        <bdi>{user.email}</bdi>
                      </span>
                    </th>
                    <td>
                      {editable ? (
                        <select
                          className="inline-select"
                          aria-label={t('people.roleFor', { name: user.name })}
                          value={user.role}
                          disabled={update.isPending}
                          onChange={(event) => {
                            const role = event.target.value as GlobalRole;
                            change(
                              user,
                              { role },
                              t('people.roleChanged', { name: user.name, role: t(`common:roles.global.${role}`) }),
                            );
                          }}
                        >
                          {GLOBAL_ROLES.map((role) => (
                            <option key={role} value={role}>
                              {t(`common:roles.global.${role}`)}
                            </option>
                          ))}
                        </select>
                      ) : (
                        t(`common:roles.global.${user.role}`)
                      )}
                    </td>
                    <td>
                      <RoleChips memberships={user.memberships} />
                    </td>
                    <td>
                      <span className={`badge ${user.active ? 'badge-active' : 'badge-inactive'}`}>
                        {user.active ? t('people.active') : t('people.inactive')}
                      </span>
                    </td>
                    {canManage && (
                      <td>
                        {editable && (
                          <button
                            type="button"
                            className="button button-small"
                            aria-label={t(user.active ? 'people.deactivateFor' : 'people.reactivateFor', {
                              name: user.name,
                            })}
                            disabled={update.isPending}
                            onClick={() =>
                              change(
                                user,
                                { active: !user.active },
                                t(user.active ? 'people.deactivated' : 'people.reactivated', { name: user.name }),
                              )
                            }
                          >
                            {user.active ? t('people.deactivate') : t('people.reactivate')}
                          </button>
                        )}
                      </td>
                    )}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
