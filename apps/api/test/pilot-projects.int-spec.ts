import { createOrganisation, createTheme, createWorld, recordEvents, World } from './utils/phase-fixtures';
import { createProgramme } from './utils/factories';
import { createTestApp, TestApp } from './utils/test-app';

describe('pilot projects', () => {
  let t: TestApp;
  let w: World;
  let themeId: string;
  let leadId: string;
  let partnerId: string;

  beforeAll(async () => {
    t = await createTestApp();
    w = await createWorld(t);
    themeId = (await createTheme(t.db, w.programme.id)).id;
    leadId = (await createOrganisation(t.db, w.programme.id)).id;
    partnerId = (await createOrganisation(t.db, w.programme.id)).id;
  });
  afterAll(async () => {
    await t.close();
  });

  const project = (cityId: string, extra: object = {}) => ({
    cityId,
    title: `Welcome desk ${Math.random()}`,
    ...extra,
  });

  describe('creation', () => {
    it('lets an editor of the city create a proposed project with its description note', async () => {
      const created = recordEvents(t, 'pilot_project.created');
      const res = await w.editorLyon.post('/api/pilot-projects', {
        ...project(w.lyon.id),
        summary: 'One desk for every newcomer',
        themeId,
        priority: 'Access to basic services',
        leadOrganisationId: leadId,
        partnerOrganisationIds: [partnerId],
        startDate: '2025-01-15',
        endDate: '2025-12-31',
        budget: 85000.5,
        currency: 'eur',
      });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        cityId: w.lyon.id,
        status: 'proposed',
        allowedTransitions: ['approved', 'cancelled'],
        themeId,
        leadOrganisationId: leadId,
        partnerOrganisationIds: [partnerId],
        startDate: '2025-01-15',
        endDate: '2025-12-31',
        budget: 85000.5,
        currency: 'EUR',
        milestones: [],
        overdueMilestones: 0,
        progressPercent: null,
        canManage: true,
      });
      expect(created).toEqual([
        expect.objectContaining({ pilotProjectId: res.body.id, cityId: w.lyon.id, userId: w.editorLyon.id }),
      ]);
      const doc = await w.editorLyon.get(`/api/documents/${res.body.descriptionDocumentId}`);
      expect(doc.status).toBe(200);
      expect(doc.body).toMatchObject({ kind: 'note', cityId: w.lyon.id, title: res.body.title });
    });

    it('lets a coordinator create in any city', async () => {
      const res = await w.coordinator.post('/api/pilot-projects', project(w.tangier.id));
      expect(res.status).toBe(201);
      expect(res.body.cityId).toBe(w.tangier.id);
    });

    it('refuses readers of the city with 403 and people outside it with 404', async () => {
      expect((await w.stakeholderLyon.post('/api/pilot-projects', project(w.lyon.id))).status).toBe(403);
      expect((await w.observerLyon.post('/api/pilot-projects', project(w.lyon.id))).status).toBe(403);
      expect((await w.editorLyon.post('/api/pilot-projects', project(w.tangier.id))).status).toBe(404);
      expect((await w.outsider.post('/api/pilot-projects', project(w.lyon.id))).status).toBe(404);
    });

    it('names the wrong field of invalid input', async () => {
      const cases: Array<[object, string]> = [
        [{ cityId: w.lyon.id }, 'title'],
        [{ ...project(w.lyon.id), cityId: 'lyon' }, 'cityId'],
        [project(w.lyon.id, { startDate: '2025-02-30' }), 'startDate'],
        [project(w.lyon.id, { startDate: '2025-06-01', endDate: '2025-05-31' }), 'endDate'],
        [project(w.lyon.id, { budget: 1000 }), 'currency'],
        [project(w.lyon.id, { budget: 10, currency: 'EURO' }), 'currency'],
        [project(w.lyon.id, { budget: -1, currency: 'EUR' }), 'budget'],
        [project(w.lyon.id, { budget: 1.234, currency: 'EUR' }), 'budget'],
        [project(w.lyon.id, { themeId: '00000000-0000-4000-8000-000000000000' }), 'themeId'],
        [project(w.lyon.id, { leadOrganisationId: '00000000-0000-4000-8000-000000000000' }), 'leadOrganisationId'],
        [project(w.lyon.id, { partnerOrganisationIds: [partnerId, partnerId] }), 'partnerOrganisationIds'],
        [project(w.lyon.id, { status: 'completed' }), 'status'],
      ];
      for (const [body, field] of cases) {
        const res = await w.editorLyon.post('/api/pilot-projects', body);
        expect({ field, status: res.status }).toEqual({ field, status: 400 });
        expect(res.body.fields).toContain(field);
      }
    });

    it('refuses a theme of another programme', async () => {
      const other = await createProgramme(t.db);
      const foreign = await createTheme(t.db, other.id);
      const res = await w.editorLyon.post('/api/pilot-projects', project(w.lyon.id, { themeId: foreign.id }));
      expect(res.status).toBe(400);
      expect(res.body.fields).toEqual(['themeId']);
    });
  });

  describe('reading', () => {
    let lyonId: string;
    let tangierId: string;
    beforeAll(async () => {
      lyonId = (await w.editorLyon.post('/api/pilot-projects', project(w.lyon.id, { themeId }))).body.id;
      tangierId = (await w.editorTangier.post('/api/pilot-projects', project(w.tangier.id))).body.id;
    });

    it('lists only the projects of the cities the caller belongs to', async () => {
      for (const reader of [w.editorLyon, w.stakeholderLyon, w.observerLyon]) {
        const res = await reader.get('/api/pilot-projects');
        expect(res.status).toBe(200);
        const ids = res.body.map((p: { id: string }) => p.id);
        expect(ids).toContain(lyonId);
        expect(ids).not.toContain(tangierId);
        expect(res.body.every((p: { cityId: string }) => p.cityId === w.lyon.id)).toBe(true);
      }
      const all = (await w.coordinator.get('/api/pilot-projects')).body.map((p: { id: string }) => p.id);
      expect(all).toEqual(expect.arrayContaining([lyonId, tangierId]));
      expect((await w.outsider.get('/api/pilot-projects')).body).toEqual([]);
    });

    it('filters by city, status and theme', async () => {
      const byCity = await w.coordinator.get(`/api/pilot-projects?cityId=${w.tangier.id}`);
      expect(byCity.body.map((p: { cityId: string }) => p.cityId)).toEqual(byCity.body.map(() => w.tangier.id));
      expect(byCity.body.length).toBeGreaterThan(0);
      const byTheme = await w.coordinator.get(`/api/pilot-projects?themeId=${themeId}`);
      expect(byTheme.body.map((p: { id: string }) => p.id)).toContain(lyonId);
      expect(byTheme.body.every((p: { themeId: string }) => p.themeId === themeId)).toBe(true);
      const none = await w.coordinator.get('/api/pilot-projects?status=completed');
      expect(none.body).toEqual([]);
      const notMine = await w.editorLyon.get(`/api/pilot-projects?cityId=${w.tangier.id}`);
      expect(notMine.body).toEqual([]);
      const bad = await w.coordinator.get('/api/pilot-projects?status=finished');
      expect(bad.status).toBe(400);
      expect(bad.body.fields).toEqual(['status']);
    });

    it('shows a project to its city and coordinators, and hides it from others with 404', async () => {
      const asStakeholder = await w.stakeholderLyon.get(`/api/pilot-projects/${lyonId}`);
      expect(asStakeholder.status).toBe(200);
      expect(asStakeholder.body.canManage).toBe(false);
      expect((await w.coordinator.get(`/api/pilot-projects/${lyonId}`)).body.canManage).toBe(true);
      expect((await w.editorTangier.get(`/api/pilot-projects/${lyonId}`)).status).toBe(404);
      expect((await w.outsider.get(`/api/pilot-projects/${lyonId}`)).status).toBe(404);
      expect((await w.coordinator.get('/api/pilot-projects/not-a-uuid')).status).toBe(404);
    });

    it('needs a token', async () => {
      expect((await t.http().get('/api/pilot-projects')).status).toBe(401);
    });
  });

  describe('updating', () => {
    let id: string;
    beforeAll(async () => {
      id = (await w.editorLyon.post('/api/pilot-projects', project(w.lyon.id, { startDate: '2025-03-01' }))).body.id;
    });

    it('lets editors and coordinators change fields, and emits the changed fields', async () => {
      const updated = recordEvents(t, 'pilot_project.updated');
      const res = await w.editorLyon.patch(`/api/pilot-projects/${id}`, {
        title: 'Renamed desk',
        partnerOrganisationIds: [leadId, partnerId],
        budget: 1000,
        currency: 'MAD',
      });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ title: 'Renamed desk', budget: 1000, currency: 'MAD' });
      expect(res.body.partnerOrganisationIds.sort()).toEqual([leadId, partnerId].sort());
      expect(updated).toEqual([
        expect.objectContaining({
          pilotProjectId: id,
          cityId: w.lyon.id,
          userId: w.editorLyon.id,
          changes: expect.arrayContaining(['title', 'partnerOrganisationIds', 'budget', 'currency']),
        }),
      ]);
      const cleared = await w.coordinator.patch(`/api/pilot-projects/${id}`, {
        partnerOrganisationIds: [],
        budget: null,
      });
      expect(cleared.status).toBe(200);
      expect(cleared.body).toMatchObject({ partnerOrganisationIds: [], budget: null });
    });

    it('refuses readers with 403 and others with 404', async () => {
      expect((await w.stakeholderLyon.patch(`/api/pilot-projects/${id}`, { title: 'x' })).status).toBe(403);
      expect((await w.observerLyon.patch(`/api/pilot-projects/${id}`, { title: 'x' })).status).toBe(403);
      expect((await w.editorTangier.patch(`/api/pilot-projects/${id}`, { title: 'x' })).status).toBe(404);
    });

    it('checks dates against the stored ones and names endDate', async () => {
      const res = await w.editorLyon.patch(`/api/pilot-projects/${id}`, { endDate: '2025-02-28' });
      expect(res.status).toBe(400);
      expect(res.body.fields).toEqual(['endDate']);
      const title = await w.editorLyon.patch(`/api/pilot-projects/${id}`, { title: null });
      expect(title.status).toBe(400);
      expect(title.body.fields).toContain('title');
    });
  });

  describe('status', () => {
    it('moves along the allowed transitions and refuses the others with 409 naming both statuses', async () => {
      const changed = recordEvents(t, 'pilot_project.status_changed');
      const id = (await w.editorLyon.post('/api/pilot-projects', project(w.lyon.id))).body.id;
      const skip = await w.editorLyon.patch(`/api/pilot-projects/${id}`, { status: 'in_progress' });
      expect(skip.status).toBe(409);
      expect(skip.body.message).toContain('proposed');
      expect(skip.body.message).toContain('in_progress');

      for (const status of ['approved', 'in_progress', 'on_hold', 'in_progress', 'completed']) {
        const res = await w.editorLyon.patch(`/api/pilot-projects/${id}`, { status });
        expect({ status, code: res.status }).toEqual({ status, code: 200 });
        expect(res.body.status).toBe(status);
      }
      expect(changed.map((e) => [e.from, e.to])).toEqual([
        ['proposed', 'approved'],
        ['approved', 'in_progress'],
        ['in_progress', 'on_hold'],
        ['on_hold', 'in_progress'],
        ['in_progress', 'completed'],
      ]);

      const reopen = await w.coordinator.patch(`/api/pilot-projects/${id}`, { status: 'in_progress' });
      expect(reopen.status).toBe(409);
      expect(reopen.body.message).toContain('completed');
      const edit = await w.coordinator.patch(`/api/pilot-projects/${id}`, { title: 'After the fact' });
      expect(edit.status).toBe(409);
      const same = await w.coordinator.patch(`/api/pilot-projects/${id}`, { status: 'completed' });
      expect(same.status).toBe(200);
    });

    it('lets a proposed project be cancelled, and then nothing else', async () => {
      const id = (await w.coordinator.post('/api/pilot-projects', project(w.tangier.id))).body.id;
      const res = await w.coordinator.patch(`/api/pilot-projects/${id}`, { status: 'cancelled' });
      expect(res.body).toMatchObject({ status: 'cancelled', allowedTransitions: [] });
      const again = await w.coordinator.patch(`/api/pilot-projects/${id}`, { status: 'approved' });
      expect(again.status).toBe(409);
      expect(again.body.message).toContain('cancelled');
    });

    it('refuses an unknown status with 400', async () => {
      const id = (await w.editorLyon.post('/api/pilot-projects', project(w.lyon.id))).body.id;
      const res = await w.editorLyon.patch(`/api/pilot-projects/${id}`, { status: 'done' });
      expect(res.status).toBe(400);
      expect(res.body.fields).toEqual(['status']);
    });
  });

  it('describes the routes of pilot projects, events and indicators in OpenAPI', async () => {
    const res = await t.http().get('/api/docs/json');
    expect(res.status).toBe(200);
    expect(Object.keys(res.body.paths)).toEqual(
      expect.arrayContaining([
        '/api/pilot-projects',
        '/api/pilot-projects/{id}',
        '/api/pilot-projects/{id}/milestones/{milestoneId}',
        '/api/pilot-projects/{id}/progress',
        '/api/events',
        '/api/events.ics',
        '/api/events/{id}/ical',
        '/api/indicators/compare',
        '/api/indicators/compare.csv',
        '/api/cities/{cityId}/indicators',
      ]),
    );
    expect(res.body.components.schemas.PilotProjectResponse.properties.overdueMilestones).toBeDefined();
    expect(res.body.components.schemas.ComparedValue).toBeDefined();
  });
});
