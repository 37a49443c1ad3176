import type { Language, OrganisationKind, Phase } from '@passerelle/domain';

/**
 * The demo programme of the spec, written in our own words from the public texts about the
 * Mediterranean city-to-city networks. Natural keys (slugs, organisation names) are what the seed
 * matches on, so changing a key here creates a new row rather than renaming the old one.
 */
export const DEMO_PROGRAMME = {
  slug: 'mc2cm',
  name: 'Mediterranean City-to-City Migration',
  acronym: 'MC2CM',
  description:
    'A peer-learning network of cities on both shores of the Mediterranean that work on how migrants are ' +
    'received and included at the local level. Cities start by exchanging with their peers (Dialogue), ' +
    'document their own situation in a migration profile and agree a priority paper with local stakeholders ' +
    '(Knowledge), then carry out pilot projects that put those priorities into practice (Action).',
} as const;

export interface DemoCity {
  slug: string;
  name: string;
  names: Record<Language, string>;
  country: string;
  countryCode: string;
  phase: Phase;
  /** Working languages, the main one first (documents are written in it). */
  languages: Language[];
  description: string;
}

export const DEMO_CITIES: readonly DemoCity[] = [
  {
    slug: 'amman',
    name: 'Amman',
    names: { en: 'Amman', fr: 'Amman', ar: 'عمّان' },
    country: 'Jordan',
    countryCode: 'JO',
    phase: 'knowledge',
    languages: ['ar', 'en'],
    description:
      'A capital whose population has grown with successive arrivals from neighbouring countries. The ' +
      'municipality is mapping how newcomers reach schools, clinics and housing for its migration profile.',
  },
  {
    slug: 'beirut',
    name: 'Beirut',
    names: { en: 'Beirut', fr: 'Beyrouth', ar: 'بيروت' },
    country: 'Lebanon',
    countryCode: 'LB',
    phase: 'dialogue',
    languages: ['ar', 'fr', 'en'],
    description:
      'A city hosting a large displaced population under strained public services. Its team is taking part ' +
      'in peer exchanges on service delivery before starting its own research.',
  },
  {
    slug: 'lisbon',
    name: 'Lisbon',
    names: { en: 'Lisbon', fr: 'Lisbonne', ar: 'لشبونة' },
    country: 'Portugal',
    countryCode: 'PT',
    phase: 'action',
    languages: ['en', 'fr'],
    description:
      'A long-standing city of arrival with one-stop reception desks for migrants. Its adopted priorities ' +
      'now guide a pilot project that connects newcomers with employers and training.',
  },
  {
    slug: 'lyon',
    name: 'Lyon',
    names: { en: 'Lyon', fr: 'Lyon', ar: 'ليون' },
    country: 'France',
    countryCode: 'FR',
    phase: 'knowledge',
    languages: ['fr', 'en'],
    description:
      'The metropolitan area that hosted the network’s first technical workshop. Around the Guillotière ' +
      'district, associations offer language classes, school support and help with social rights; they sit ' +
      'with the city in the stakeholder group that reviews the priority paper.',
  },
  {
    slug: 'madrid',
    name: 'Madrid',
    names: { en: 'Madrid', fr: 'Madrid', ar: 'مدريد' },
    country: 'Spain',
    countryCode: 'ES',
    phase: 'action',
    languages: ['en', 'fr'],
    description:
      'A city with neighbourhood-level intercultural mediation services. It is running a pilot project on ' +
      'coordination between municipal departments that receive migrants.',
  },
  {
    slug: 'tangier',
    name: 'Tangier',
    names: { en: 'Tangier', fr: 'Tanger', ar: 'طنجة' },
    country: 'Morocco',
    countryCode: 'MA',
    phase: 'knowledge',
    languages: ['ar', 'fr'],
    description:
      'A port city on the Strait of Gibraltar that has become a place to settle as well as to pass through. ' +
      'The commune and local associations are drafting a priority paper with a focus on unaccompanied minors.',
  },
  {
    slug: 'turin',
    name: 'Turin',
    names: { en: 'Turin', fr: 'Turin', ar: 'تورينو' },
    country: 'Italy',
    countryCode: 'IT',
    phase: 'knowledge',
    languages: ['en', 'fr'],
    description:
      'An industrial city shaped by internal and international migration. Its profile looks at housing and ' +
      'at the role of migrant entrepreneurs in the local economy.',
  },
];

export interface DemoOrganisation {
  name: string;
  acronym: string | null;
  kind: OrganisationKind;
  /** Slug of the city of a local organisation; null for partners. */
  city: string | null;
  website: string | null;
}

export const DEMO_ORGANISATIONS: readonly DemoOrganisation[] = [
  {
    name: 'United Cities and Local Governments',
    acronym: 'UCLG',
    kind: 'partner',
    city: null,
    website: 'https://www.uclg.org',
  },
  {
    name: 'International Centre for Migration Policy Development',
    acronym: 'ICMPD',
    kind: 'partner',
    city: null,
    website: 'https://www.icmpd.org',
  },
  {
    name: 'United Nations Human Settlements Programme',
    acronym: 'UN-Habitat',
    kind: 'partner',
    city: null,
    website: 'https://unhabitat.org',
  },
  { name: 'Maison des Solidarités de la Guillotière', acronym: null, kind: 'local', city: 'lyon', website: null },
  {
    name: 'Métropole de Lyon – Mission Inclusion',
    acronym: null,
    kind: 'city_department',
    city: 'lyon',
    website: null,
  },
  { name: 'Association Détroit Accueil', acronym: null, kind: 'local', city: 'tangier', website: null },
  {
    name: 'Commune de Tanger – Division de l’Action sociale',
    acronym: null,
    kind: 'city_department',
    city: 'tangier',
    website: null,
  },
  { name: 'Amman Newcomers Community Centre', acronym: null, kind: 'local', city: 'amman', website: null },
  { name: 'Rede Lisboa Acolhe', acronym: null, kind: 'local', city: 'lisbon', website: null },
  { name: 'Torino Intercultural Employers’ Forum', acronym: null, kind: 'local', city: 'turin', website: null },
];

/** The shared priorities that the partner cities agreed on at the start of the programme. */
export const DEMO_THEMES: ReadonlyArray<{ slug: string; names: Record<Language, string> }> = [
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
  { slug: 'urban-planning', names: { en: 'Urban planning', fr: 'Urbanisme', ar: 'التخطيط الحضري' } },
  {
    slug: 'basic-services',
    names: {
      en: 'Access to basic services',
      fr: 'Accès aux services de base',
      ar: 'الوصول إلى الخدمات الأساسية',
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
