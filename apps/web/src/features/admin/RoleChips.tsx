import type { MembershipDto } from '@passerelle/domain';
import { useTranslation } from 'react-i18next';
import { cityName } from '../cities/cityName';
import { useCities } from '../cities/useCities';

/** A person's cities with their role in each ("Lyon · Editor"). */
export function RoleChips({ memberships }: { memberships: MembershipDto[] }) {
  const { t, i18n } = useTranslation('admin');
  const cities = useCities();
  if (memberships.length === 0) return <span className="muted">{t('people.noCity')}</span>;
  return (
    <ul className="chip-list">
      {memberships.map((membership) => {
        const city = cities.data?.find((c) => c.id === membership.cityId);
        const name = city ? cityName(city, i18n.resolvedLanguage ?? 'en') : membership.citySlug;
        return (
          <li key={membership.cityId} className="chip">
            {t('people.cityRole', { city: name, role: t(`common:roles.city.${membership.role}`) })}
          </li>
        );
      })}
    </ul>
  );
}
