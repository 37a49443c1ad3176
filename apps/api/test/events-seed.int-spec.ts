import { caller, createDemoLikeProgramme } from './utils/phase-fixtures';
import { createTestApp, TestApp } from './utils/test-app';

interface EventsSeederPort {
  seedDemoEvents(
    programmeId: string,
    cities: Array<{ id: string; slug: string }>,
    coordinatorUserId: string,
  ): Promise<void>;
}

describe('demo events', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('seeds past and upcoming events with their minutes, once', async () => {
    const demo = await createDemoLikeProgramme(t);
    const seeder = t.app.get<string, EventsSeederPort>('EventsSeeder');
    await seeder.seedDemoEvents(demo.programme.id, demo.cities, demo.coordinator.id);
    await seeder.seedDemoEvents(demo.programme.id, demo.cities, demo.coordinator.id);

    const editor = caller(t, demo.editorLyon.id);
    const all = (await editor.get('/api/events')).body;
    expect(all).toHaveLength(4);
    expect((await editor.get('/api/events?when=past')).body).toHaveLength(2);
    expect((await editor.get('/api/events?when=upcoming')).body).toHaveLength(2);
    const launch = all.find((e: { kind: string }) => e.kind === 'technical_workshop');
    expect(launch).toMatchObject({ hostCityId: demo.cityId('lyon') });
    expect(launch.cityIds).toHaveLength(7);
    expect(launch.agenda.length).toBeGreaterThan(3);
    const coordinator = caller(t, demo.coordinator.id);
    for (const e of all) {
      expect((await coordinator.get(`/api/documents/${e.minutesDocumentId}`)).body.kind).toBe('minutes');
    }
  });
});
