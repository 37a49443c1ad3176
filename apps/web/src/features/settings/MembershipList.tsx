import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { MeDto } from '@passerelle/domain';
import { EmptyState } from '../../app/StatusViews';
import { cityName } from '../cities/cityName';
import { useCities } from '../cities/useCities';

/** The person's global role and the cities they belong to, with their role in each. */
export function MembershipList({ me }: { me: MeDto }) {
  const { t, i18n } = useTranslation('settings');
  const cities = useCities();
  const language = i18n.resolvedLanguage ?? 'en';

  return (
    <section className="card settings-card" aria-labelledby="memberships-title">
      <h2 id="memberships-title">{t('memberships.title')}</h2>
      <p>
        {t('memberships.globalRole')} <strong>{t(`common:roles.global.${me.role}`)}</strong>
      </p>
      {me.memberships.length === 0 ? (
        <EmptyState title={t('memberships.emptyTitle')}>{t('memberships.emptyBody')}</EmptyState>
      ) : (
        <ul className="membership-list">
          {me.memberships.map((membership) => {
            const city = cities.data?.find((c) => c.id === membership.cityId);
            return (
              <li key={membership.cityId}>
                <Link to={`/cities/${membership.citySlug}`}>
                  {city ? cityName(city, language) : membership.citySlug}
                </Link>
                <span className="badge badge-role">{t(`common:roles.city.${membership.role}`)}</span>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
