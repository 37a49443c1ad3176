import { CITY_ROLES, GLOBAL_ROLES, type CityRole, type GlobalRole } from '@passerelle/domain';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../../app/useErrorMessage';
import { cityName } from '../cities/cityName';
import { useCities } from '../cities/useCities';
import { CreatedLink } from './CreatedLink';
import { useCreateInvitation } from './useAdmin';

/**
 * Invites someone by email, to a city with a role or to the programme alone; admins may also make them
 * coordinator or admin. The answer's one-time link is shown once, to copy and hand over.
 */
export function InviteForm({ canInviteStaff }: { canInviteStaff: boolean }) {
  const { t, i18n } = useTranslation('admin');
  const errorMessage = useErrorMessage();
  const cities = useCities();
  const create = useCreateInvitation();
  const id = useId();
  const [email, setEmail] = useState('');
  const [cityId, setCityId] = useState('');
  const [cityRole, setCityRole] = useState<CityRole>('editor');
  const [globalRole, setGlobalRole] = useState<GlobalRole>('member');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(
      {
        email: email.trim(),
        ...(cityId ? { cityId, cityRole } : {}),
        ...(globalRole !== 'member' ? { globalRole } : {}),
      },
      { onSuccess: () => setEmail('') },
    );
  };

  return (
    <div className="card invite-card">
      <h2 id={`${id}-title`}>{t('invite.title')}</h2>
      <form className="invite-form" aria-labelledby={`${id}-title`} onSubmit={submit}>
        <div className="field">
          <label htmlFor={`${id}-email`}>{t('invite.email')}</label>
          <input
            id={`${id}-email`}
            type="email"
            required
            autoComplete="off"
            value={email}
            onChange={(event) => setEmail(event.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-city`}>{t('invite.city')}</label>
          <select id={`${id}-city`} value={cityId} onChange={(event) => setCityId(event.target.value)}>
            <option value="">{t('invite.noCity')}</option>
            {cities.data?.map((city) => (
              <option key={city.id} value={city.id}>
                {cityName(city, i18n.resolvedLanguage ?? 'en')}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-city-role`}>{t('invite.cityRole')}</label>
          <select
            id={`${id}-city-role`}
            value={cityRole}
            disabled={!cityId}
            onChange={(event) => setCityRole(event.target.value as CityRole)}
          >
            {CITY_ROLES.map((role) => (
              <option key={role} value={role}>
                {t(`common:roles.city.${role}`)}
              </option>
            ))}
          </select>
        </div>
        {canInviteStaff && (
          <div className="field">
            <label htmlFor={`${id}-global-role`}>{t('invite.globalRole')}</label>
            <select
              id={`${id}-global-role`}
              value={globalRole}
              onChange={(event) => setGlobalRole(event.target.value as GlobalRole)}
            >
              {GLOBAL_ROLES.map((role) => (
                <option key={role} value={role}>
                  {t(`common:roles.global.${role}`)}
                </option>
              ))}
            </select>
          </div>
        )}
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={create.isPending}>
            {create.isPending ? t('invite.sending') : t('invite.submit')}
          </button>
        </div>
      </form>
      {create.isError && (
        <p className="alert alert-error" role="alert">
          {errorMessage(create.error)}
        </p>
      )}
      {create.data && !create.isPending && <CreatedLink invitation={create.data} />}
    </div>
  );
}
