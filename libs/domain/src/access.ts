import type { CityRole, DocumentStatus, GlobalRole } from './enums';

/**
 * The access table of the product (SPEC "Access"), as data. Every path of the API asks
 * `documentPermissions` / `canOnDocument`; the web client uses the same table to show or hide actions.
 */
export const DOCUMENT_ACTIONS = [
  'read',
  'comment',
  'edit',
  'submit_review',
  'create_version',
  'review',
  'adopt',
  'publish',
  'archive',
] as const;
export type DocumentAction = (typeof DOCUMENT_ACTIONS)[number];

/** The columns of the table: how a person stands towards a document's city. */
export const DOCUMENT_ACTORS = ['editor', 'stakeholder', 'observer', 'coordinator', 'other'] as const;
export type DocumentActor = (typeof DOCUMENT_ACTORS)[number];

/** `published` means: allowed only when the document is published. */
export type Cell = boolean | 'published';

export const DOCUMENT_ACCESS: Readonly<Record<DocumentAction, Readonly<Record<DocumentActor, Cell>>>> = {
  read: { editor: true, stakeholder: true, observer: true, coordinator: true, other: 'published' },
  comment: { editor: true, stakeholder: true, observer: false, coordinator: true, other: false },
  edit: { editor: true, stakeholder: false, observer: false, coordinator: false, other: false },
  submit_review: { editor: true, stakeholder: false, observer: false, coordinator: true, other: false },
  create_version: { editor: true, stakeholder: false, observer: false, coordinator: true, other: false },
  review: { editor: false, stakeholder: true, observer: false, coordinator: true, other: false },
  adopt: { editor: false, stakeholder: false, observer: false, coordinator: true, other: false },
  publish: { editor: false, stakeholder: false, observer: false, coordinator: true, other: false },
  archive: { editor: false, stakeholder: false, observer: false, coordinator: true, other: false },
};

export interface Principal {
  role: GlobalRole;
  /** The person's memberships: city id → role in that city. */
  memberships: ReadonlyArray<{ cityId: string; role: CityRole }>;
}

export interface DocumentRef {
  /** The owning city; null for programme documents. */
  cityId: string | null;
  published: boolean;
  status?: DocumentStatus;
}

/**
 * The columns that apply to a person for a document. Admins run the platform and stand where
 * coordinators stand. A coordinator who is also a member of the city gets both columns.
 * Programme documents (no city) are the coordinators' own: coordinators act on them as editors too.
 */
export function documentActors(principal: Principal, doc: Pick<DocumentRef, 'cityId'>): DocumentActor[] {
  const actors: DocumentActor[] = [];
  const staff = principal.role === 'admin' || principal.role === 'coordinator';
  if (staff) actors.push('coordinator');
  if (doc.cityId === null) {
    if (staff) actors.push('editor');
  } else {
    const membership = principal.memberships.find((m) => m.cityId === doc.cityId);
    if (membership) actors.push(membership.role);
  }
  if (actors.length === 0) actors.push('other');
  return actors;
}

/** Statuses in which the content may change: adoption freezes it, archiving retires it. */
export const EDITABLE_STATUSES: readonly DocumentStatus[] = ['draft', 'in_review'];

export function canOnDocument(principal: Principal, action: DocumentAction, doc: DocumentRef): boolean {
  const allowedByRole = documentActors(principal, doc).some((actor) => {
    const cell = DOCUMENT_ACCESS[action][actor];
    return cell === true || (cell === 'published' && doc.published);
  });
  if (!allowedByRole) return false;
  if (action === 'edit' && doc.status !== undefined) return EDITABLE_STATUSES.includes(doc.status);
  return true;
}

export function documentPermissions(principal: Principal, doc: DocumentRef): DocumentAction[] {
  return DOCUMENT_ACTIONS.filter((action) => canOnDocument(principal, action, doc));
}

/** What the collaboration socket grants on join. */
export type CollabAccess = 'edit' | 'comment' | 'view';
export function collabAccess(principal: Principal, doc: DocumentRef): CollabAccess | null {
  if (canOnDocument(principal, 'edit', doc)) return 'edit';
  if (canOnDocument(principal, 'comment', doc)) return 'comment';
  if (canOnDocument(principal, 'read', doc)) return 'view';
  return null;
}

/** City-level actions (not documents). */
export const CITY_ACTIONS = [
  'view_workspace',
  'manage_members',
  'manage_pilot_projects',
  'read_pilot_projects',
] as const;
export type CityAction = (typeof CITY_ACTIONS)[number];

export function canOnCity(principal: Principal, action: CityAction, cityId: string): boolean {
  const staff = principal.role === 'admin' || principal.role === 'coordinator';
  const membership = principal.memberships.find((m) => m.cityId === cityId);
  switch (action) {
    case 'view_workspace':
    case 'read_pilot_projects':
      return staff || membership !== undefined;
    case 'manage_pilot_projects':
      return staff || membership?.role === 'editor';
    case 'manage_members':
      return staff;
  }
}

/** Programme-level actions. */
export const PROGRAMME_ACTIONS = [
  'invite',
  'manage_events',
  'manage_themes',
  'manage_users',
  'read_audit_log',
  'view_dashboard',
  'compile_report',
] as const;
export type ProgrammeAction = (typeof PROGRAMME_ACTIONS)[number];

export function canOnProgramme(principal: Pick<Principal, 'role'>, action: ProgrammeAction): boolean {
  switch (action) {
    case 'invite':
    case 'manage_events':
    case 'manage_themes':
    case 'view_dashboard':
    case 'compile_report':
      // The dashboard and the report show every city at once, drafts included.
      return principal.role === 'admin' || principal.role === 'coordinator';
    case 'manage_users':
    case 'read_audit_log':
      return principal.role === 'admin';
  }
}
