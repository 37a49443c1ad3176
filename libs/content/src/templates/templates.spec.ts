import { DOCUMENT_KINDS, LANGUAGES, type DocumentKind } from '@passerelle/domain';
import * as Y from 'yjs';
import { toProseMirrorJSON } from '../read';
import { strFromU8, unzipSync } from 'fflate';
import { toDocx } from '../render/docx';
import { toHTML } from '../render/html';
import { toMarkdown } from '../render/markdown';
import { outline, toPlainText } from '../render/text';
import { buildTemplate, fillTemplate } from './index';
import { DEFAULT_THEMES } from './themes';
import { DOCUMENT_KIND_PHASE, defaultTitle } from './titles';

const ARABIC = /[\u0600-\u06ff]/;
const LATIN = /[A-Za-z]/;

/** Headings per kind without a title: [level 1, level 2, level 3]. */
const HEADINGS: Record<DocumentKind, [number, number, number]> = {
  // Key indicators + nine sections; four sub-sections for housing, health, education, employment.
  migration_profile: [0, 10, 4],
  // Introduction + seven themes + adoption; three sub-headings per theme.
  priority_paper: [0, 9, 21],
  minutes: [0, 5, 0],
  good_practice: [0, 4, 0],
  // A note is a title and an empty paragraph, so it gets the default title.
  note: [1, 0, 0],
};

const countLevels = (entries: Array<{ level: number }>): [number, number, number] => [
  entries.filter((e) => e.level === 1).length,
  entries.filter((e) => e.level === 2).length,
  entries.filter((e) => e.level === 3).length,
];

