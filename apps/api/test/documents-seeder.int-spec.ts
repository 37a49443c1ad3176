import type { DocumentKind } from '@passerelle/domain';
import { DocumentsSeeder } from '../src/modules/documents/seed/documents.seeder';
import { bearer } from './utils/document-fixtures';
import { createCity, createDocument, createProgramme, createUser } from './utils/factories';
import { createTestApp, TestApp } from './utils/test-app';

const ARABIC = /[\u0600-\u06FF]/;

describe('DocumentsSeeder', () => {
  let t: TestApp;
  let programmeId: string;
  let cities: Array<{ id: string; slug: string; name: string; languages: string[] }>;
  let authorId: string;

  beforeAll(async () => {
    t = await createTestApp();
    programmeId = (await createProgramme(t.db)).id;
    const themes: Array<[string, Record<string, string>]> = [
      ['receiving-refugees', { en: 'Receiving refugees', fr: 'Accueil des réfugiés', ar: 'استقبال اللاجئين' }],
      ['urban-planning', { en: 'Urban planning', fr: 'Urbanisme', ar: 'التخطيط الحضري' }],
    ];
    for (const [position, [slug, names]] of themes.entries()) {
      await t.db.query(`INSERT INTO themes (programme_id, slug, names, position) VALUES ($1, $2, $3, $4)`, [
        programmeId,
        slug,
        names,
        position,
      ]);
    }
    const make = async (slug: string, name: string, languages: string[], names: Record<string, string>) => {
      const city = await createCity(t.db, programmeId, { slug: `${slug}-${programmeId.slice(0, 8)}`, name });
      await t.db.query(`UPDATE cities SET languages = $2, names = $3 WHERE id = $1`, [city.id, languages, names]);
      return { id: city.id, slug, name, languages };
    };
    cities = [
      await make('lyon', 'Lyon', ['fr', 'en'], { en: 'Lyon', fr: 'Lyon', ar: 'ليون' }),
      await make('tangier', 'Tangier', ['ar', 'fr'], { en: 'Tangier', fr: 'Tanger', ar: 'طنجة' }),
      await make('lisbon', 'Lisbon', ['en', 'fr'], { en: 'Lisbon', fr: 'Lisbonne', ar: 'لشبونة' }),
    ];
    authorId = (await createUser(t.db, { role: 'coordinator' })).id;
  });
  afterAll(async () => {
    await t.close();
  });

  const documentsOf = async (cityId: string) =>
    (await t.db.query(
      `SELECT id, kind, title, language, status, published, plain_text FROM documents WHERE city_id = $1 ORDER BY kind`,
      [cityId],
    )) as Array<{
      id: string;
      kind: DocumentKind;
      title: string;
      language: string;
      status: string;
      published: boolean;
      plain_text: string;
    }>;

  it('gives every city a migration profile and a priority paper in its first language, once', async () => {
    const seeder = t.app.get(DocumentsSeeder);
    const [lyon, tangier, lisbon] = cities;
    // Lisbon already has its migration profile: the seeder adds only what is missing.
    const existing = await createDocument(t.db, { programmeId, cityId: lisbon.id, kind: 'migration_profile' });

    await seeder.seedCityDocuments(programmeId, cities, authorId);
    const first = await t.db.query(`SELECT id FROM documents ORDER BY id`);
    await seeder.seedCityDocuments(programmeId, cities, authorId);
    expect(await t.db.query(`SELECT id FROM documents ORDER BY id`)).toEqual(first);

    const lyonDocs = await documentsOf(lyon.id);
    expect(lyonDocs.map((d) => [d.kind, d.language, d.title])).toEqual([
      ['good_practice', 'fr', "Lyon – Des permanences d'accès aux droits à la Guillotière"],
      ['migration_profile', 'fr', 'Profil migratoire de Lyon'],
      ['priority_paper', 'fr', 'Document de priorités de Lyon'],
    ]);
    const tangierDocs = await documentsOf(tangier.id);
    expect(tangierDocs.map((d) => [d.kind, d.language])).toEqual([
      ['migration_profile', 'ar'],
      ['priority_paper', 'ar'],
    ]);
    for (const doc of tangierDocs) {
      expect(doc.title).toContain('طنجة');
      expect(doc.plain_text).toMatch(ARABIC);
    }
    const lisbonDocs = await documentsOf(lisbon.id);
    expect(lisbonDocs.map((d) => [d.id === existing.id, d.kind, d.language])).toEqual([
      [true, 'migration_profile', 'en'],
      [false, 'priority_paper', 'en'],
    ]);
  });

  it('writes real text into Lyon’s priority paper, keeping the template’s structure', async () => {
    const coordinator = await createUser(t.db, { role: 'coordinator' });
    const token = await t.login(coordinator.email);
    const paper = (await documentsOf(cities[0].id)).find((d) => d.kind === 'priority_paper')!;
    const res = await t.http().get(`/api/documents/${paper.id}/content?format=markdown`).set(bearer(token));
    expect(res.status).toBe(200);
    expect(res.text).toContain('# Document de priorités de Lyon');
    expect(res.text).toContain('## Accueil des réfugiés');
    expect(res.text).toContain("Offrir à chaque personne nouvellement arrivée un parcours d'accueil lisible");
    expect(res.text).toContain('Guillotière');
    // A theme without written text keeps the template's guidance, for the demo to fill in.
    expect(res.text).toContain('## Urbanisme');
    expect(res.text).toMatch(/## Urbanisme[\s\S]*Situation actuelle/);
    expect(res.text).toContain('Collectif des associations de la Guillotière');
  });

  it('publishes an adopted good practice that members of other cities can read', async () => {
    const outsider = await createUser(t.db, { memberships: [{ cityId: cities[1].id, role: 'editor' }] });
    const token = await t.login(outsider.email);
    const res = await t.http().get(`/api/documents?kind=good_practice`).set(bearer(token));
    expect(res.status).toBe(200);
    expect(res.body).toEqual([
      expect.objectContaining({ cityId: cities[0].id, status: 'adopted', published: true, permissions: ['read'] }),
    ]);
    const id = res.body[0].id;
    const content = await t.http().get(`/api/documents/${id}/content`).set(bearer(token));
    expect(content.text).toContain('## Ce qui a été fait');
    expect(content.text).toContain('écrivains publics');
    const versions = await t.http().get(`/api/documents/${id}/versions`).set(bearer(token));
    expect(versions.body).toEqual([expect.objectContaining({ label: 'Adoption', reason: 'adoption' })]);
  });

  it('is what the seed finds under the DocumentsSeeder token', () => {
    expect(t.app.get('DocumentsSeeder')).toBe(t.app.get(DocumentsSeeder));
  });
});
