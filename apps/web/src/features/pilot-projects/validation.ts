import { LIMITS } from '@passerelle/domain';
import type { PilotProject, PilotProjectFields } from './types';

/** What the form holds: every field as typed (empty string = not given). */
export interface PilotProjectFormValues {
  title: string;
  summary: string;
  themeId: string;
  priority: string;
  leadOrganisationId: string;
  partnerOrganisationIds: string[];
  startDate: string;
  endDate: string;
  budget: string;
  currency: string;
}

export type PilotProjectFieldError =
  | 'required'
  | 'tooLong'
  | 'endBeforeStart'
  | 'notANumber'
  | 'negative'
  | 'tooLarge'
  | 'tooManyDecimals'
  | 'currencyNeeded'
  | 'currencyInvalid';

export type PilotProjectErrors = Partial<Record<keyof PilotProjectFormValues, PilotProjectFieldError>>;

/** The API's limits (CreatePilotProjectDto), checked before sending so that mistakes show by the field. */
export const SUMMARY_MAX_LENGTH = 2000;
export const PRIORITY_MAX_LENGTH = 500;
export const MAX_BUDGET = 999_999_999_999.99;

export const emptyPilotProjectValues: PilotProjectFormValues = {
  title: '',
  summary: '',
  themeId: '',
  priority: '',
  leadOrganisationId: '',
  partnerOrganisationIds: [],
  startDate: '',
  endDate: '',
  budget: '',
  currency: '',
};

export function valuesFromProject(project: PilotProject): PilotProjectFormValues {
  return {
    title: project.title,
    summary: project.summary ?? '',
    themeId: project.themeId ?? '',
    priority: project.priority ?? '',
    leadOrganisationId: project.leadOrganisationId ?? '',
    partnerOrganisationIds: project.partnerOrganisationIds,
    startDate: project.startDate ?? '',
    endDate: project.endDate ?? '',
    budget: project.budget === null ? '' : String(project.budget),
    currency: project.currency ?? '',
  };
}

export function validatePilotProject(values: PilotProjectFormValues): PilotProjectErrors {
  const errors: PilotProjectErrors = {};
  const title = values.title.trim();
  if (!title) errors.title = 'required';
  else if (title.length > LIMITS.titleMaxLength) errors.title = 'tooLong';
  if (values.summary.trim().length > SUMMARY_MAX_LENGTH) errors.summary = 'tooLong';
  if (values.priority.trim().length > PRIORITY_MAX_LENGTH) errors.priority = 'tooLong';
  // Calendar dates as YYYY-MM-DD compare as strings.
  if (values.startDate && values.endDate && values.endDate < values.startDate) errors.endDate = 'endBeforeStart';

  const budget = values.budget.trim();
  if (budget) {
    const amount = Number(budget);
    if (!Number.isFinite(amount)) errors.budget = 'notANumber';
    else if (amount < 0) errors.budget = 'negative';
    else if (amount > MAX_BUDGET) errors.budget = 'tooLarge';
    else if (!/^\d+(\.\d{1,2})?$/.test(budget)) errors.budget = 'tooManyDecimals';
    if (!values.currency) errors.currency = 'currencyNeeded';
  }
  if (values.currency && !/^[A-Z]{3}$/.test(values.currency)) errors.currency = 'currencyInvalid';
  return errors;
}

/** The body the API takes; empty fields become null so that an update clears them. */
export function fieldsFromValues(values: PilotProjectFormValues): PilotProjectFields {
  const orNull = (value: string) => (value.trim() === '' ? null : value.trim());
  const budget = values.budget.trim();
  return {
    title: values.title.trim(),
    summary: values.summary.trim(),
    themeId: orNull(values.themeId),
    priority: orNull(values.priority),
    leadOrganisationId: orNull(values.leadOrganisationId),
    partnerOrganisationIds: values.partnerOrganisationIds,
    startDate: orNull(values.startDate),
    endDate: orNull(values.endDate),
    budget: budget === '' ? null : Number(budget),
    currency: budget === '' && !values.currency ? null : orNull(values.currency),
  };
}
