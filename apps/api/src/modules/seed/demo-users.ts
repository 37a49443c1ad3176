import type { CityRole, GlobalRole } from '@passerelle/domain';

/**
 * The demo accounts of the spec; all share DEMO_PASSWORD. A membership may name the organisation
 * (by its name in demo-data.ts) that the person acts for in that city.
 */
export const DEMO_USERS: ReadonlyArray<{
  email: string;
  name: string;
  role: GlobalRole;
  memberships: ReadonlyArray<{ city: string; role: CityRole; organisation?: string }> | 'all-observer';
}> = [
  { email: 'admin@passerelle.test', name: 'Amina Haddad', role: 'admin', memberships: [] },
  { email: 'coordinator@passerelle.test', name: 'Claire Dubois', role: 'coordinator', memberships: [] },
  {
    email: 'editor.lyon@passerelle.test',
    name: 'Julien Moreau',
    role: 'member',
    memberships: [{ city: 'lyon', role: 'editor', organisation: 'Métropole de Lyon – Mission Inclusion' }],
  },
  {
    email: 'editor.tangier@passerelle.test',
    name: 'Youssef El Amrani',
    role: 'member',
    memberships: [
      { city: 'tangier', role: 'editor', organisation: 'Commune de Tanger – Division de l’Action sociale' },
    ],
  },
  {
    email: 'stakeholder.lyon@passerelle.test',
    name: 'Nadia Benali',
    role: 'member',
    memberships: [{ city: 'lyon', role: 'stakeholder', organisation: 'Maison des Solidarités de la Guillotière' }],
  },
  {
    email: 'stakeholder.tangier@passerelle.test',
    name: 'Karim Tazi',
    role: 'member',
    memberships: [{ city: 'tangier', role: 'stakeholder', organisation: 'Association Détroit Accueil' }],
  },
  { email: 'observer@passerelle.test', name: 'Sofia Marques', role: 'member', memberships: 'all-observer' },
];
