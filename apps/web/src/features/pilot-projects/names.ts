import type { Language } from '@passerelle/domain';
import type { Organisation, Theme } from './types';

/** A theme's name in the interface language, else in English, else its slug. */
export function themeName(theme: Pick<Theme, 'names' | 'slug'>, language: string): string {
  return theme.names[language as Language] || theme.names.en || theme.slug;
}

export function organisationName(organisation: Pick<Organisation, 'name' | 'acronym'>): string {
  return organisation.acronym ? `${organisation.name} (${organisation.acronym})` : organisation.name;
}

/** The organisations a city's project can name: the programme's partners and the city's own. */
export function organisationsFor(organisations: Organisation[], cityId: string): Organisation[] {
  return organisations
    .filter((o) => o.cityId === null || o.cityId === cityId)
    .sort((a, b) => Number(a.cityId === null) - Number(b.cityId === null) || a.name.localeCompare(b.name));
}

/** Currencies of the partner cities and the programme's donors, offered first in the budget's list. */
export const CURRENCIES = ['EUR', 'USD', 'MAD', 'JOD', 'LBP', 'TND', 'EGP', 'CHF', 'GBP'] as const;
