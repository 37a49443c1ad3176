import type { EventKind } from '@passerelle/domain';

/**
 * Demo events of the programme calendar, written for this product after the kinds of meetings
 * such networks hold. Days are counted from the day of seeding (two past, two upcoming) and hours
 * are UTC.
 */
export interface DemoEvent {
  kind: EventKind;
  title: string;
  description: string;
  host: string | null;
  /** Participating cities by slug; 'all' for every city given to the seeder. */
  cities: string[] | 'all';
  startDay: number;
  startHour: number;
  /** Length in hours from the start. */
  hours: number;
  location: string | null;
  onlineUrl: string | null;
  agenda: Array<{ time?: string; title: string }>;
}

export const DEMO_EVENTS: readonly DemoEvent[] = [
  {
    kind: 'technical_workshop',
    title: 'Launch workshop on methodology and information-sharing',
    description:
      'The first meeting of the partner cities and organisations: how the Dialogue, Knowledge and Action parts ' +
      'work together, which priorities the cities share, and how migration profiles will be researched.',
    host: 'lyon',
    cities: 'all',
    startDay: -200,
    startHour: 8,
    hours: 32,
    location: 'Métropole de Lyon',
    onlineUrl: null,
    agenda: [
      { time: 'Day 1, 09:00', title: 'Welcome by the host city and round of introductions' },
      { time: 'Day 1, 09:45', title: 'Dialogue, Knowledge, Action: how the three parts fit together' },
      { time: 'Day 1, 11:00', title: 'Agreeing the priorities the cities share' },
      { time: 'Day 1, 14:00', title: 'Research method for the migration profiles' },
      { time: 'Day 2, 09:30', title: 'Walk through the Guillotière neighbourhood and meeting with local associations' },
      { time: 'Day 2, 14:00', title: 'Peer learning and the coordination of pilot projects' },
    ],
  },
  {
    kind: 'training',
    title: 'Training: the gender dimension of migration profiles',
    description:
      'A one-day session for the cities’ research teams on collecting and reading data about women and girls on ' +
      'the move, and about the rights of migrant children.',
    host: 'tangier',
    cities: ['tangier', 'madrid', 'turin'],
    startDay: -40,
    startHour: 8,
    hours: 8,
    location: null,
    onlineUrl: null,
    agenda: [
      { time: '09:00', title: 'Why sex- and age-disaggregated data matter' },
      { time: '11:00', title: 'Exercises on the draft profiles' },
      { time: '14:00', title: 'Children’s rights in local reception' },
    ],
  },
  {
    kind: 'online_meeting',
    title: 'Online meeting: where the migration profiles stand',
    description:
      'Each city gives a five-minute update on its profile; open questions are collected for the next workshop.',
    host: null,
    cities: 'all',
    startDay: 6,
    startHour: 12,
    hours: 2,
    location: null,
    onlineUrl: 'https://meet.example.org/mc2cm-profiles',
    agenda: [
      { title: 'Round of city updates' },
      { title: 'Open questions on sources and indicators' },
      { title: 'Dates for the next study visit' },
    ],
  },
  {
    kind: 'study_visit',
    title: 'Study visit: welcoming newcomers in Lisbon',
    description:
      'Three days with Lisbon’s reception network: one-stop services for newcomers, language classes run with ' +
      'associations, and the city’s work with employers.',
    host: 'lisbon',
    cities: ['lisbon', 'tangier', 'amman', 'beirut'],
    startDay: 25,
    startHour: 8,
    hours: 56,
    location: null,
    onlineUrl: null,
    agenda: [
      { time: 'Day 1', title: 'Visit of a one-stop service for newcomers' },
      { time: 'Day 2', title: 'Language classes and community mediators' },
      { time: 'Day 3', title: 'Round table with employers and lessons for the pilot projects' },
    ],
  },
];
