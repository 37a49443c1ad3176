import type { EventKind, Language } from '@passerelle/domain';

export interface AgendaItem {
  time?: string;
  title: string;
}

/** An event of the programme calendar, as GET /api/events and GET /api/events/:id answer it. */
export interface ProgrammeEvent {
  id: string;
  programmeId: string;
  kind: EventKind;
  title: string;
  description: string;
  hostCityId: string | null;
  /** Participating cities, the host among them. */
  cityIds: string[];
  participants: Array<{ id: string; name: string }>;
  startsAt: string;
  endsAt: string;
  location: string | null;
  onlineUrl: string | null;
  agenda: AgendaItem[];
  minutesDocumentId: string | null;
  canManage: boolean;
}

export interface EventFields {
  kind: EventKind;
  title: string;
  description: string | null;
  hostCityId: string | null;
  cityIds: string[];
  participantIds: string[];
  startsAt: string;
  endsAt: string;
  location: string | null;
  onlineUrl: string | null;
  agenda: AgendaItem[];
}

export interface CreateEventBody extends EventFields {
  language?: Language;
}

export interface EventFilter {
  cityId?: string;
  when?: 'upcoming' | 'past';
}
