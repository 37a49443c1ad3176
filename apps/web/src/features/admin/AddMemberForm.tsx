import { CITY_ROLES, type CityRole } from '@passerelle/domain';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../../app/useErrorMessage';
import { useMembers, usePutMember, useUsers } from './useAdmin';

/** Gives someone who already has an account a role in the city (others are invited instead). */
export function AddMemberForm({ cityId, cityName }: { cityId: string; cityName: string }) {
  const { t } = useTranslation('admin');
  const errorMessage = useErrorMessage();
  const users = useUsers();
  const members = useMembers(cityId);
  const put = usePutMember(cityId);
  const id = useId();
  const [userId, setUserId] = useState('');
  const [role, setRole] = useState<CityRole>('stakeholder');
  const memberIds = new Set(members.data?.map((m) => m.userId));
  const candidates = (users.data ?? []).filter((u) => u.active && !memberIds.has(u.id));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!userId) return;
    put.mutate({ userId, role }, { onSuccess: () => setUserId('') });
  };

  return (
    <form className="add-member card" aria-labelledby={`${id}-title`} onSubmit={submit}>
      <h3 id={`${id}-title`}>{t('members.addTitle', { city: cityName })}</h3>
      <div className="form-row">
        <div className="field">
          <label htmlFor={`${id}-person`}>{t('members.person')}</label>
          <select id={`${id}-person`} value={userId} required onChange={(event) => setUserId(event.target.value)}>
            <option value="">{t('members.choosePerson')}</option>
            {candidates.map((user) => (
              <option key={user.id} value={user.id}>
                {t('members.personOption', { name: user.name, email: user.email })}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-role`}>{t('members.role')}</label>
          <select id={`${id}-role`} value={role} onChange={(event) => setRole(event.target.value as CityRole)}>
            {CITY_ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`common:roles.city.${r}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button button-primary" disabled={put.isPending || !userId}>
          {t('members.add')}
        </button>
      </div>
      {put.isError && (
        <p className="alert alert-error" role="alert">
          {errorMessage(put.error)}
        </p>
      )}
    </form>
  );
}
