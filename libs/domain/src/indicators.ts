import type { CityAction } from './access';
import type { Language } from './enums';

/** How an indicator's value is read: a whole number, a percentage (0–100) or free text. */
export const INDICATOR_UNITS = ['count', 'percent', 'text'] as const;
export type IndicatorUnit = (typeof INDICATOR_UNITS)[number];

export interface IndicatorDefinition {
  key: string;
  unit: IndicatorUnit;
  names: Record<Language, string>;
}

/**
 * The key figures of a migration profile, in the order a profile presents them. The key is what
 * the API and the database store; the names are what people read in each working language.
 */
export const INDICATOR_CATALOGUE: readonly IndicatorDefinition[] = [
  {
    key: 'population',
    unit: 'count',
    names: { en: 'Population', fr: 'Population', ar: 'عدد السكان' },
  },
  {
    key: 'foreign_born_share',
    unit: 'percent',
    names: {
      en: 'Foreign-born share of the population',
      fr: 'Part de la population née à l’étranger',
      ar: 'نسبة السكان المولودين في الخارج',
    },
  },
  {
    key: 'main_countries_of_origin',
    unit: 'text',
    names: { en: 'Main countries of origin', fr: 'Principaux pays d’origine', ar: 'بلدان المنشأ الرئيسية' },
  },
  {
    key: 'asylum_seekers',
    unit: 'count',
    names: { en: 'Asylum seekers', fr: 'Demandeurs d’asile', ar: 'طالبو اللجوء' },
  },
  {
    key: 'refugees',
    unit: 'count',
    names: { en: 'Refugees', fr: 'Réfugiés', ar: 'اللاجئون' },
  },
  {
    key: 'unaccompanied_minors',
    unit: 'count',
    names: {
      en: 'Unaccompanied migrant minors',
      fr: 'Mineurs migrants non accompagnés',
      ar: 'القاصرون المهاجرون غير المصحوبين',
    },
  },
  {
    key: 'unemployment_rate_migrants',
    unit: 'percent',
    names: {
      en: 'Unemployment rate of migrants',
      fr: 'Taux de chômage des personnes migrantes',
      ar: 'معدل البطالة بين المهاجرين',
    },
  },
  {
    key: 'unemployment_rate_total',
    unit: 'percent',
    names: {
      en: 'Unemployment rate (all residents)',
      fr: 'Taux de chômage (ensemble des habitants)',
      ar: 'معدل البطالة (جميع السكان)',
    },
  },
  {
    key: 'migrant_associations',
    unit: 'count',
    names: { en: 'Migrant associations', fr: 'Associations de personnes migrantes', ar: 'جمعيات المهاجرين' },
  },
];

export const INDICATOR_KEYS: readonly string[] = INDICATOR_CATALOGUE.map((d) => d.key);

export const indicatorDefinition = (key: string): IndicatorDefinition | undefined =>
  INDICATOR_CATALOGUE.find((d) => d.key === key);

/**
 * Who may do what with a city's indicators, in the city actions of the access table: whoever reads
 * the city's workspace reads its figures; the people who run the city's work (its editors and the
 * coordinators, the same as for pilot projects) maintain them.
 */
export const INDICATOR_ACCESS = {
  read: 'view_workspace',
  manage: 'manage_pilot_projects',
} as const satisfies Record<'read' | 'manage', CityAction>;

/** The fixed words of the comparison export's header row. */
export const INDICATOR_EXPORT_LABELS: Readonly<
  Record<Language, { city: string; country: string; year: string; source: string }>
> = {
  en: { city: 'City', country: 'Country', year: 'year', source: 'source' },
  fr: { city: 'Ville', country: 'Pays', year: 'année', source: 'source' },
  ar: { city: 'المدينة', country: 'البلد', year: 'السنة', source: 'المصدر' },
};
