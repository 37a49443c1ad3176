import type { Language } from '@passerelle/domain';

export interface ThemeNames {
  names: Partial<Record<Language, string>> & { en: string };
}

export interface DefaultTheme extends ThemeNames {
  slug: string;
  names: Record<Language, string>;
}

/** The shared priorities of the programme, in the order the partner cities agreed them. */
export const DEFAULT_THEMES: readonly DefaultTheme[] = [
  {
    slug: 'receiving-refugees',
    names: { en: 'Receiving refugees', fr: 'Accueil des réfugiés', ar: 'استقبال اللاجئين' },
  },
  {
    slug: 'employment-entrepreneurship',
    names: {
      en: 'Employment and entrepreneurship',
      fr: 'Emploi et entrepreneuriat',
      ar: 'التشغيل وريادة الأعمال',
    },
  },
  {
    slug: 'intercultural-dialogue',
    names: {
      en: 'Intercultural dialogue and social cohesion',
      fr: 'Dialogue interculturel et cohésion sociale',
      ar: 'الحوار بين الثقافات والتماسك الاجتماعي',
    },
  },
  {
    slug: 'urban-planning',
    names: { en: 'Urban planning', fr: 'Aménagement urbain', ar: 'التخطيط الحضري' },
  },
  {
    slug: 'basic-services',
    names: {
      en: 'Access to basic services',
      fr: 'Accès aux services de base',
      ar: 'الحصول على الخدمات الأساسية',
    },
  },
  {
    slug: 'institutional-coordination',
    names: { en: 'Institutional coordination', fr: 'Coordination institutionnelle', ar: 'التنسيق المؤسسي' },
  },
  {
    slug: 'unaccompanied-minors',
    names: {
      en: 'Unaccompanied migrant minors',
      fr: 'Mineurs migrants non accompagnés',
      ar: 'القاصرون المهاجرون غير المصحوبين',
    },
  },
];

/** A theme's name in the language, falling back to English when that translation is missing. */
export function themeName(theme: ThemeNames, language: Language): string {
  return theme.names[language]?.trim() || theme.names.en;
}
