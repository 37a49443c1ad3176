/** Global roles: what a person is on the whole platform. */
export const GLOBAL_ROLES = ['admin', 'coordinator', 'member'] as const;
export type GlobalRole = (typeof GLOBAL_ROLES)[number];

/** A person's role in one city (a membership). */
export const CITY_ROLES = ['editor', 'stakeholder', 'observer'] as const;
export type CityRole = (typeof CITY_ROLES)[number];

/** The three phases of a peer-learning programme. */
export const PHASES = ['dialogue', 'knowledge', 'action'] as const;
export type Phase = (typeof PHASES)[number];

/** The working languages: interface and document content. */
export const LANGUAGES = ['en', 'fr', 'ar'] as const;
export type Language = (typeof LANGUAGES)[number];
export const RTL_LANGUAGES: readonly Language[] = ['ar'];
export const isRtl = (language: string): boolean => (RTL_LANGUAGES as readonly string[]).includes(language);

export const DOCUMENT_KINDS = ['migration_profile', 'priority_paper', 'minutes', 'good_practice', 'note'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export const DOCUMENT_STATUSES = ['draft', 'in_review', 'adopted', 'archived'] as const;
export type DocumentStatus = (typeof DOCUMENT_STATUSES)[number];

export const ORGANISATION_KINDS = ['partner', 'local', 'city_department', 'other'] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

export const PILOT_PROJECT_STATUSES = [
  'proposed',
  'approved',
  'in_progress',
  'completed',
  'on_hold',
  'cancelled',
] as const;
export type PilotProjectStatus = (typeof PILOT_PROJECT_STATUSES)[number];

export const EVENT_KINDS = [
  'technical_workshop',
  'study_visit',
  'online_meeting',
  'training',
  'regional_event',
] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

export const APPROVAL_DECISIONS = ['approve', 'request_changes'] as const;
export type ApprovalDecision = (typeof APPROVAL_DECISIONS)[number];
