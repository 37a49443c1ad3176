import { createCity, createDocument, createProgramme, createUser } from './utils/factories';
import { caller, Caller, createTheme } from './utils/phase-fixtures';
import { createTestApp, TestApp } from './utils/test-app';

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const at = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000);

interface KeyCount {
  key: string;
  count: number;
}
const countOf = (list: KeyCount[], key: string) => list.find((k) => k.key === key)?.count;

describe('dashboard', () => {
  let t: TestApp;
  let programmeId: string;
  let amman: { id: string; slug: string };
  let lyon: { id: string; slug: string };
  let turin: { id: string; slug: string };
  let coordinator: Caller;
  let admin: Caller;
  let members: Record<'editor' | 'stakeholder' | 'observerOfAll', Caller>;
  let overdueId: string;
  let profileId: string;

  beforeAll(async () => {
    t = await createTestApp();
    const db = t.db;
    programmeId = (await createProgramme(db, { name: 'MC2CM' })).id;
    amman = await createCity(db, programmeId, { slug: 'amman', name: 'Amman', phase: 'dialogue' });
    lyon = await createCity(db, programmeId, { slug: 'lyon', name: 'Lyon', phase: 'action' });
    turin = await createCity(db, programmeId, { slug: 'turin', name: 'Turin', phase: 'action' });
    const user = async (fields: Parameters<typeof createUser>[1]) => caller(t, (await createUser(db, fields)).id);
    coordinator = await user({ role: 'coordinator' });
    admin = await user({ role: 'admin' });
    members = {
      editor: await user({ memberships: [{ cityId: lyon.id, role: 'editor' }] }),
      stakeholder: await user({ memberships: [{ cityId: lyon.id, role: 'stakeholder' }] }),
      observerOfAll: await user({
        memberships: [amman, lyon, turin].map((c) => ({ cityId: c.id, role: 'observer' as const })),
      }),
    };

    // Knowledge: documents and key figures.
    const doc = (cityId: string | null, kind: 'migration_profile' | 'priority_paper' | 'note', status = 'draft') =>
      createDocument(db, { programmeId, cityId, kind, status: status as 'draft', published: status === 'adopted' });
    profileId = (await doc(lyon.id, 'migration_profile', 'in_review')).id;
    await doc(lyon.id, 'priority_paper', 'adopted');
    await doc(lyon.id, 'note');
    await doc(amman.id, 'migration_profile');
    await doc(null, 'note', 'adopted');
    for (const [cityId, key, year] of [
      [lyon.id, 'population', 2022],
      [lyon.id, 'population', 2023],
      [lyon.id, 'refugees', 2023],
      [lyon.id, 'not_in_the_catalogue', 2023],
      [amman.id, 'population', 2023],
    ] as const) {
      await db.query(`INSERT INTO indicators (city_id, key, value_numeric, year) VALUES ($1, $2, 1, $3)`, [
        cityId,
        key,
        year,
      ]);
    }

    // Action: pilot projects, progress, milestones.
    const theme = (await createTheme(db, programmeId, 'basic-services')).id;
    await createTheme(db, programmeId, 'urban-planning');
    const project = async (cityId: string, title: string, status: string, themeId: string | null = null) =>
      (
        await db.query(
          `INSERT INTO pilot_projects (city_id, title, status, theme_id) VALUES ($1, $2, $3, $4) RETURNING id`,
          [cityId, title, status, themeId],
        )
      )[0].id as string;
    const desk = await project(lyon.id, 'Welcome desk', 'in_progress', theme);
    await project(lyon.id, 'Finished survey', 'completed', theme);
    const cancelled = await project(turin.id, 'Dropped idea', 'cancelled');
    await project(turin.id, 'New idea', 'proposed');
    for (const [percent, offset] of [
      [40, -20],
      [60, -2],
    ]) {
      await db.query(`INSERT INTO pilot_project_progress (pilot_project_id, percent, created_at) VALUES ($1, $2, $3)`, [
        desk,
        percent,
        at(offset),
      ]);
    }
    const milestone = async (projectId: string, title: string, due: number, status: string) =>
      (
        await db.query(
          `INSERT INTO pilot_project_milestones (pilot_project_id, title, due_date, status) VALUES ($1, $2, $3, $4) RETURNING id`,
          [projectId, title, day(due), status],
        )
      )[0].id as string;
    overdueId = await milestone(desk, 'Interpreters trained', -10, 'in_progress');
    await milestone(desk, 'Agreement signed', -30, 'done');
    await milestone(desk, 'Review', 30, 'planned');
    await milestone(cancelled, 'Never happened', -40, 'planned');

    // Dialogue: one past event hosted by Lyon with Amman taking part, six to come.
    const event = async (title: string, startOffset: number, host: string | null, cityIds: string[] = []) => {
      const [row] = await db.query(
        `INSERT INTO events (programme_id, kind, title, host_city_id, starts_at, ends_at)
         VALUES ($1, 'technical_workshop', $2, $3, $4, $5) RETURNING id`,
        [programmeId, title, host, at(startOffset), at(startOffset + 1)],
      );
      for (const cityId of cityIds) {
        await db.query(`INSERT INTO event_cities (event_id, city_id) VALUES ($1, $2)`, [row.id, cityId]);
      }
    };
    await event('Workshop in Lyon', -40, lyon.id, [amman.id]);
    for (let i = 1; i <= 6; i++) await event(`Meeting ${i}`, i * 3, i === 1 ? turin.id : null);

    await db.query(
      `INSERT INTO activity (programme_id, city_id, document_id, actor_id, verb, audience)
       VALUES ($1, $2, $3, $4, 'document.submitted', 'document')`,
      [programmeId, lyon.id, profileId, members.editor.id],
    );
  });
  afterAll(async () => {
    await t.close();
  });

  it('gives coordinators and admins the whole programme, shaped for charts', async () => {
    const res = await coordinator.get('/api/dashboard');
    expect(res.status).toBe(200);
    const body = res.body;
    expect(body.totals).toEqual({ cities: 3, documents: 5, pilotProjects: 4, overdueMilestones: 1, upcomingEvents: 6 });
    expect(body.citiesByPhase).toEqual([
      { key: 'dialogue', count: 1 },
      { key: 'knowledge', count: 0 },
      { key: 'action', count: 2 },
    ]);
    expect(body.documentsByStatus).toEqual([
      { key: 'draft', count: 2 },
      { key: 'in_review', count: 1 },
      { key: 'adopted', count: 2 },
      { key: 'archived', count: 0 },
    ]);
    expect(countOf(body.pilotProjectsByStatus, 'in_progress')).toBe(1);
    expect(countOf(body.pilotProjectsByStatus, 'approved')).toBe(0);
    expect(body.pilotProjectsByStatus).toHaveLength(6);
    expect(body.pilotProjectsByTheme).toEqual([
      expect.objectContaining({ key: 'basic-services', count: 2 }),
      expect.objectContaining({ key: 'urban-planning', count: 0 }),
      expect.objectContaining({ key: 'none', themeId: null, count: 2 }),
    ]);
    expect((await admin.get('/api/dashboard')).status).toBe(200);
  });

  it('measures each city’s progress through Dialogue, Knowledge and Action', async () => {
    const { cities } = (await coordinator.get('/api/dashboard')).body;
    expect(cities.map((c: { slug: string }) => c.slug)).toEqual(['amman', 'lyon', 'turin']);
    const [ammanRow, lyonRow, turinRow] = cities;
    expect(ammanRow).toMatchObject({
      phase: 'dialogue',
      dialogue: { eventsHeld: 1, eventsUpcoming: 0 },
      knowledge: { migrationProfile: { status: 'draft' }, priorityPaper: null, indicatorsFilled: 1 },
      action: { pilotProjects: 0, averageProgress: null },
    });
    expect(lyonRow).toMatchObject({
      phase: 'action',
      dialogue: { eventsHeld: 1, eventsUpcoming: 0 },
      knowledge: {
        migrationProfile: { id: profileId, status: 'in_review', published: false },
        priorityPaper: { status: 'adopted', published: true },
        indicatorsFilled: 2,
      },
      // The in-progress desk at its latest 60%, the completed survey at 100%.
      action: { pilotProjects: 2, averageProgress: 80 },
    });
    expect(lyonRow.knowledge.indicatorsTotal).toBeGreaterThanOrEqual(6);
    expect(countOf(lyonRow.documentsByStatus, 'draft')).toBe(1);
    expect(countOf(lyonRow.documentsByStatus, 'adopted')).toBe(1);
    expect(turinRow).toMatchObject({
      dialogue: { eventsHeld: 0, eventsUpcoming: 1 },
      action: { pilotProjects: 2, averageProgress: null },
    });
    expect(countOf(turinRow.action.byStatus, 'cancelled')).toBe(1);
  });

  it('lists overdue milestones of running projects, the next five events and recent activity', async () => {
    const body = (await coordinator.get('/api/dashboard')).body;
    expect(body.overdueMilestones).toEqual([
      expect.objectContaining({
        id: overdueId,
        title: 'Interpreters trained',
        dueDate: day(-10),
        daysOverdue: 10,
        pilotProject: expect.objectContaining({ title: 'Welcome desk' }),
        city: { id: lyon.id, slug: 'lyon', name: 'Lyon' },
      }),
    ]);
    expect(body.upcomingEvents.map((e: { title: string }) => e.title)).toEqual([
      'Meeting 1',
      'Meeting 2',
      'Meeting 3',
      'Meeting 4',
      'Meeting 5',
    ]);
    expect(body.upcomingEvents[0].hostCity).toEqual({ id: turin.id, slug: 'turin', name: 'Turin' });
    expect(body.recentActivity).toEqual([
      expect.objectContaining({
        verb: 'document.submitted',
        document: expect.objectContaining({ id: profileId }),
        city: expect.objectContaining({ slug: 'lyon' }),
        actor: expect.objectContaining({ id: members.editor.id }),
      }),
    ]);
    expect(body.recentDocuments).toHaveLength(5);
  });

  it('narrows to one programme on request', async () => {
    const other = await createProgramme(t.db);
    await createCity(t.db, other.id, { slug: 'beirut', name: 'Beirut' });
    const all = (await coordinator.get('/api/dashboard')).body;
    expect(all.totals.cities).toBe(4);
    const one = (await coordinator.get(`/api/dashboard?programmeId=${programmeId}`)).body;
    expect(one.totals.cities).toBe(3);
    expect(one.totals.upcomingEvents).toBe(6);
    const theirs = (await coordinator.get(`/api/dashboard?programmeId=${other.id}`)).body;
    expect(theirs.totals).toEqual({
      cities: 1,
      documents: 0,
      pilotProjects: 0,
      overdueMilestones: 0,
      upcomingEvents: 0,
    });
    expect(theirs.recentActivity).toEqual([]);
    expect(
      (await coordinator.get(`/api/dashboard?programmeId=${'0'.repeat(8)}-0000-4000-8000-${'0'.repeat(12)}`)).status,
    ).toBe(404);
    const bad = await coordinator.get('/api/dashboard?programmeId=mc2cm');
    expect(bad.status).toBe(400);
    expect(bad.body.fields).toEqual(['programmeId']);
  });

  it('refuses every other member with 403, even one who observes every city', async () => {
    for (const member of Object.values(members)) {
      const res = await member.get('/api/dashboard');
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('forbidden');
    }
    expect((await t.http().get('/api/dashboard')).status).toBe(401);
  });
});
