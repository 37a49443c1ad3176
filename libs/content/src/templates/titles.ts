import type { DocumentKind, Language, Phase } from '@passerelle/domain';

/** The programme phase a document of each kind belongs to. */
export const DOCUMENT_KIND_PHASE: Readonly<Record<DocumentKind, Phase>> = {
  migration_profile: 'knowledge',
  priority_paper: 'knowledge',
  good_practice: 'knowledge',
  note: 'knowledge',
  minutes: 'dialogue',
};

type TitleFn = (city?: string) => string;

/** French elides "de" before a vowel: "Profil migratoire d'Amman", "… de Lyon". */
const frOf = (city: string): string =>
  /^[aeiouyâàéèêëîïôöûüAEIOUYÂÀÉÈÊËÎÏÔÖÛÜ]/.test(city) ? `d'${city}` : `de ${city}`;
const dash =
  (base: string): TitleFn =>
  (city) =>
    city ? `${base} – ${city}` : base;

const TITLES: Record<DocumentKind, Record<Language, TitleFn>> = {
  migration_profile: {
    en: (city) => (city ? `Migration profile of ${city}` : 'Migration profile'),
    fr: (city) => (city ? `Profil migratoire ${frOf(city)}` : 'Profil migratoire'),
    ar: (city) => (city ? `ملف الهجرة لمدينة ${city}` : 'ملف الهجرة'),
  },
  priority_paper: {
    en: (city) => (city ? `Priority paper of ${city}` : 'City priority paper'),
    fr: (city) => (city ? `Document de priorités ${frOf(city)}` : 'Document de priorités de la ville'),
    ar: (city) => (city ? `ورقة الأولويات لمدينة ${city}` : 'ورقة أولويات المدينة'),
  },
  minutes: { en: dash('Meeting minutes'), fr: dash('Compte rendu de réunion'), ar: dash('محضر اجتماع') },
  good_practice: { en: dash('Good practice'), fr: dash('Bonne pratique'), ar: dash('ممارسة جيدة') },
  note: { en: dash('Note'), fr: dash('Note'), ar: dash('مذكرة') },
};

/** The title a new document of this kind gets when its author gives none. */
export function defaultTitle(kind: DocumentKind, language: Language, cityName?: string): string {
  return TITLES[kind][language](cityName?.trim() || undefined);
}
