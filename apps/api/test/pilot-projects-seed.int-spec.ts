import { createDemoLikeProgramme, caller } from './utils/phase-fixtures';
import { createTestApp, TestApp } from './utils/test-app';

interface PilotProjectsSeederPort {
  seedDemoPilotProjects(
    cities: Array<{ id: string; slug: string }>,
    editorUserIds: Record<string, string>,
  ): Promise<void>;
}

describe('demo pilot projects', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('seeds running projects with milestones (one overdue), progress and descriptions, once', async () => {
    const demo = await createDemoLikeProgramme(t);
    const seeder = t.app.get<string, PilotProjectsSeederPort>('PilotProjectsSeeder');
    const editors = { lyon: demo.editorLyon.id, tangier: demo.editorTangier.id };
    await seeder.seedDemoPilotProjects(demo.cities, editors);
    await seeder.seedDemoPilotProjects(demo.cities, editors);

    const coordinator = caller(t, demo.coordinator.id);
    const projects = (await coordinator.get('/api/pilot-projects')).body;
    expect(projects).toHaveLength(3);
    const lyon = projects.find((p: { cityId: string }) => p.cityId === demo.cityId('lyon'));
    expect(lyon).toMatchObject({ status: 'in_progress', overdueMilestones: 1, progressPercent: 45, currency: 'EUR' });
    expect(lyon.milestones).toHaveLength(4);
    expect(lyon.themeId).not.toBeNull();
    expect(lyon.leadOrganisationId).not.toBeNull();
    expect(lyon.partnerOrganisationIds).toHaveLength(2);
    const tangier = projects.filter((p: { cityId: string }) => p.cityId === demo.cityId('tangier'));
    expect(tangier.map((p: { status: string }) => p.status).sort()).toEqual(['approved', 'proposed']);
    for (const p of projects) {
      expect((await coordinator.get(`/api/documents/${p.descriptionDocumentId}`)).body.kind).toBe('note');
    }
  });
});
