import { api } from '../../lib/api';
import { endpoint } from '../../lib/endpoints';
import type { CreateEventBody, EventFields, EventFilter, ProgrammeEvent } from './types';

/** A person the coordinators can invite to an event (GET /api/users, coordinators and admins). */
export interface Person {
  id: string;
  name: string;
  email: string;
  active: boolean;
}

export const eventsApi = {
  list: (filter: EventFilter, signal?: AbortSignal) =>
    api.call<ProgrammeEvent[]>(endpoint('events.list'), { query: { ...filter }, signal }),
  get: (id: string, signal?: AbortSignal) => api.call<ProgrammeEvent>(endpoint('events.get', { id }), { signal }),
  create: (body: CreateEventBody) => api.call<ProgrammeEvent>(endpoint('events.create'), { body }),
  update: (id: string, body: Partial<EventFields>) =>
    api.call<ProgrammeEvent>(endpoint('events.update', { id }), { body }),
  remove: (id: string) => api.call<void>(endpoint('events.remove', { id })),
  people: (signal?: AbortSignal) => api.call<Person[]>(endpoint('users.list'), { signal }),
};

export const eventKeys = {
  all: ['events'] as const,
  list: (filter: EventFilter) => ['events', 'list', filter] as const,
  one: (id: string) => ['events', id] as const,
  people: ['events', 'people'] as const,
};