describe.each(DOCUMENT_KINDS)('the %s template', (kind) => {
  it.each(LANGUAGES)('renders in %s with its sections', (language) => {
    const update = buildTemplate(kind, language);
    expect(update).toBeInstanceOf(Uint8Array);
    expect(toPlainText(update).trim()).not.toBe('');
    expect(toHTML(update, { language })).toMatch(/<h[12]>[^<]+<\/h[12]>/);
    expect(toMarkdown(update)).toMatch(/^#{1,2} \S/m);
    expect(countLevels(outline(update))).toEqual(HEADINGS[kind]);
  });

  it.each(LANGUAGES)('exports to Word in %s', async (language) => {
    const bytes = await toDocx(buildTemplate(kind, language), { language });
    const xml = strFromU8(unzipSync(bytes)['word/document.xml']);
    expect(xml).toContain(`>${outline(buildTemplate(kind, language))[0].text}</w:t>`);
  });

  it('is written entirely in Arabic in Arabic', () => {
    const text = toPlainText(buildTemplate(kind, 'ar'));
    expect(text).toMatch(ARABIC);
    expect(text).not.toMatch(LATIN);
  });

  it('is translated: no heading of the French or Arabic template is left in English', () => {
    const english = new Set(outline(buildTemplate(kind, 'en')).map((h) => h.text));
    // Words that are the same in both languages.
    const shared = new Set(['Introduction', 'Participants', 'Note']);
    for (const language of ['fr', 'ar'] as const) {
      const untranslated = outline(buildTemplate(kind, language)).filter(
        (h) => english.has(h.text) && !shared.has(h.text),
      );
      expect(untranslated).toEqual([]);
    }
  });

  it('opens with the title as a first-level heading when one is given', () => {
    const entries = outline(buildTemplate(kind, 'fr', { title: 'Lyon – 2025' }));
    expect(entries[0]).toEqual({ level: 1, text: 'Lyon – 2025' });
    expect(entries.filter((e) => e.level === 1)).toHaveLength(1);
  });
});

describe('templates', () => {
  it('lays out the migration profile key indicators as a table with a header row', () => {
    const md = toMarkdown(buildTemplate('migration_profile', 'en'));
    expect(md).toContain(
      [
        '| Indicator | Value | Year | Source |',
        '| --- | --- | --- | --- |',
        '| Total population |  |  |  |',
        '| Foreign-born share of the population |  |  |  |',
        '| Main countries of origin |  |  |  |',
        '| Asylum seekers and refugees |  |  |  |',
        '| Unaccompanied migrant minors |  |  |  |',
      ].join('\n'),
    );
    expect(outline(buildTemplate('migration_profile', 'en')).map((h) => h.text)).toEqual([
      'Key indicators',
      'City context and population',
      'Migration flows',
      'Legal and institutional framework',
      'Access to housing, health, education and employment',
      'Housing',
      'Health',
      'Education',
      'Employment',
      'Social cohesion and participation',
      'The gender dimension',
      'Children and unaccompanied minors',
      'Stakeholders',
      'Data sources',
    ]);
  });

  it('gives the priority paper one section per shared theme, each with situation, priority and actions', () => {
    const headings = outline(buildTemplate('priority_paper', 'ar'));
    const themes = headings.filter((h) => h.level === 2).map((h) => h.text);
    expect(themes).toEqual(['مقدمة', ...DEFAULT_THEMES.map((t) => t.names.ar), 'الاعتماد والجهات المعنية']);
    expect(headings.slice(2, 5).map((h) => h.text)).toEqual(['الوضع الراهن', 'الأولوية', 'الإجراءات المقترحة']);
    const json = toProseMirrorJSON(buildTemplate('priority_paper', 'ar'));
    expect(json.content.filter((n) => n.type === 'bulletList')).toHaveLength(7);
  });

  it("uses the programme's themes when given, falling back to the English name", () => {
    const themes = [
      { names: { en: 'Housing first', fr: "Le logement d'abord", ar: 'السكن أولاً' } },
      { names: { en: 'Only English' } },
    ];
    const level2 = (language: 'en' | 'fr') =>
      outline(buildTemplate('priority_paper', language, { themes }))
        .filter((h) => h.level === 2)
        .map((h) => h.text);
    expect(level2('fr')).toEqual(['Introduction', "Le logement d'abord", 'Only English', 'Adoption et acteurs']);
    expect(level2('en')).toEqual(['Introduction', 'Housing first', 'Only English', 'Adoption and stakeholders']);
  });

  it('gives the minutes a numbered agenda and a follow-up table', () => {
    const md = toMarkdown(buildTemplate('minutes', 'en'));
    expect(md).toContain('**Date:**\\\n**Place:**\\\n**Chair:**');
    expect(md).toContain(
      '## Agenda\n\n1. Opening and adoption of the agenda\n2. Item for discussion\n3. Any other business',
    );
    expect(md).toContain('## Follow-up');
    expect(md).toContain('| Action | Who | When |\n| --- | --- | --- |\n|  |  |  |');
  });

  it('gives the good practice its four sections', () => {
    expect(outline(buildTemplate('good_practice', 'fr')).map((h) => h.text)).toEqual([
      'Contexte',
      'Ce qui a été fait',
      'Résultats',
      'Comment la transférer',
    ]);
  });

  it('makes a note of a title and an empty paragraph', () => {
    expect(toProseMirrorJSON(buildTemplate('note', 'en', { title: 'Ideas' }))).toEqual({
      type: 'doc',
      content: [
        { type: 'heading', attrs: { level: 1 }, content: [{ type: 'text', text: 'Ideas' }] },
        { type: 'paragraph' },
      ],
    });
    expect(outline(buildTemplate('note', 'ar'))).toEqual([{ level: 1, text: 'مذكرة' }]);
  });

  it('fills an empty document and refuses to fill one that has content', () => {
    const doc = new Y.Doc();
    fillTemplate(doc, 'good_practice', 'en');
    expect(outline(doc)).toHaveLength(4);
    expect(() => fillTemplate(doc, 'good_practice', 'en')).toThrow(/empty/);
    expect(outline(doc)).toHaveLength(4);
  });

  it('shows why templates are written once: two copies filled separately merge into duplicates', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    fillTemplate(a, 'good_practice', 'en');
    fillTemplate(b, 'good_practice', 'en');
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    expect(outline(a)).toHaveLength(8);
  });
});

describe('defaultTitle', () => {
  it('names each kind in each language, with the city when given', () => {
    expect(defaultTitle('migration_profile', 'en', 'Lyon')).toBe('Migration profile of Lyon');
    expect(defaultTitle('migration_profile', 'fr', 'Lyon')).toBe('Profil migratoire de Lyon');
    expect(defaultTitle('migration_profile', 'fr', 'Amman')).toBe("Profil migratoire d'Amman");
    expect(defaultTitle('migration_profile', 'ar', 'طنجة')).toBe('ملف الهجرة لمدينة طنجة');
    expect(defaultTitle('priority_paper', 'fr', 'Turin')).toBe('Document de priorités de Turin');
    expect(defaultTitle('minutes', 'en')).toBe('Meeting minutes');
    expect(defaultTitle('minutes', 'fr', 'Madrid')).toBe('Compte rendu de réunion – Madrid');
    expect(defaultTitle('good_practice', 'ar')).toBe('ممارسة جيدة');
    for (const kind of DOCUMENT_KINDS) {
      for (const language of LANGUAGES) expect(defaultTitle(kind, language, '  ')).toBe(defaultTitle(kind, language));
    }
  });

  it('puts minutes in the dialogue phase and the other kinds in the knowledge phase', () => {
    expect(DOCUMENT_KIND_PHASE).toEqual({
      migration_profile: 'knowledge',
      priority_paper: 'knowledge',
      good_practice: 'knowledge',
      note: 'knowledge',
      minutes: 'dialogue',
    });
  });
});
