import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LANGUAGES } from '@passerelle/domain';
import { NAMESPACES } from './index';

const root = __dirname;
const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;

/** Every leaf key of a JSON object, nested keys joined with dots. */
function leafKeys(value: unknown, prefix = ''): string[] {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return [prefix];
  return Object.entries(value as Record<string, unknown>).flatMap(([key, child]) =>
    leafKeys(child, prefix ? `${prefix}.${key}` : key),
  );
}

function load(language: string, file: string): Record<string, unknown> {
  return JSON.parse(readFileSync(join(root, language, file), 'utf8')) as Record<string, unknown>;
}

function leafValues(value: unknown, prefix = ''): Array<[string, unknown]> {
  if (value === null || typeof value !== 'object') return [[prefix, value]];
  return Object.entries(value as Record<string, unknown>).flatMap(([key, child]) =>
    leafValues(child, prefix ? `${prefix}.${key}` : key),
  );
}

/** Plural keys differ by language (Arabic has six forms): compare their base, check forms separately. */
const baseKeys = (keys: string[]) => [...new Set(keys.map((key) => key.replace(PLURAL_SUFFIX, '')))].sort();
const placeholders = (text: string) => [...text.matchAll(/\{\{\s*([\w.]+)/g)].map((m) => m[1]).sort();

describe('locales', () => {
  const files = Object.fromEntries(
    LANGUAGES.map((language) => [
      language,
      readdirSync(join(root, language))
        .filter((f) => f.endsWith('.json'))
        .sort(),
    ]),
  );

  it('has the same files in every language, one per namespace', () => {
    const expected = NAMESPACES.map((ns) => `${ns}.json`).sort();
    for (const language of LANGUAGES)
      expect({ language, files: files[language] }).toEqual({ language, files: expected });
  });

  describe.each(NAMESPACES.map((ns) => `${ns}.json`))('%s', (file) => {
    it('has exactly the same keys in every language', () => {
      const reference = baseKeys(leafKeys(load('en', file)));
      for (const language of LANGUAGES) {
        const keys = baseKeys(leafKeys(load(language, file)));
        const missing = reference.filter((key) => !keys.includes(key));
        const extra = keys.filter((key) => !reference.includes(key));
        expect({ language, missing, extra }).toEqual({ language, missing: [], extra: [] });
      }
    });

    it('gives every plural key exactly the forms its language needs', () => {
      for (const language of LANGUAGES) {
        const keys = leafKeys(load(language, file));
        const needed = [...new Intl.PluralRules(language).resolvedOptions().pluralCategories].sort();
        for (const base of new Set(
          keys.filter((k) => PLURAL_SUFFIX.test(k)).map((k) => k.replace(PLURAL_SUFFIX, '')),
        )) {
          // Arabic writes "no cities" apart from "0 cities": `_zero` is allowed wherever a language has plurals.
          const forms = keys
            .filter((k) => k.replace(PLURAL_SUFFIX, '') === base)
            .map((k) => k.match(PLURAL_SUFFIX)![1])
            .filter((form) => form !== 'zero' || needed.includes('zero'))
            .sort();
          expect({ language, key: base, forms }).toEqual({ language, key: base, forms: needed });
        }
      }
    });

    it('has a non-empty text with the same placeholders as English for every key', () => {
      const english = new Map(leafValues(load('en', file)).map(([key, v]) => [key.replace(PLURAL_SUFFIX, ''), v]));
      for (const language of LANGUAGES) {
        for (const [key, value] of leafValues(load(language, file))) {
          expect({ language, key, type: typeof value }).toEqual({ language, key, type: 'string' });
          expect((value as string).trim()).not.toBe('');
          const reference = english.get(key.replace(PLURAL_SUFFIX, '')) as string;
          // Plural forms like "one city" may leave the count out; everything else keeps every placeholder.
          if (!PLURAL_SUFFIX.test(key))
            expect({ key, language, vars: placeholders(value as string) }).toEqual({
              key,
              language,
              vars: placeholders(reference),
            });
        }
      }
    });
  });
});
