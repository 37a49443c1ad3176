import { createWorld, recordEvents, World } from './utils/phase-fixtures';
import { createTestApp, TestApp } from './utils/test-app';

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

describe('pilot project milestones and progress', () => {
  let t: TestApp;
  let w: World;

  beforeAll(async () => {
    t = await createTestApp();
    w = await createWorld(t);
  });
  afterAll(async () => {
    await t.close();
  });

  const newProject = async () =>
    (await w.editorLyon.post('/api/pilot-projects', { cityId: w.lyon.id, title: `Project ${Math.random()}` })).body
      .id as string;

  describe('milestones', () => {
    it('flags an open milestone past its due date as overdue, on itself and in the project count', async () => {
      const id = await newProject();
      const late = await w.editorLyon.post(`/api/pilot-projects/${id}/milestones`, {
        title: 'Agreement signed',
        dueDate: day(-3),
      });
      expect(late.status).toBe(201);
      expect(late.body).toMatchObject({ status: 'planned', overdue: true, completedAt: null, position: 0 });
      const future = await w.editorLyon.post(`/api/pilot-projects/${id}/milestones`, {
        title: 'Desk opens',
        dueDate: day(10),
      });
      expect(future.body).toMatchObject({ overdue: false, position: 1 });
      const dueToday = await w.editorLyon.post(`/api/pilot-projects/${id}/milestones`, {
        title: 'Today',
        dueDate: day(0),
      });
      expect(dueToday.body.overdue).toBe(false);

      const project = (await w.stakeholderLyon.get(`/api/pilot-projects/${id}`)).body;
      expect(project.overdueMilestones).toBe(1);
      expect(project.milestones.map((m: { title: string; overdue: boolean }) => [m.title, m.overdue])).toEqual([
        ['Agreement signed', true],
        ['Desk opens', false],
        ['Today', false],
      ]);
      const listed = (await w.coordinator.get(`/api/pilot-projects?cityId=${w.lyon.id}`)).body.find(
        (p: { id: string }) => p.id === id,
      );
      expect(listed.overdueMilestones).toBe(1);
    });

    it('stamps completion when done, clears it when reopened, and stops flagging done or cancelled ones', async () => {
      const changed = recordEvents(t, 'milestone.changed');
      const id = await newProject();
      const m = (await w.editorLyon.post(`/api/pilot-projects/${id}/milestones`, { title: 'Late', dueDate: day(-5) }))
        .body;
      const done = await w.editorLyon.patch(`/api/pilot-projects/${id}/milestones/${m.id}`, { status: 'done' });
      expect(done.status).toBe(200);
      expect(done.body.overdue).toBe(false);
      expect(Date.parse(done.body.completedAt)).not.toBeNaN();
      const reopened = await w.coordinator.patch(`/api/pilot-projects/${id}/milestones/${m.id}`, {
        status: 'in_progress',
      });
      expect(reopened.body).toMatchObject({ status: 'in_progress', completedAt: null, overdue: true });
      const cancelled = await w.editorLyon.patch(`/api/pilot-projects/${id}/milestones/${m.id}`, {
        status: 'cancelled',
      });
      expect(cancelled.body.overdue).toBe(false);
      expect((await w.editorLyon.get(`/api/pilot-projects/${id}`)).body.overdueMilestones).toBe(0);

      expect(changed.map((e) => [e.change, e.status, e.previousStatus])).toEqual([
        ['created', 'planned', undefined],
        ['updated', 'done', 'planned'],
        ['updated', 'in_progress', 'done'],
        ['updated', 'cancelled', 'in_progress'],
      ]);
      expect(changed[0]).toMatchObject({
        pilotProjectId: id,
        cityId: w.lyon.id,
        userId: w.editorLyon.id,
        milestoneId: m.id,
      });
    });

    it('changes title, date and position, and deletes', async () => {
      const id = await newProject();
      const m = (await w.editorLyon.post(`/api/pilot-projects/${id}/milestones`, { title: 'First', dueDate: day(5) }))
        .body;
      const res = await w.editorLyon.patch(`/api/pilot-projects/${id}/milestones/${m.id}`, {
        title: 'First, renamed',
        dueDate: day(-1),
        position: 7,
      });
      expect(res.body).toMatchObject({ title: 'First, renamed', dueDate: day(-1), position: 7, overdue: true });
      expect((await w.editorLyon.delete(`/api/pilot-projects/${id}/milestones/${m.id}`)).status).toBe(204);
      expect((await w.editorLyon.get(`/api/pilot-projects/${id}`)).body.milestones).toEqual([]);
      const gone = await w.editorLyon.patch(`/api/pilot-projects/${id}/milestones/${m.id}`, { title: 'x' });
      expect(gone.status).toBe(404);
    });

    it('does not reach a milestone through another project', async () => {
      const a = await newProject();
      const b = await newProject();
      const m = (await w.editorLyon.post(`/api/pilot-projects/${a}/milestones`, { title: 'A', dueDate: day(1) })).body;
      expect((await w.editorLyon.patch(`/api/pilot-projects/${b}/milestones/${m.id}`, { title: 'x' })).status).toBe(
        404,
      );
      expect((await w.editorLyon.delete(`/api/pilot-projects/${b}/milestones/${m.id}`)).status).toBe(404);
    });

    it('lets only the managers of the project change milestones', async () => {
      const id = await newProject();
      const body = { title: 'M', dueDate: day(1) };
      expect((await w.stakeholderLyon.post(`/api/pilot-projects/${id}/milestones`, body)).status).toBe(403);
      expect((await w.observerLyon.post(`/api/pilot-projects/${id}/milestones`, body)).status).toBe(403);
      expect((await w.editorTangier.post(`/api/pilot-projects/${id}/milestones`, body)).status).toBe(404);
      expect((await w.outsider.post(`/api/pilot-projects/${id}/milestones`, body)).status).toBe(404);
      expect((await w.coordinator.post(`/api/pilot-projects/${id}/milestones`, body)).status).toBe(201);
    });

    it('names the wrong field', async () => {
      const id = await newProject();
      const cases: Array<[object, string]> = [
        [{ dueDate: day(1) }, 'title'],
        [{ title: 'M' }, 'dueDate'],
        [{ title: 'M', dueDate: '2025-13-01' }, 'dueDate'],
        [{ title: 'M', dueDate: '01/02/2025' }, 'dueDate'],
        [{ title: 'M', dueDate: day(1), status: 'late' }, 'status'],
        [{ title: 'M', dueDate: day(1), position: -1 }, 'position'],
      ];
      for (const [body, field] of cases) {
        const res = await w.editorLyon.post(`/api/pilot-projects/${id}/milestones`, body);
        expect({ field, status: res.status }).toEqual({ field, status: 400 });
        expect(res.body.fields).toContain(field);
      }
    });

    it('freezes the milestones of a closed project', async () => {
      const id = await newProject();
      const m = (await w.editorLyon.post(`/api/pilot-projects/${id}/milestones`, { title: 'M', dueDate: day(1) })).body;
      await w.editorLyon.patch(`/api/pilot-projects/${id}`, { status: 'cancelled' });
      expect(
        (await w.editorLyon.post(`/api/pilot-projects/${id}/milestones`, { title: 'N', dueDate: day(1) })).status,
      ).toBe(409);
      expect(
        (await w.editorLyon.patch(`/api/pilot-projects/${id}/milestones/${m.id}`, { status: 'done' })).status,
      ).toBe(409);
      expect((await w.editorLyon.delete(`/api/pilot-projects/${id}/milestones/${m.id}`)).status).toBe(409);
    });
  });

  describe('progress updates', () => {
    it('records updates newest first and shows the latest percent on the project', async () => {
      const added = recordEvents(t, 'pilot_project.progress_added');
      const id = await newProject();
      const first = await w.editorLyon.post(`/api/pilot-projects/${id}/progress`, { percent: 40, note: 'Desk open' });
      expect(first.status).toBe(201);
      expect(first.body).toMatchObject({ percent: 40, note: 'Desk open', author: { id: w.editorLyon.id } });
      await w.coordinator.post(`/api/pilot-projects/${id}/progress`, { percent: 65 });

      const list = await w.stakeholderLyon.get(`/api/pilot-projects/${id}/progress`);
      expect(list.status).toBe(200);
      expect(list.body.map((p: { percent: number; note: string }) => [p.percent, p.note])).toEqual([
        [65, ''],
        [40, 'Desk open'],
      ]);
      const project = (await w.observerLyon.get(`/api/pilot-projects/${id}`)).body;
      expect(project.progressPercent).toBe(65);
      expect(project.latestProgress).toMatchObject({ percent: 65 });
      expect(added.map((e) => e.percent)).toEqual([40, 65]);
      expect(added[0]).toMatchObject({ pilotProjectId: id, cityId: w.lyon.id, userId: w.editorLyon.id });
    });

    it('keeps the percentage between 0 and 100 in whole numbers', async () => {
      const id = await newProject();
      for (const percent of [101, -1, 12.5, '50']) {
        const res = await w.editorLyon.post(`/api/pilot-projects/${id}/progress`, { percent });
        expect({ percent, status: res.status }).toEqual({ percent, status: 400 });
        expect(res.body.fields).toContain('percent');
      }
      expect((await w.editorLyon.post(`/api/pilot-projects/${id}/progress`, { percent: 0 })).status).toBe(201);
      expect((await w.editorLyon.post(`/api/pilot-projects/${id}/progress`, { percent: 100 })).status).toBe(201);
    });

    it('lets readers read and only managers add', async () => {
      const id = await newProject();
      expect((await w.stakeholderLyon.post(`/api/pilot-projects/${id}/progress`, { percent: 10 })).status).toBe(403);
      expect((await w.editorTangier.post(`/api/pilot-projects/${id}/progress`, { percent: 10 })).status).toBe(404);
      expect((await w.observerLyon.get(`/api/pilot-projects/${id}/progress`)).status).toBe(200);
      expect((await w.editorTangier.get(`/api/pilot-projects/${id}/progress`)).status).toBe(404);
      expect((await w.outsider.get(`/api/pilot-projects/${id}/progress`)).status).toBe(404);
    });
  });
});
