import { useId, useMemo, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../../app/useErrorMessage';
import { CURRENCIES, organisationName, organisationsFor, themeName } from './names';
import type { Organisation, PilotProjectFields, Theme } from './types';
import {
  fieldsFromValues,
  PRIORITY_MAX_LENGTH,
  SUMMARY_MAX_LENGTH,
  validatePilotProject,
  type PilotProjectErrors,
  type PilotProjectFormValues,
} from './validation';
import './pilotProjects.css';

export interface PilotProjectFormProps {
  cityId: string;
  initial: PilotProjectFormValues;
  themes: Theme[];
  organisations: Organisation[];
  submitLabel: string;
  onSubmit(fields: PilotProjectFields): Promise<unknown>;
  onCancel?(): void;
}

const FIELD_ORDER: Array<keyof PilotProjectFormValues> = [
  'title',
  'summary',
  'themeId',
  'priority',
  'leadOrganisationId',
  'startDate',
  'endDate',
  'budget',
  'currency',
];

/**
 * Creating or editing a pilot project. Mistakes are caught here, next to their field, before the
 * API sees them; what the API still refuses is shown above the buttons.
 */
export function PilotProjectForm(props: PilotProjectFormProps) {
  const { cityId, initial, themes, organisations, submitLabel, onSubmit, onCancel } = props;
  const { t, i18n } = useTranslation('pilotProjects');
  const message = useErrorMessage();
  const id = useId();
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<PilotProjectErrors>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [pending, setPending] = useState(false);
  const language = i18n.resolvedLanguage ?? 'en';
  const choices = useMemo(() => organisationsFor(organisations, cityId), [organisations, cityId]);
  const currencyNames = useMemo(
    () => (typeof Intl.DisplayNames === 'function' ? new Intl.DisplayNames([language], { type: 'currency' }) : null),
    [language],
  );
  const currencies = [
    ...CURRENCIES,
    ...(values.currency && !CURRENCIES.includes(values.currency as never) ? [values.currency] : []),
  ];

  const set = <K extends keyof PilotProjectFormValues>(key: K, value: PilotProjectFormValues[K]) => {
    setValues((current) => ({ ...current, [key]: value }));
    if (errors[key]) setErrors((current) => ({ ...current, [key]: undefined }));
  };
  const fieldId = (key: string) => `${id}-${key}`;
  const describedBy = (key: keyof PilotProjectFormValues, hint?: boolean) =>
    [errors[key] ? `${fieldId(key)}-error` : '', hint ? `${fieldId(key)}-hint` : ''].filter(Boolean).join(' ') ||
    undefined;
  const errorText = (key: keyof PilotProjectFormValues) =>
    errors[key] ? (
      <p id={`${fieldId(key)}-error`} className="field-error">
        {t(`form.errors.${errors[key]}`, {
          max: key === 'summary' ? SUMMARY_MAX_LENGTH : key === 'priority' ? PRIORITY_MAX_LENGTH : 200,
        })}
      </p>
    ) : null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = validatePilotProject(values);
    setErrors(found);
    setFailure(null);
    const first = FIELD_ORDER.find((key) => found[key]);
    if (first) {
      document.getElementById(fieldId(first))?.focus();
      return;
    }
    setPending(true);
    try {
      await onSubmit(fieldsFromValues(values));
    } catch (error) {
      setFailure(error);
    } finally {
      setPending(false);
    }
  };

  const field = (key: keyof PilotProjectFormValues, label: string, control: ReactNode, hint?: string) => (
    <div className="field">
      <label htmlFor={fieldId(key)}>{label}</label>
      {control}
      {hint && (
        <p id={`${fieldId(key)}-hint`} className="hint">
          {hint}
        </p>
      )}
      {errorText(key)}
    </div>
  );
  const common = (key: keyof PilotProjectFormValues, hint?: boolean) => ({
    id: fieldId(key),
    'aria-invalid': errors[key] ? true : undefined,
    'aria-describedby': describedBy(key, hint),
  });

  return (
    <form className="card form-stack project-form" onSubmit={submit} noValidate>
      {field(
        'title',
        t('form.title'),
        <input {...common('title')} value={values.title} onChange={(e) => set('title', e.target.value)} required />,
      )}
      {field(
        'summary',
        t('form.summary'),
        <textarea
          {...common('summary')}
          rows={3}
          value={values.summary}
          onChange={(e) => set('summary', e.target.value)}
        />,
      )}
      <div className="form-row">
        {field(
          'themeId',
          t('form.theme'),
          <select {...common('themeId')} value={values.themeId} onChange={(e) => set('themeId', e.target.value)}>
            <option value="">{t('form.noTheme')}</option>
            {themes.map((theme) => (
              <option key={theme.id} value={theme.id}>
                {themeName(theme, language)}
              </option>
            ))}
          </select>,
        )}
        {field(
          'leadOrganisationId',
          t('form.lead'),
          <select
            {...common('leadOrganisationId')}
            value={values.leadOrganisationId}
            onChange={(e) => set('leadOrganisationId', e.target.value)}
          >
            <option value="">{t('form.noLead')}</option>
            {choices.map((o) => (
              <option key={o.id} value={o.id}>
                {organisationName(o)}
              </option>
            ))}
          </select>,
        )}
      </div>
      {field(
        'priority',
        t('form.priority'),
        <input
          {...common('priority', true)}
          value={values.priority}
          onChange={(e) => set('priority', e.target.value)}
        />,
        t('form.priorityHint'),
      )}
      <fieldset className="field checkbox-group">
        <legend>{t('form.partners')}</legend>
        {choices.length === 0 ? (
          <p className="hint">{t('form.noOrganisations')}</p>
        ) : (
          <ul>
            {choices.map((o) => (
              <li key={o.id}>
                <label>
                  <input
                    type="checkbox"
                    checked={values.partnerOrganisationIds.includes(o.id)}
                    onChange={(e) =>
                      set(
                        'partnerOrganisationIds',
                        e.target.checked
                          ? [...values.partnerOrganisationIds, o.id]
                          : values.partnerOrganisationIds.filter((p) => p !== o.id),
                      )
                    }
                  />
                  {organisationName(o)}
                </label>
              </li>
            ))}
          </ul>
        )}
      </fieldset>
      <div className="form-row">
        {field(
          'startDate',
          t('form.startDate'),
          <input
            {...common('startDate')}
            type="date"
            value={values.startDate}
            onChange={(e) => set('startDate', e.target.value)}
          />,
        )}
        {field(
          'endDate',
          t('form.endDate'),
          <input
            {...common('endDate')}
            type="date"
            value={values.endDate}
            onChange={(e) => set('endDate', e.target.value)}
          />,
        )}
      </div>
      <div className="form-row">
        {field(
          'budget',
          t('form.budget'),
          <input
            {...common('budget')}
            type="number"
            inputMode="decimal"
            min={0}
            step="0.01"
            value={values.budget}
            onChange={(e) => set('budget', e.target.value)}
          />,
        )}
        {field(
          'currency',
          t('form.currency'),
          <select {...common('currency')} value={values.currency} onChange={(e) => set('currency', e.target.value)}>
            <option value="">{t('form.noCurrency')}</option>
            {currencies.map((code) => (
              <option key={code} value={code}>
                {code} — {currencyNames?.of(code) ?? code}
              </option>
            ))}
          </select>,
        )}
      </div>
      {failure !== null && (
        <p className="alert alert-error" role="alert">
          {message(failure)}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={pending}>
          {pending ? t('common:status.saving') : submitLabel}
        </button>
        {onCancel && (
          <button type="button" className="button" onClick={onCancel}>
            {t('form.cancel')}
          </button>
        )}
      </div>
    </form>
  );
}
