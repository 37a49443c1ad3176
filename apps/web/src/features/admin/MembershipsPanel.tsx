import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { ErrorState, LoadingState } from '../../app/StatusViews';
import { cityName } from '../cities/cityName';
import { useCities } from '../cities/useCities';
import { AddMemberForm } from './AddMemberForm';
import { MemberTable } from './MemberTable';

/** One city at a time (kept in the address, `?city=lyon`): its members, their roles, adding someone. */
export function MembershipsPanel() {
  const { t, i18n } = useTranslation('admin');
  const cities = useCities();
  const [params, setParams] = useSearchParams();
  const id = useId();

  if (cities.isPending) return <LoadingState />;
  if (cities.isError) return <ErrorState error={cities.error} onRetry={() => void cities.refetch()} />;
  const city = cities.data.find((c) => c.slug === params.get('city')) ?? cities.data[0];
  if (!city) return null;
  const name = cityName(city, i18n.resolvedLanguage ?? 'en');

  return (
    <section className="admin-section" aria-labelledby={`${id}-title`}>
      <div className="section-heading">
        <h2 id={`${id}-title`}>{t('members.title', { city: name })}</h2>
        <div className="field field-inline">
          <label htmlFor={`${id}-city`}>{t('members.city')}</label>
          <select
            id={`${id}-city`}
            value={city.slug}
            onChange={(event) => setParams({ city: event.target.value }, { replace: true })}
          >
            {cities.data.map((c) => (
              <option key={c.id} value={c.slug}>
                {cityName(c, i18n.resolvedLanguage ?? 'en')}
              </option>
            ))}
          </select>
        </div>
      </div>
      <MemberTable key={city.id} cityId={city.id} cityName={name} />
      <AddMemberForm key={`add-${city.id}`} cityId={city.id} cityName={name} />
    </section>
  );
}
