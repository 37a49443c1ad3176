import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { notServedAsEmpty } from '../pilot-projects/notServed';
import { eventKeys, eventsApi } from './eventsApi';
import type { CreateEventBody, EventFields, EventFilter } from './types';

export function useEvents(filter: EventFilter) {
  return useQuery({
    queryKey: eventKeys.list(filter),
    queryFn: ({ signal }) => notServedAsEmpty(eventsApi.list(filter, signal)),
  });
}

export function useEvent(id: string, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: eventKeys.one(id),
    queryFn: ({ signal }) => eventsApi.get(id, signal),
    enabled: options.enabled ?? true,
  });
}

/** The people who can take part, for coordinators; loaded only where the event form needs it. */
export function usePeople(enabled: boolean) {
  return useQuery({
    queryKey: eventKeys.people,
    queryFn: ({ signal }) => eventsApi.people(signal),
    enabled,
    staleTime: 5 * 60_000,
  });
}

export function useEventMutations() {
  const queryClient = useQueryClient();
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: eventKeys.all });
    void queryClient.invalidateQueries({ queryKey: ['dashboard'] });
  };
  const create = useMutation({
    mutationFn: (body: CreateEventBody) => eventsApi.create(body),
    onSuccess: (event) => {
      queryClient.setQueryData(eventKeys.one(event.id), event);
      refresh();
    },
  });
  const update = useMutation({
    mutationFn: ({ id, body }: { id: string; body: Partial<EventFields> }) => eventsApi.update(id, body),
    onSuccess: (event) => {
      queryClient.setQueryData(eventKeys.one(event.id), event);
      refresh();
    },
  });
  const remove = useMutation({
    mutationFn: (id: string) => eventsApi.remove(id),
    onSuccess: (_, id) => {
      queryClient.removeQueries({ queryKey: eventKeys.one(id) });
      refresh();
    },
  });
  return { create, update, remove };
}
