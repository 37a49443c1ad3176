import { caller, createDemoLikeProgramme } from './utils/phase-fixtures';
import { createTestApp, TestApp } from './utils/test-app';

interface IndicatorsSeederPort {
  seedDemoIndicators(cities: Array<{ id: string; slug: string }>): Promise<void>;
}

describe('demo indicators', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('seeds figures labelled as demo data for every city, once, without overwriting entered ones', async () => {
    const demo = await createDemoLikeProgramme(t);
    const seeder = t.app.get<string, IndicatorsSeederPort>('IndicatorsSeeder');
    await seeder.seedDemoIndicators(demo.cities);
    const coordinator = caller(t, demo.coordinator.id);
    await coordinator.put(`/api/cities/${demo.cityId('lyon')}/indicators`, {
      indicators: [{ key: 'population', year: 2020, valueNumeric: 123, source: 'Entered' }],
    });
    await seeder.seedDemoIndicators(demo.cities);

    const table = (await coordinator.get('/api/indicators/compare')).body;
    expect(table.cities).toHaveLength(7);
    for (const city of table.cities) {
      expect(city.values.population).not.toBeNull();
      expect(city.values.main_countries_of_origin.valueText).toBeTruthy();
    }
    const lyon = table.cities.find((c: { slug: string }) => c.slug === 'lyon');
    expect(lyon.values.population).toMatchObject({ valueNumeric: 123, year: 2020, source: 'Entered' });
    expect(lyon.values.foreign_born_share.source).toBe('Demo data');
    const rows = (await coordinator.get(`/api/indicators?cityId=${demo.cityId('lyon')}`)).body;
    expect(rows.filter((r: { key: string }) => r.key === 'population')).toHaveLength(2);
  });
});
