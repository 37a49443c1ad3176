import { strFromU8, unzipSync } from 'fflate';
import { EXPORT_HTML_CSP } from '../src/modules/documents/content/document-renderer';
import { binaryParser, createDocumentWithText } from './utils/document-fixtures';
import { createCity, createProgramme, createUser } from './utils/factories';
import { caller, Caller } from './utils/phase-fixtures';
import { createTestApp, TestApp } from './utils/test-app';

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const at = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000);

describe('programme report', () => {
  let t: TestApp;
  let coordinator: Caller;
  let admin: Caller;
  let editor: Caller;
  let observer: Caller;
  /** The period of the tests: the last 60 days. */
  const period = `from=${day(-60)}&to=${day(0)}`;

  beforeAll(async () => {
    t = await createTestApp();
    const db = t.db;
    const programme = await createProgramme(db, { name: 'Mediterranean City-to-City Migration' });
    await db.query(`UPDATE programmes SET acronym = 'MC2CM' WHERE id = $1`, [programme.id]);
    const lyon = await createCity(db, programme.id, { slug: 'lyon', name: 'Lyon' });
    const tangier = await createCity(db, programme.id, { slug: 'tangier', name: 'Tangier' });
    await db.query(`UPDATE cities SET names = $2 WHERE id = $1`, [
      tangier.id,
      { en: 'Tangier', fr: 'Tanger', ar: 'طنجة' },
    ]);
    const user = async (fields: Parameters<typeof createUser>[1]) => caller(t, (await createUser(db, fields)).id);
    coordinator = await user({ role: 'coordinator' });
    admin = await user({ role: 'admin' });
    editor = await user({ memberships: [{ cityId: lyon.id, role: 'editor' }] });
    observer = await user({ memberships: [lyon, tangier].map((c) => ({ cityId: c.id, role: 'observer' as const })) });

    const doc = (cityId: string, title: string, language: 'fr' | 'ar' | 'en', published: boolean, text: string[]) =>
      createDocumentWithText(
        t,
        {
          programmeId: programme.id,
          cityId,
          kind: 'good_practice',
          title,
          language,
          status: published ? 'adopted' : 'draft',
          published,
        },
        text,
      );
    const practice = await doc(lyon.id, 'Permanences d’accès aux droits <b>', 'fr', true, [
      'Un accueil sans rendez-vous à la Guillotière.',
      '<script>alert("report")</script>',
    ]);
    await db.query(
      `INSERT INTO document_versions (document_id, label, reason, data, created_at) VALUES ($1, 'Adoption', 'adoption', '\\x00', $2)`,
      [practice.id, at(-5)],
    );
    await doc(tangier.id, 'استقبال القاصرين', 'ar', true, ['تستقبل المدينة القاصرين غير المصحوبين.']);
    await doc(lyon.id, 'Brouillon confidentiel', 'fr', false, ['Pas encore publié.']);
    const old = await doc(lyon.id, 'Ancienne pratique', 'fr', true, ['Publiée il y a longtemps.']);
    await db.query(`UPDATE documents SET updated_at = '2020-01-01' WHERE id = $1`, [old.id]);

    const [project] = await db.query(
      `INSERT INTO pilot_projects (city_id, title, status, created_at) VALUES ($1, 'Guillotière welcome desk', 'in_progress', $2) RETURNING id`,
      [lyon.id, at(-100)],
    );
    await db.query(
      `INSERT INTO pilot_project_progress (pilot_project_id, percent, note, created_at) VALUES ($1, 60, $2, $3)`,
      [project.id, 'Desk open <twice> a week', at(-3)],
    );
    await db.query(
      `INSERT INTO pilot_project_milestones (pilot_project_id, title, due_date, status, completed_at) VALUES
         ($1, 'Agreement signed', $2, 'done', $3), ($1, 'Interpreters trained', $4, 'in_progress', NULL)`,
      [project.id, day(-20), at(-15), day(-7)],
    );
    await db.query(
      `INSERT INTO events (programme_id, kind, title, host_city_id, starts_at, ends_at)
       VALUES ($1, 'study_visit', 'Study visit to Tangier', $2, $3, $4)`,
      [programme.id, tangier.id, at(-10), at(-9)],
    );
  });
  afterAll(async () => {
    await t.close();
  });

  describe('HTML', () => {
    let html: string;
    beforeAll(async () => {
      const res = await coordinator.get(`/api/reports/programme?${period}&format=html`);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      expect(res.headers['content-security-policy']).toBe(EXPORT_HTML_CSP);
      html = res.text;
    });

    it('has a cover with the programme and the period, and a summary linking one section per city', () => {
      expect(html).toContain('<h1>Mediterranean City-to-City Migration</h1>');
      expect(html).toContain(day(-60));
      expect(html).toContain('href="#city-lyon"');
      expect(html).toContain('<section class="section" id="city-lyon">');
      expect(html).toContain('<section class="section" id="city-tangier">');
      expect(html).toMatch(/@page \{ size: A4/);
      expect(html).toMatch(/break-before: page/);
    });

    it('compiles the published documents of the period, in their own language and direction', () => {
      expect(html).toContain('Un accueil sans rendez-vous à la Guillotière.');
      expect(html).toMatch(/<article class="passerelle-document" lang="ar" dir="rtl">[\s\S]*استقبال القاصرين/);
      expect(html).toContain(`adopted on ${day(-5)}`);
      expect(html).not.toContain('Brouillon confidentiel');
      expect(html).not.toContain('Ancienne pratique');
    });

    it('reports the pilot projects’ progress and milestones, and the events, of the period', () => {
      expect(html).toContain('Guillotière welcome desk');
      expect(html).toContain('60%');
      expect(html).toContain('Agreement signed');
      expect(html).toMatch(/class="overdue"><li>due [\d-]+ · <bdi>Interpreters trained<\/bdi>/);
      expect(html).toContain('Study visit to Tangier');
    });

    it('escapes every text', () => {
      expect(html).not.toMatch(/<script/i);
      expect(html).toContain('&lt;script&gt;alert(&quot;report&quot;)&lt;/script&gt;');
      expect(html).toContain('Permanences d’accès aux droits &lt;b&gt;');
      expect(html).toContain('Desk open &lt;twice&gt; a week');
    });

    it('speaks the language asked for, right to left in Arabic', async () => {
      const fr = (await coordinator.get(`/api/reports/programme?${period}&language=fr`)).text;
      expect(fr).toContain('Rapport du programme');
      expect(fr).toContain('<h2>Tanger</h2>');
      const ar = (await coordinator.get(`/api/reports/programme?${period}&language=ar`)).text;
      expect(ar).toMatch(/<html lang="ar" dir="rtl">/);
      expect(ar).toContain('<h2>طنجة</h2>');
    });

    it('says so when a period holds nothing', async () => {
      const res = await coordinator.get('/api/reports/programme?from=2001-01-01&to=2001-12-31');
      expect(res.status).toBe(200);
      expect(res.text).toContain('No document was published, updated or adopted in this period.');
      expect(res.text).not.toContain('Guillotière welcome desk');
    });
  });

  it('makes a Word file with headings, tables and right-to-left Arabic paragraphs', async () => {
    const res = await admin.get(`/api/reports/programme?${period}&format=docx`).buffer(true).parse(binaryParser);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="[a-z0-9-]+\.docx"/);
    const files = unzipSync(new Uint8Array(res.body as Buffer));
    const xml = strFromU8(files['word/document.xml']);
    for (const text of [
      'Mediterranean City-to-City Migration',
      'Lyon',
      'Tangier',
      'استقبال القاصرين',
      'Un accueil sans rendez-vous à la Guillotière.',
      'Guillotière welcome desk',
      'Interpreters trained',
    ]) {
      expect(xml).toContain(text);
    }
    expect(xml).not.toContain('Brouillon confidentiel');
    expect(xml).toContain('&lt;script&gt;');
    expect(xml).toMatch(/<w:pStyle w:val="Heading1"\/>/);
    expect(xml).toContain('<w:tbl>');
    expect(xml).toMatch(/<w:bidi\/>[\s\S]*استقبال القاصرين/);
    expect(xml).toMatch(/<w:rtl\/>/);
  });

  describe('access and input', () => {
    it('is for coordinators and admins only', async () => {
      expect((await editor.get(`/api/reports/programme?${period}`)).status).toBe(403);
      expect((await observer.get(`/api/reports/programme?${period}&format=docx`)).status).toBe(403);
      expect((await t.http().get(`/api/reports/programme?${period}`)).status).toBe(401);
    });

    it.each([
      ['a date that does not exist', 'from=2025-02-30&to=2025-03-01', ['from']],
      ['a date in another format', 'from=2025-01-01&to=01/03/2025', ['to']],
      ['a period that ends before it starts', 'from=2025-03-01&to=2025-02-28', ['to']],
      ['an unknown format', 'format=pdf', ['format']],
      ['an unknown language', 'language=de', ['language']],
    ])('answers 400 for %s, naming the field', async (_, query, fields) => {
      const res = await coordinator.get(`/api/reports/programme?${query}`);
      expect(res.status).toBe(400);
      expect(res.body.fields).toEqual(fields);
    });
  });
});
