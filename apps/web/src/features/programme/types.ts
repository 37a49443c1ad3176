import type { Language } from '@passerelle/domain';

export interface ProgrammeOrganisation {
  id?: string;
  name: string;
  acronym?: string;
  kind?: string;
}

export interface ProgrammeTheme {
  slug: string;
  names: Partial<Record<Language, string>>;
}

/** GET /api/programme */
export interface Programme {
  name: string;
  acronym: string;
  description: string;
  organisations: ProgrammeOrganisation[];
  themes: ProgrammeTheme[];
}
