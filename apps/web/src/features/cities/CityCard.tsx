import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useFormat } from '../../lib/format';
import { cityName } from './cityName';
import { PhaseBadge } from './PhaseBadge';
import type { City } from './types';

/** A partner city on the programme home: its name and country in the interface language, and its phase. */
export function CityCard({ city }: { city: City }) {
  const { t, i18n } = useTranslation('cities');
  const format = useFormat();
  const name = cityName(city, i18n.resolvedLanguage ?? 'en');
  return (
    <article className="card city-card">
      <h3 className="city-card-title">
        <Link to={`/cities/${city.slug}`} className="stretched-link">
          {name}
        </Link>
      </h3>
      <p className="city-card-country">{format.region(city.countryCode, city.country)}</p>
      <div className="city-card-footer">
        <PhaseBadge phase={city.phase} />
        {city.memberRole && <span className="badge badge-role">{t(`common:roles.city.${city.memberRole}`)}</span>}
      </div>
    </article>
  );
}
