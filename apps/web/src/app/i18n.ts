import i18next, { type i18n as I18n } from 'i18next';
import LanguageDetector from 'i18next-browser-languagedetector';
import { initReactI18next } from 'react-i18next';
import { LANGUAGES, type Language } from '@passerelle/domain';
import { NAMESPACES, resources } from '../locales';

/** Where the chosen interface language is remembered between visits. */
export const LANGUAGE_STORAGE_KEY = 'passerelle.lang';

export const isLanguage = (value: unknown): value is Language =>
  typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);

/** The language of an i18n instance, reduced to one of the working languages. */
export function currentLanguage(i18n: Pick<I18n, 'resolvedLanguage' | 'language'>): Language {
  const lng = i18n.resolvedLanguage ?? i18n.language;
  return isLanguage(lng) ? lng : 'en';
}

/** Mirrors the whole page for right-to-left languages and tells assistive technology the language. */
export function applyDocumentLanguage(i18n: I18n, lng: string): void {
  if (typeof document === 'undefined') return;
  document.documentElement.lang = lng;
  document.documentElement.dir = i18n.dir(lng);
}

export interface CreateI18nOptions {
  /** Force a language (tests); otherwise it comes from localStorage, then the browser. */
  lng?: Language;
}

/** Builds the app's i18next instance with every resource bundled: three small languages, no loading flash. */
export function createI18n(options: CreateI18nOptions = {}): I18n {
  const instance = i18next.createInstance();
  instance.on('languageChanged', (lng) => applyDocumentLanguage(instance, lng));
  instance
    .use(LanguageDetector)
    .use(initReactI18next)
    .init({
      resources,
      lng: options.lng,
      ns: [...NAMESPACES],
      defaultNS: 'common',
      fallbackLng: 'en',
      supportedLngs: [...LANGUAGES],
      nonExplicitSupportedLngs: true,
      load: 'languageOnly',
      initAsync: false,
      interpolation: { escapeValue: false },
      returnNull: false,
      detection: {
        order: ['localStorage', 'navigator'],
        lookupLocalStorage: LANGUAGE_STORAGE_KEY,
        caches: ['localStorage'],
      },
      react: { useSuspense: false },
    });
  return instance;
}
