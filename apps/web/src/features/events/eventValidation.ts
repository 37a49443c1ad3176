import { EVENT_KINDS, LIMITS, type EventKind } from '@passerelle/domain';
import type { EventFields, ProgrammeEvent } from './types';
import { fromLocalInput, toLocalInput } from './useEventDates';

export interface EventFormValues {
  kind: EventKind;
  title: string;
  description: string;
  hostCityId: string;
  cityIds: string[];
  participantIds: string[];
  /** `datetime-local` values, in the reader's time zone. */
  startsAt: string;
  endsAt: string;
  location: string;
  onlineUrl: string;
  agenda: Array<{ time: string; title: string }>;
}

export type EventFieldError = 'required' | 'tooLong' | 'endBeforeStart' | 'badUrl' | 'agendaTitle';
export type EventErrors = Partial<Record<keyof EventFormValues, EventFieldError>>;

export const emptyEventValues = (hostCityId = ''): EventFormValues => ({
  kind: EVENT_KINDS[0],
  title: '',
  description: '',
  hostCityId,
  cityIds: hostCityId ? [hostCityId] : [],
  participantIds: [],
  startsAt: '',
  endsAt: '',
  location: '',
  onlineUrl: '',
  agenda: [],
});

export function valuesFromEvent(event: ProgrammeEvent): EventFormValues {
  return {
    kind: event.kind,
    title: event.title,
    description: event.description ?? '',
    hostCityId: event.hostCityId ?? '',
    cityIds: event.cityIds,
    participantIds: event.participants.map((p) => p.id),
    startsAt: toLocalInput(event.startsAt),
    endsAt: toLocalInput(event.endsAt),
    location: event.location ?? '',
    onlineUrl: event.onlineUrl ?? '',
    agenda: event.agenda.map((item) => ({ time: item.time ?? '', title: item.title })),
  };
}

const isWebUrl = (value: string) => {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
};

export function validateEvent(values: EventFormValues): EventErrors {
  const errors: EventErrors = {};
  if (!values.title.trim()) errors.title = 'required';
  else if (values.title.trim().length > LIMITS.titleMaxLength) errors.title = 'tooLong';
  if (!values.startsAt) errors.startsAt = 'required';
  if (!values.endsAt) errors.endsAt = 'required';
  else if (values.startsAt && new Date(values.endsAt) < new Date(values.startsAt)) errors.endsAt = 'endBeforeStart';
  if (values.onlineUrl.trim() && !isWebUrl(values.onlineUrl.trim())) errors.onlineUrl = 'badUrl';
  if (values.agenda.some((item) => item.time.trim() && !item.title.trim())) errors.agenda = 'agendaTitle';
  return errors;
}

export function fieldsFromEventValues(values: EventFormValues): EventFields {
  const orNull = (value: string) => (value.trim() ? value.trim() : null);
  const host = orNull(values.hostCityId);
  return {
    kind: values.kind,
    title: values.title.trim(),
    description: values.description.trim(),
    hostCityId: host,
    // The API adds the host to the participating cities; sending it keeps the form's list honest.
    cityIds: host && !values.cityIds.includes(host) ? [...values.cityIds, host] : values.cityIds,
    participantIds: values.participantIds,
    startsAt: fromLocalInput(values.startsAt),
    endsAt: fromLocalInput(values.endsAt),
    location: orNull(values.location),
    onlineUrl: orNull(values.onlineUrl),
    agenda: values.agenda
      .filter((item) => item.title.trim())
      .map((item) => ({ ...(item.time.trim() ? { time: item.time.trim() } : {}), title: item.title.trim() })),
  };
}
