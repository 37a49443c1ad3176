import type { Organisation, PilotProject, Theme } from './types';

/** Test data shared by the pilot project specs. */
export const themes: Theme[] = [
  {
    id: 't-services',
    slug: 'basic-services',
    names: { en: 'Access to basic services', fr: 'Accès aux services de base' },
  },
  { id: 't-jobs', slug: 'employment', names: { en: 'Employment and entrepreneurship' } },
];

export const organisations: Organisation[] = [
  { id: 'o-uclg', name: 'United Cities and Local Governments', acronym: 'UCLG', kind: 'partner', cityId: null },
  { id: 'o-mds', name: 'Maison des Solidarités', acronym: null, kind: 'local', cityId: 'c-lyon' },
  { id: 'o-tng', name: 'Association Détroit Accueil', acronym: null, kind: 'local', cityId: 'c-tng' },
];

export const project: PilotProject = {
  id: 'p-1',
  cityId: 'c-lyon',
  title: 'Guillotière welcome desk',
  summary: 'A shared desk for newcomers.',
  themeId: 't-services',
  priority: 'Easier access to rights',
  leadOrganisationId: 'o-mds',
  partnerOrganisationIds: ['o-uclg'],
  startDate: '2025-01-15',
  endDate: '2025-12-31',
  budget: 85000,
  currency: 'EUR',
  status: 'proposed',
  allowedTransitions: ['approved', 'cancelled'],
  descriptionDocumentId: 'd-desc',
  milestones: [
    {
      id: 'm-1',
      pilotProjectId: 'p-1',
      title: 'Interpreters trained',
      dueDate: '2025-02-01',
      status: 'in_progress',
      completedAt: null,
      position: 0,
      overdue: true,
    },
  ],
  overdueMilestones: 1,
  progressPercent: 45,
  latestProgress: { percent: 45, note: 'Open two afternoons a week.', createdAt: '2025-03-01T10:00:00.000Z' },
  canManage: true,
  createdAt: '2025-01-10T10:00:00.000Z',
  updatedAt: '2025-03-01T10:00:00.000Z',
};
