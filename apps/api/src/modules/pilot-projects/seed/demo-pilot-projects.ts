import type { MilestoneStatus, PilotProjectStatus } from '@passerelle/domain';

/**
 * Demo pilot projects, written for this product (no real project is described). Dates are days
 * from the day of seeding so that the demo always shows running work, one overdue milestone
 * included. Organisations and themes are named by their demo-data natural keys.
 */
export interface DemoPilotProject {
  city: string;
  title: string;
  summary: string;
  theme: string;
  priority: string;
  leadOrganisation: string | null;
  partners: string[];
  startDay: number;
  endDay: number;
  budget: number | null;
  currency: string | null;
  /** The statuses it goes through after `proposed`, along allowed transitions. */
  path: PilotProjectStatus[];
  milestones: Array<{ title: string; dueDay: number; status: MilestoneStatus }>;
  progress: Array<{ percent: number; note: string }>;
}

export const DEMO_PILOT_PROJECTS: readonly DemoPilotProject[] = [
  {
    city: 'lyon',
    title: 'Guillotière welcome desk for newcomers',
    summary:
      'A shared desk where newly arrived residents find, in one place and in their language, the associations ' +
      'and city services that help with housing, schooling, health cover and French classes.',
    theme: 'basic-services',
    priority: 'Make access to rights and basic services easier for newly arrived residents',
    leadOrganisation: 'Métropole de Lyon – Mission Inclusion',
    partners: ['Maison des Solidarités de la Guillotière', 'United Cities and Local Governments'],
    startDay: -120,
    endDay: 240,
    budget: 85000,
    currency: 'EUR',
    path: ['approved', 'in_progress'],
    milestones: [
      { title: 'Partnership agreement signed with the neighbourhood associations', dueDay: -90, status: 'done' },
      { title: 'Desk open two afternoons a week', dueDay: -30, status: 'done' },
      { title: 'Volunteer interpreters trained (Arabic, Tigrinya, Dari)', dueDay: -10, status: 'in_progress' },
      { title: 'First-year review with the local stakeholders', dueDay: 200, status: 'planned' },
    ],
    progress: [
      { percent: 20, note: 'Agreement signed; the premises are shared with the Maison des Solidarités.' },
      { percent: 45, note: 'The desk is open; about sixty visits in the first month. Interpreting is the bottleneck.' },
    ],
  },
  {
    city: 'tangier',
    title: 'Job and business coaching for young migrants',
    summary:
      'Coaching, short vocational courses and small-business support for young migrants and young people of the ' +
      'city, run with employers and the social and solidarity economy.',
    theme: 'employment-entrepreneurship',
    priority: 'Open access to employment and entrepreneurship for migrants and young residents',
    leadOrganisation: 'Commune de Tanger – Division de l’Action sociale',
    partners: ['Association Détroit Accueil', 'International Centre for Migration Policy Development'],
    startDay: 15,
    endDay: 380,
    budget: 1200000,
    currency: 'MAD',
    path: ['approved'],
    milestones: [
      { title: 'Coaching curriculum agreed with employers', dueDay: 45, status: 'planned' },
      { title: 'First cohort of 25 participants starts', dueDay: 120, status: 'planned' },
    ],
    progress: [],
  },
  {
    city: 'tangier',
    title: 'Reception protocol for unaccompanied migrant minors',
    summary:
      'A shared protocol between the city, child-protection services and associations for the first days after an ' +
      'unaccompanied minor is identified: shelter, health check, guardianship and schooling.',
    theme: 'unaccompanied-minors',
    priority: 'Protect unaccompanied migrant minors from their first day in the city',
    leadOrganisation: 'Association Détroit Accueil',
    partners: [],
    startDay: 60,
    endDay: 300,
    budget: null,
    currency: null,
    path: [],
    milestones: [],
    progress: [],
  },
];
