import { canOnCity, Principal } from './access';
import { LANGUAGES } from './enums';
import { INDICATOR_ACCESS, INDICATOR_CATALOGUE, INDICATOR_UNITS, indicatorDefinition } from './indicators';

describe('indicator catalogue', () => {
  it('has unique keys made of lowercase words', () => {
    const keys = INDICATOR_CATALOGUE.map((d) => d.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const key of keys) expect(key).toMatch(/^[a-z]+(_[a-z]+)*$/);
  });

  it('names every indicator in every working language and gives it a known unit', () => {
    for (const d of INDICATOR_CATALOGUE) {
      expect(INDICATOR_UNITS).toContain(d.unit);
      for (const language of LANGUAGES) expect(d.names[language].trim()).not.toBe('');
    }
  });

  it('holds the figures of the issue', () => {
    for (const key of ['population', 'foreign_born_share', 'main_countries_of_origin', 'asylum_seekers', 'refugees']) {
      expect(indicatorDefinition(key)).toBeDefined();
    }
    expect(indicatorDefinition('nope')).toBeUndefined();
  });

  it('lets editors and coordinators maintain figures, and members of the city read them', () => {
    const city = 'lyon';
    const editor: Principal = { role: 'member', memberships: [{ cityId: city, role: 'editor' }] };
    const stakeholder: Principal = { role: 'member', memberships: [{ cityId: city, role: 'stakeholder' }] };
    const coordinator: Principal = { role: 'coordinator', memberships: [] };
    const other: Principal = { role: 'member', memberships: [{ cityId: 'tangier', role: 'editor' }] };
    expect(canOnCity(editor, INDICATOR_ACCESS.manage, city)).toBe(true);
    expect(canOnCity(coordinator, INDICATOR_ACCESS.manage, city)).toBe(true);
    expect(canOnCity(stakeholder, INDICATOR_ACCESS.manage, city)).toBe(false);
    expect(canOnCity(stakeholder, INDICATOR_ACCESS.read, city)).toBe(true);
    expect(canOnCity(other, INDICATOR_ACCESS.read, city)).toBe(false);
  });
});
