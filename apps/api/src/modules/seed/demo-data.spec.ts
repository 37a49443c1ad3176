import { LANGUAGES, ORGANISATION_KINDS, PHASES } from '@passerelle/domain';
import { DEMO_CITIES, DEMO_ORGANISATIONS, DEMO_THEMES } from './demo-data';
import { DEMO_USERS } from './demo-users';

// The seed matches rows on these natural keys and links them by name: a typo here would quietly
// drop a link (a member without an organisation), so the demo data is checked on its own.
describe('demo data', () => {
  const citySlugs = DEMO_CITIES.map((c) => c.slug);

  it('has the seven cities of the spec, each named in every working language', () => {
    expect(citySlugs).toEqual(['amman', 'beirut', 'lisbon', 'lyon', 'madrid', 'tangier', 'turin']);
    for (const city of DEMO_CITIES) {
      expect(Object.keys(city.names).sort()).toEqual([...LANGUAGES].sort());
      expect(PHASES).toContain(city.phase);
      expect(city.languages.length).toBeGreaterThan(0);
      for (const language of city.languages) expect(LANGUAGES).toContain(language);
      expect(city.countryCode).toMatch(/^[A-Z]{2}$/);
    }
  });

  it('has unique organisation names and themes slugs, partners without a city, local ones in a demo city', () => {
    const names = DEMO_ORGANISATIONS.map((o) => o.name.toLowerCase());
    expect(new Set(names).size).toBe(names.length);
    expect(new Set(DEMO_THEMES.map((t) => t.slug)).size).toBe(7);
    for (const o of DEMO_ORGANISATIONS) {
      expect(ORGANISATION_KINDS).toContain(o.kind);
      if (o.kind === 'partner') expect(o.city).toBeNull();
      else expect(citySlugs).toContain(o.city);
    }
    expect(DEMO_ORGANISATIONS.filter((o) => o.kind === 'partner').map((o) => o.acronym)).toEqual([
      'UCLG',
      'ICMPD',
      'UN-Habitat',
    ]);
  });

  it('links every demo membership to a demo city and to an organisation of that city', () => {
    for (const user of DEMO_USERS) {
      if (user.memberships === 'all-observer') continue;
      for (const m of user.memberships) {
        expect(citySlugs).toContain(m.city);
        if (!m.organisation) continue;
        const organisation = DEMO_ORGANISATIONS.find((o) => o.name === m.organisation);
        expect({ user: user.email, organisation: organisation?.name, city: organisation?.city }).toEqual({
          user: user.email,
          organisation: m.organisation,
          city: m.city,
        });
      }
    }
  });
});
