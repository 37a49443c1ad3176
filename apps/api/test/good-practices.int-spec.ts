import { GOOD_PRACTICES_SEEDER, GoodPracticesSeeder } from '../src/modules/good-practices/seed/good-practices.seeder';
import { createCity, createDocument, createProgramme } from './utils/factories';
import { createTheme, createWorld, recordEvents, World } from './utils/phase-fixtures';
import { createTestApp, TestApp } from './utils/test-app';

interface Practice {
  id: string;
  title: string;
  published: boolean;
  cityId: string | null;
  city: { id: string; slug: string; name: string } | null;
  themes: Array<{ id: string; slug: string }>;
  adoptions: Array<{
    id: string;
    city: { id: string };
    pilotProject: { id: string; title: string } | null;
    note: string;
    canRemove: boolean;
  }>;
  canClassify: boolean;
}

describe('good practices', () => {
  let t: TestApp;
  let w: World;
  let themeA: string;
  let themeB: string;
  let lyonPublished: string;
  let lyonDraft: string;
  let tangierPublished: string;
  let lyonArchived: string;
  let lyonNote: string;
  let tangierProject: string;
  let lyonProject: string;

  beforeAll(async () => {
    t = await createTestApp();
    w = await createWorld(t);
    themeA = (await createTheme(t.db, w.programme.id, 'basic-services')).id;
    themeB = (await createTheme(t.db, w.programme.id, 'urban-planning')).id;
    const doc = async (cityId: string, title: string, extra: object = {}) =>
      (
        await createDocument(t.db, {
          programmeId: w.programme.id,
          cityId,
          kind: 'good_practice',
          title,
          status: 'adopted',
          published: true,
          ...extra,
        })
      ).id;
    lyonPublished = await doc(w.lyon.id, 'Lyon walk-in desk');
    lyonDraft = await doc(w.lyon.id, 'Lyon draft practice', { status: 'draft', published: false });
    tangierPublished = await doc(w.tangier.id, 'Tangier youth coaching');
    lyonArchived = await doc(w.lyon.id, 'Lyon retired practice', { status: 'archived' });
    lyonNote = await doc(w.lyon.id, 'Lyon note', { kind: 'note' });
    const project = async (cityId: string, title: string) =>
      (await t.db.query(`INSERT INTO pilot_projects (city_id, title) VALUES ($1, $2) RETURNING id`, [cityId, title]))[0]
        .id as string;
    tangierProject = await project(w.tangier.id, 'Tangier welcome desk');
    lyonProject = await project(w.lyon.id, 'Lyon coaching');
  });
  afterAll(async () => {
    await t.close();
  });

  const list = async (caller: World['editorLyon'], query = ''): Promise<Practice[]> => {
    const res = await caller.get(`/api/good-practices${query}`);
    expect(res.status).toBe(200);
    return res.body;
  };
  const titles = async (caller: World['editorLyon'], query = '') => (await list(caller, query)).map((p) => p.title);

  describe('the library', () => {
    it('lists published practices to every member, and drafts only to those who can read them, marked', async () => {
      expect((await titles(w.editorTangier)).sort()).toEqual(['Lyon walk-in desk', 'Tangier youth coaching']);
      expect((await titles(w.outsider)).sort()).toEqual(['Lyon walk-in desk', 'Tangier youth coaching']);
      const lyon = await list(w.editorLyon);
      expect(lyon.map((p) => p.title).sort()).toEqual([
        'Lyon draft practice',
        'Lyon walk-in desk',
        'Tangier youth coaching',
      ]);
      expect(lyon.find((p) => p.id === lyonDraft)).toMatchObject({ published: false, canClassify: true });
      expect(lyon.find((p) => p.id === lyonPublished)).toMatchObject({
        published: true,
        city: { id: w.lyon.id, name: 'Lyon' },
      });
      const coordinator = await list(w.coordinator);
      expect(coordinator.map((p) => p.id)).not.toContain(lyonArchived);
      expect(coordinator.map((p) => p.id)).not.toContain(lyonNote);
      expect(coordinator.map((p) => p.id)).toHaveLength(3);
    });

    it('gets one practice, and answers 404 for drafts out of reach and documents of other kinds', async () => {
      const res = await w.editorTangier.get(`/api/good-practices/${lyonPublished}`);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ id: lyonPublished, canClassify: false });
      expect((await w.editorTangier.get(`/api/good-practices/${lyonDraft}`)).status).toBe(404);
      expect((await w.coordinator.get(`/api/good-practices/${lyonNote}`)).status).toBe(404);
      expect((await w.coordinator.get(`/api/good-practices/not-an-id`)).status).toBe(404);
    });
  });

  describe('themes', () => {
    it('lets the practice’s editors and coordinators classify it, and filters by theme', async () => {
      const res = await w.editorLyon.post(`/api/good-practices/${lyonPublished}/themes`, { themeIds: [themeA] });
      expect(res.status).toBe(200);
      expect(res.body.themes).toEqual([expect.objectContaining({ id: themeA, slug: 'basic-services' })]);
      const again = await w.coordinator.post(`/api/good-practices/${tangierPublished}/themes`, {
        themeIds: [themeA, themeB],
      });
      expect(again.status).toBe(200);
      expect(again.body.themes.map((th: { id: string }) => th.id).sort()).toEqual([themeA, themeB].sort());
      expect((await titles(w.outsider, `?themeId=${themeA}`)).sort()).toEqual([
        'Lyon walk-in desk',
        'Tangier youth coaching',
      ]);
      expect(await titles(w.outsider, `?themeId=${themeB}`)).toEqual(['Tangier youth coaching']);
    });

    it('refuses others with 403, out-of-reach practices with 404, foreign themes with 400', async () => {
      const body = { themeIds: [themeB] };
      expect((await w.editorTangier.post(`/api/good-practices/${lyonPublished}/themes`, body)).status).toBe(403);
      expect((await w.stakeholderLyon.post(`/api/good-practices/${lyonPublished}/themes`, body)).status).toBe(403);
      expect((await w.editorTangier.post(`/api/good-practices/${lyonDraft}/themes`, body)).status).toBe(404);
      const other = await createProgramme(t.db);
      const foreign = (await createTheme(t.db, other.id)).id;
      const bad = await w.editorLyon.post(`/api/good-practices/${lyonPublished}/themes`, { themeIds: [foreign] });
      expect(bad.status).toBe(400);
      expect(bad.body.fields).toEqual(['themeIds']);
      const invalid = await w.editorLyon.post(`/api/good-practices/${lyonPublished}/themes`, { themeIds: [] });
      expect(invalid.status).toBe(400);
      expect(invalid.body.fields).toEqual(['themeIds']);
    });

    it('removes a theme once', async () => {
      const path = `/api/good-practices/${tangierPublished}/themes/${themeB}`;
      expect((await w.editorLyon.delete(path)).status).toBe(403);
      expect((await w.editorTangier.delete(path)).status).toBe(204);
      expect((await w.editorTangier.delete(path)).status).toBe(404);
      expect(await titles(w.outsider, `?themeId=${themeB}`)).toEqual([]);
    });
  });

  describe('adoptions', () => {
    it('records that a city took a practice up through a pilot project, for its editors', async () => {
      const adopted = recordEvents(t, 'good_practice.adopted');
      const res = await w.editorTangier.post(`/api/good-practices/${lyonPublished}/adoptions`, {
        cityId: w.tangier.id,
        pilotProjectId: tangierProject,
        note: '  Adapted for young people  ',
      });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        documentId: lyonPublished,
        city: { id: w.tangier.id, name: 'Tangier' },
        pilotProject: { id: tangierProject, title: 'Tangier welcome desk' },
        note: 'Adapted for young people',
        canRemove: true,
      });
      expect(adopted).toEqual([
        expect.objectContaining({ documentId: lyonPublished, cityId: w.tangier.id, pilotProjectId: tangierProject }),
      ]);
      expect(await titles(w.outsider, `?adoptedBy=${w.tangier.id}`)).toEqual(['Lyon walk-in desk']);
      expect(await titles(w.outsider, `?adoptedBy=${w.lyon.id}`)).toEqual([]);
    });

    it('shows the adopting pilot project only to those who may read that city’s projects', async () => {
      const seen = async (caller: World['editorLyon']) =>
        (await list(caller)).find((p) => p.id === lyonPublished)!.adoptions[0];
      expect(await seen(w.coordinator)).toMatchObject({ pilotProject: { id: tangierProject }, canRemove: true });
      expect(await seen(w.editorLyon)).toMatchObject({
        city: { id: w.tangier.id },
        pilotProject: null,
        canRemove: false,
      });
    });

    it('filters by the practice’s own city', async () => {
      expect(await titles(w.outsider, `?cityId=${w.tangier.id}`)).toEqual(['Tangier youth coaching']);
    });

    it('refuses duplicates, own practices, other cities’ projects and people who do not run the city', async () => {
      const post = (caller: World['editorLyon'], documentId: string, body: object) =>
        caller.post(`/api/good-practices/${documentId}/adoptions`, body);
      const dup = await post(w.coordinator, lyonPublished, { cityId: w.tangier.id, pilotProjectId: tangierProject });
      expect(dup.status).toBe(409);
      const own = await post(w.editorLyon, lyonPublished, { cityId: w.lyon.id });
      expect(own.status).toBe(400);
      expect(own.body.fields).toEqual(['cityId']);
      const wrongProject = await post(w.editorTangier, lyonPublished, {
        cityId: w.tangier.id,
        pilotProjectId: lyonProject,
      });
      expect(wrongProject.status).toBe(400);
      expect(wrongProject.body.fields).toEqual(['pilotProjectId']);
      expect((await post(w.editorLyon, tangierPublished, { cityId: w.tangier.id })).status).toBe(404);
      expect((await post(w.stakeholderLyon, tangierPublished, { cityId: w.lyon.id })).status).toBe(403);
      expect((await post(w.editorTangier, lyonDraft, { cityId: w.tangier.id })).status).toBe(404);
      const invalid = await post(w.editorTangier, lyonPublished, { cityId: 'tangier', note: 5 });
      expect(invalid.status).toBe(400);
      expect(invalid.body.fields).toEqual(expect.arrayContaining(['cityId', 'note']));
      // A city-wide adoption besides the one through a project is a different record.
      expect(
        (await post(w.editorLyon, tangierPublished, { cityId: w.lyon.id, pilotProjectId: lyonProject })).status,
      ).toBe(201);
    });

    it('lets only the adopting city’s editors and coordinators remove an adoption', async () => {
      const practice = (await list(w.coordinator)).find((p) => p.id === lyonPublished)!;
      const path = `/api/good-practices/${lyonPublished}/adoptions/${practice.adoptions[0].id}`;
      expect((await w.editorLyon.delete(path)).status).toBe(403);
      expect((await w.editorTangier.delete(path)).status).toBe(204);
      expect((await w.editorTangier.delete(path)).status).toBe(404);
      expect((await list(w.coordinator)).find((p) => p.id === lyonPublished)!.adoptions).toEqual([]);
    });
  });

  it('seeds the demo links idempotently: Lyon’s practice under basic services, taken up by a Tangier project', async () => {
    const demo = await createProgramme(t.db);
    const lyon = await createCity(t.db, demo.id, { slug: 'lyon', name: 'Lyon' });
    const tangier = await createCity(t.db, demo.id, { slug: 'tangier', name: 'Tangier' });
    const theme = (await createTheme(t.db, demo.id, 'basic-services')).id;
    const practice = (
      await createDocument(t.db, {
        programmeId: demo.id,
        cityId: lyon.id,
        kind: 'good_practice',
        status: 'adopted',
        published: true,
      })
    ).id;
    const [project] = await t.db.query(`INSERT INTO pilot_projects (city_id, title) VALUES ($1, $2) RETURNING id`, [
      tangier.id,
      'Job and business coaching for young migrants',
    ]);
    const seeder = t.app.get<GoodPracticesSeeder>(GOOD_PRACTICES_SEEDER);
    await seeder.seedDemo();
    await seeder.seedDemo();
    const res = await w.coordinator.get(`/api/good-practices/${practice}`);
    expect(res.body.themes.map((th: { id: string }) => th.id)).toEqual([theme]);
    expect(res.body.adoptions).toEqual([
      expect.objectContaining({
        city: expect.objectContaining({ id: tangier.id }),
        pilotProject: expect.objectContaining({ id: project.id }),
      }),
    ]);
  });
});
