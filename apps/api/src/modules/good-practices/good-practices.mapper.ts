import type { GoodPracticeAdoption, GoodPracticeResponse, GoodPracticeTheme } from './dto/good-practice.dto';
import type { AdoptionRecord, GoodPracticeRecord, ThemeLinkRecord } from './good-practices.repository';

const EXCERPT_LENGTH = 240;

/** The opening of a text, without the title it starts with (templates open with it), cut at a word boundary. */
export function excerptOf(text: string, title = ''): string {
  let flat = text.replace(/\s+/g, ' ').trim();
  const heading = title.replace(/\s+/g, ' ').trim();
  if (heading && flat.startsWith(heading)) flat = flat.slice(heading.length).trim();
  if (flat.length <= EXCERPT_LENGTH) return flat;
  const cut = flat.slice(0, EXCERPT_LENGTH);
  const space = cut.lastIndexOf(' ');
  return `${(space > EXCERPT_LENGTH / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

export const mapTheme = (t: ThemeLinkRecord): GoodPracticeTheme => ({ id: t.id, slug: t.slug, names: t.names ?? {} });

export const mapAdoption = (a: AdoptionRecord, showProject: boolean, canRemove: boolean): GoodPracticeAdoption => ({
  id: a.id,
  documentId: a.documentId,
  city: { id: a.cityId, slug: a.citySlug, name: a.cityName },
  pilotProject:
    showProject && a.pilotProjectId && a.pilotProjectTitle !== null
      ? { id: a.pilotProjectId, title: a.pilotProjectTitle }
      : null,
  note: a.note,
  createdAt: new Date(a.createdAt).toISOString(),
  canRemove,
});

export const mapGoodPractice = (
  p: GoodPracticeRecord,
  themes: GoodPracticeTheme[],
  adoptions: GoodPracticeAdoption[],
  canClassify: boolean,
): GoodPracticeResponse => ({
  id: p.id,
  title: p.title,
  language: p.language,
  status: p.status,
  published: p.published,
  cityId: p.cityId,
  city:
    p.cityId && p.citySlug !== null && p.cityName !== null
      ? { id: p.cityId, slug: p.citySlug, name: p.cityName }
      : null,
  excerpt: excerptOf(p.excerpt ?? '', p.title),
  updatedAt: new Date(p.updatedAt).toISOString(),
  themes,
  adoptions,
  canClassify,
});
