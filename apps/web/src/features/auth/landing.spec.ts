import { landingPath } from './landing';

describe('landingPath', () => {
  it('sends coordinators and admins to the programme, even when they belong to a city', () => {
    expect(landingPath({ role: 'coordinator', memberships: [{ cityId: '1', citySlug: 'lyon', role: 'editor' }] })).toBe(
      '/',
    );
    expect(landingPath({ role: 'admin', memberships: [] })).toBe('/');
  });

  it('sends editors and stakeholders to their city', () => {
    expect(
      landingPath({ role: 'member', memberships: [{ cityId: '1', citySlug: 'tangier', role: 'stakeholder' }] }),
    ).toBe('/cities/tangier');
  });

  it('prefers the city where the person works over one they observe', () => {
    const memberships = [
      { cityId: '1', citySlug: 'amman', role: 'observer' as const },
      { cityId: '2', citySlug: 'lyon', role: 'editor' as const },
    ];
    expect(landingPath({ role: 'member', memberships })).toBe('/cities/lyon');
  });

  it('sends an observer of every city, or of none, to the programme', () => {
    const all = ['amman', 'beirut', 'lyon'].map((slug, i) => ({
      cityId: String(i),
      citySlug: slug,
      role: 'observer' as const,
    }));
    expect(landingPath({ role: 'member', memberships: all })).toBe('/');
    expect(landingPath({ role: 'member', memberships: [] })).toBe('/');
    expect(landingPath({ role: 'member', memberships: [all[0]] })).toBe('/cities/amman');
  });
});
