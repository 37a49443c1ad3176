import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { EVENT_KINDS, type EventKind } from '@passerelle/domain';
import { useErrorMessage } from '../../app/useErrorMessage';
import { cityName } from '../cities/cityName';
import type { City } from '../cities/types';
import type { Person } from './eventsApi';
import { fieldsFromEventValues, validateEvent, type EventErrors, type EventFormValues } from './eventValidation';
import type { EventFields } from './types';
import '../pilot-projects/forms.css';

export interface EventFormProps {
  initial: EventFormValues;
  cities: City[];
  people: Person[];
  submitLabel: string;
  onSubmit(fields: EventFields): Promise<unknown>;
  onCancel(): void;
}

const ORDER: Array<keyof EventFormValues> = ['title', 'startsAt', 'endsAt', 'onlineUrl', 'agenda'];

/** Creating or changing an event of the programme calendar (coordinators). */
export function EventForm({ initial, cities, people, submitLabel, onSubmit, onCancel }: EventFormProps) {
  const { t, i18n } = useTranslation('events');
  const message = useErrorMessage();
  const id = useId();
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<EventErrors>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [pending, setPending] = useState(false);
  const language = i18n.resolvedLanguage ?? 'en';
  const fid = (key: string) => `${id}-${key}`;

  const set = <K extends keyof EventFormValues>(key: K, value: EventFormValues[K]) => {
    setValues((current) => ({ ...current, [key]: value }));
    if (errors[key]) setErrors((current) => ({ ...current, [key]: undefined }));
  };
  const toggle = (key: 'cityIds' | 'participantIds', value: string, on: boolean) =>
    set(key, on ? [...values[key], value] : values[key].filter((v) => v !== value));
  const attrs = (key: keyof EventFormValues) => ({
    id: fid(key),
    'aria-invalid': errors[key] ? true : undefined,
    'aria-describedby': errors[key] ? `${fid(key)}-error` : undefined,
  });
  const field = (key: keyof EventFormValues, label: string, control: ReactNode) => (
    <div className="field">
      <label htmlFor={fid(key)}>{label}</label>
      {control}
      {errors[key] && (
        <p id={`${fid(key)}-error`} className="field-error">
          {t(`form.errors.${errors[key]}`)}
        </p>
      )}
    </div>
  );

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = validateEvent(values);
    setErrors(found);
    setFailure(null);
    const first = ORDER.find((key) => found[key]);
    if (first) {
      document.getElementById(fid(first))?.focus();
      return;
    }
    setPending(true);
    try {
      await onSubmit(fieldsFromEventValues(values));
    } catch (error) {
      setFailure(error);
    } finally {
      setPending(false);
    }
  };

  const setAgenda = (index: number, key: 'time' | 'title', value: string) =>
    set(
      'agenda',
      values.agenda.map((item, i) => (i === index ? { ...item, [key]: value } : item)),
    );

  return (
    <form className="card form-stack event-form" onSubmit={submit} noValidate>
      <div className="form-row">
        {field(
          'kind',
          t('form.kind'),
          <select {...attrs('kind')} value={values.kind} onChange={(e) => set('kind', e.target.value as EventKind)}>
            {EVENT_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {t(`kinds.${kind}`)}
              </option>
            ))}
          </select>,
        )}
        {field(
          'hostCityId',
          t('host'),
          <select
            {...attrs('hostCityId')}
            value={values.hostCityId}
            onChange={(e) => set('hostCityId', e.target.value)}
          >
            <option value="">{t('noHost')}</option>
            {cities.map((c) => (
              <option key={c.id} value={c.id}>
                {cityName(c, language)}
              </option>
            ))}
          </select>,
        )}
      </div>
      {field(
        'title',
        t('form.title'),
        <input {...attrs('title')} value={values.title} onChange={(e) => set('title', e.target.value)} />,
      )}
      <div className="form-row">
        {field(
          'startsAt',
          t('form.startsAt'),
          <input
            {...attrs('startsAt')}
            type="datetime-local"
            value={values.startsAt}
            onChange={(e) => set('startsAt', e.target.value)}
          />,
        )}
        {field(
          'endsAt',
          t('form.endsAt'),
          <input
            {...attrs('endsAt')}
            type="datetime-local"
            value={values.endsAt}
            onChange={(e) => set('endsAt', e.target.value)}
          />,
        )}
      </div>
      <div className="form-row">
        {field(
          'location',
          t('location'),
          <input {...attrs('location')} value={values.location} onChange={(e) => set('location', e.target.value)} />,
        )}
        {field(
          'onlineUrl',
          t('onlineUrl'),
          <input
            {...attrs('onlineUrl')}
            type="url"
            dir="ltr"
            placeholder="https://"
            value={values.onlineUrl}
            onChange={(e) => set('onlineUrl', e.target.value)}
          />,
        )}
      </div>
      {field(
        'description',
        t('about'),
        <textarea
          {...attrs('description')}
          rows={4}
          value={values.description}
          onChange={(e) => set('description', e.target.value)}
        />,
      )}
      <fieldset className="field checkbox-group">
        <legend>{t('cities')}</legend>
        <ul>
          {cities.map((c) => (
            <li key={c.id}>
              <label>
                <input
                  type="checkbox"
                  checked={values.cityIds.includes(c.id) || values.hostCityId === c.id}
                  disabled={values.hostCityId === c.id}
                  onChange={(e) => toggle('cityIds', c.id, e.target.checked)}
                />
                {cityName(c, language)}
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
      {people.length > 0 && (
        <fieldset className="field checkbox-group">
          <legend>{t('participants')}</legend>
          <ul>
            {people.map((p) => (
              <li key={p.id}>
                <label>
                  <input
                    type="checkbox"
                    checked={values.participantIds.includes(p.id)}
                    onChange={(e) => toggle('participantIds', p.id, e.target.checked)}
                  />
                  {p.name}
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
      )}
      <fieldset
        className="field checkbox-group agenda-editor"
        aria-describedby={errors.agenda ? `${fid('agenda')}-error` : undefined}
      >
        <legend>{t('agenda')}</legend>
        {values.agenda.length === 0 && <p className="hint">{t('form.agendaEmpty')}</p>}
        <ol className="plain-list agenda-rows">
          {values.agenda.map((item, index) => (
            <li key={index} className="agenda-row">
              <input
                id={index === 0 ? fid('agenda') : undefined}
                aria-label={t('form.agendaTime', { n: index + 1 })}
                className="agenda-time-input"
                placeholder={t('form.agendaTimePlaceholder')}
                value={item.time}
                onChange={(e) => setAgenda(index, 'time', e.target.value)}
              />
              <input
                aria-label={t('form.agendaItem', { n: index + 1 })}
                aria-invalid={errors.agenda && item.time.trim() && !item.title.trim() ? true : undefined}
                value={item.title}
                onChange={(e) => setAgenda(index, 'title', e.target.value)}
              />
              <button
                type="button"
                className="button button-small button-quiet"
                aria-label={t('form.agendaRemove', { n: index + 1 })}
                onClick={() =>
                  set(
                    'agenda',
                    values.agenda.filter((_, i) => i !== index),
                  )
                }
              >
                ×
              </button>
            </li>
          ))}
        </ol>
        <button
          type="button"
          className="button button-small"
          onClick={() => set('agenda', [...values.agenda, { time: '', title: '' }])}
        >
          {t('form.agendaAdd')}
        </button>
        {errors.agenda && (
          <p id={`${fid('agenda')}-error`} className="field-error">
            {t(`form.errors.${errors.agenda}`)}
          </p>
        )}
      </fieldset>
      {failure !== null && (
        <p className="alert alert-error" role="alert">
          {message(failure)}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={pending}>
          {pending ? t('common:status.saving') : submitLabel}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t('form.cancel')}
        </button>
      </div>
    </form>
  );
}
