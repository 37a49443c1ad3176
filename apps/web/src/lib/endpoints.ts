/**
 * Every call the web client makes to the API, in one table. The client calls only through it
 * (`api.call(name, …)`; a unit test fails on a literal path elsewhere), and the browser tests check
 * each entry against the running API's OpenAPI description (`/api/docs/json`): a renamed or removed
 * route fails there instead of in someone's browser. This file imports nothing so both can read it.
 */
export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

export const ENDPOINTS = {
  'auth.login': 'POST /auth/login',
  'auth.logout': 'POST /auth/logout',
  'auth.refresh': 'POST /auth/refresh',
  'me.get': 'GET /me',
  'me.update': 'PATCH /me',
  'programme.get': 'GET /programme',
  'cities.list': 'GET /cities',
  'cities.get': 'GET /cities/{idOrSlug}',
  'cities.members.list': 'GET /cities/{cityId}/members',
  'cities.members.put': 'PUT /cities/{cityId}/members/{userId}',
  'cities.members.remove': 'DELETE /cities/{cityId}/members/{userId}',
  'documents.list': 'GET /documents',
  'documents.get': 'GET /documents/{id}',
  'threads.list': 'GET /documents/{id}/threads',
  'threads.create': 'POST /documents/{id}/threads',
  'threads.mentionable': 'GET /documents/{id}/mentionable',
  'threads.reply': 'POST /threads/{id}/comments',
  'threads.update': 'PATCH /threads/{id}',
  'comments.update': 'PATCH /comments/{id}',
  'comments.remove': 'DELETE /comments/{id}',
  'suggestions.accept': 'POST /threads/{id}/suggestion/accept',
  'suggestions.reject': 'POST /threads/{id}/suggestion/reject',
  'suggestions.acceptAll': 'POST /documents/{id}/suggestions/accept-all',
  'suggestions.rejectAll': 'POST /documents/{id}/suggestions/reject-all',
  'documents.submit': 'POST /documents/{id}/submit',
  'documents.adopt': 'POST /documents/{id}/adopt',
  'documents.revise': 'POST /documents/{id}/revise',
  'documents.publish': 'POST /documents/{id}/publish',
  'documents.unpublish': 'POST /documents/{id}/unpublish',
  'documents.archive': 'POST /documents/{id}/archive',
  'documents.unarchive': 'POST /documents/{id}/unarchive',
  'reviews.get': 'GET /documents/{id}/reviews',
  'reviews.decide': 'POST /documents/{id}/reviews',
  'versions.list': 'GET /documents/{id}/versions',
  'versions.create': 'POST /documents/{id}/versions',
  'versions.content': 'GET /documents/{id}/versions/{versionId}/content',
  'versions.restore': 'POST /documents/{id}/versions/{versionId}/restore',
  'activity.list': 'GET /activity',
  'notifications.list': 'GET /notifications',
  'notifications.read': 'POST /notifications/{id}/read',
  'notifications.readAll': 'POST /notifications/read-all',
  'users.list': 'GET /users',
  'users.update': 'PATCH /users/{id}',
  'invitations.list': 'GET /invitations',
  'invitations.create': 'POST /invitations',
  'invitations.revoke': 'DELETE /invitations/{id}',
  'invitations.preview': 'GET /invitations/token/{token}',
  'invitations.accept': 'POST /invitations/token/{token}/accept',
  'themes.list': 'GET /themes',
  'organisations.list': 'GET /organisations',
  'pilotProjects.list': 'GET /pilot-projects',
  'pilotProjects.create': 'POST /pilot-projects',
  'pilotProjects.get': 'GET /pilot-projects/{id}',
  'pilotProjects.update': 'PATCH /pilot-projects/{id}',
  'pilotProjects.milestones.create': 'POST /pilot-projects/{id}/milestones',
  'pilotProjects.milestones.update': 'PATCH /pilot-projects/{id}/milestones/{milestoneId}',
  'pilotProjects.milestones.remove': 'DELETE /pilot-projects/{id}/milestones/{milestoneId}',
  'pilotProjects.progress.list': 'GET /pilot-projects/{id}/progress',
  'pilotProjects.progress.create': 'POST /pilot-projects/{id}/progress',
  'events.list': 'GET /events',
  'events.create': 'POST /events',
  'events.get': 'GET /events/{id}',
  'events.update': 'PATCH /events/{id}',
  'events.remove': 'DELETE /events/{id}',
  'events.ical': 'GET /events/{id}/ical',
  'indicators.list': 'GET /indicators',
  'indicators.upsert': 'PUT /cities/{cityId}/indicators',
  'indicators.remove': 'DELETE /indicators/{id}',
  'indicators.compare': 'GET /indicators/compare',
  'indicators.compareCsv': 'GET /indicators/compare.csv',
  'goodPractices.list': 'GET /good-practices',
  'search.query': 'GET /search',
  'dashboard.get': 'GET /dashboard',
  'reports.programme': 'GET /reports/programme',
} as const satisfies Record<string, `${HttpMethod} /${string}`>;

export type EndpointName = keyof typeof ENDPOINTS;

type ParamNames<P extends string> = P extends `${string}{${infer Name}}${infer Rest}` ? Name | ParamNames<Rest> : never;

/** The path parameters an endpoint needs, by name: `{cityId, userId}` for the member routes. */
export type EndpointParams<N extends EndpointName> = Record<ParamNames<(typeof ENDPOINTS)[N]>, string>;

/** Shared by the calls that answer a whole pilot project or event. */
const PILOT_PROJECT_FIELDS = [
  'id',
  'cityId',
  'title',
  'summary',
  'themeId',
  'priority',
  'leadOrganisationId',
  'partnerOrganisationIds',
  'startDate',
  'endDate',
  'budget',
  'currency',
  'status',
  'allowedTransitions',
  'descriptionDocumentId',
  'milestones',
  'overdueMilestones',
  'progressPercent',
  'canManage',
] as const;
const EVENT_FIELDS = [
  'id',
  'kind',
  'title',
  'description',
  'hostCityId',
  'cityIds',
  'participants',
  'startsAt',
  'endsAt',
  'location',
  'onlineUrl',
  'agenda',
  'minutesDocumentId',
  'canManage',
] as const;

/**
 * The fields of each answer that the client reads (true) — checked against the response schemas of
 * the OpenAPI description, so that a renamed field fails the check, not a page.
 */
export const RESPONSE_FIELDS: Partial<Record<EndpointName, readonly string[]>> = {
  'auth.login': ['accessToken', 'user'],
  'me.get': ['id', 'email', 'name', 'role', 'language', 'memberships'],
  'cities.list': ['id', 'slug', 'name', 'country', 'phase'],
  'cities.members.list': ['userId', 'name', 'email', 'role'],
  'documents.list': ['id', 'cityId', 'kind', 'title', 'language', 'status', 'published', 'phase', 'updatedAt'],
  'documents.get': ['id', 'cityId', 'kind', 'title', 'language', 'status', 'published', 'phase', 'permissions'],
  'threads.list': [
    'id',
    'anchor',
    'quote',
    'currentQuote',
    'detached',
    'range',
    'resolved',
    'resolvedBy',
    'createdBy',
    'createdAt',
    'comments',
    'suggestion',
  ],
  'threads.create': ['id', 'anchor'],
  'threads.mentionable': ['id', 'name'],
  'threads.reply': ['id', 'threadId', 'author', 'body', 'mentions', 'createdAt', 'editedAt', 'deleted'],
  'comments.update': ['id', 'body', 'mentions', 'editedAt'],
  'suggestions.acceptAll': ['decided', 'skipped'],
  'suggestions.rejectAll': ['decided', 'skipped'],
  'documents.submit': ['id', 'status', 'published', 'permissions'],
  'documents.adopt': ['id', 'status', 'published', 'permissions'],
  'documents.revise': ['id', 'status', 'published', 'permissions'],
  'documents.publish': ['id', 'status', 'published', 'permissions'],
  'documents.unpublish': ['id', 'status', 'published', 'permissions'],
  'documents.archive': ['id', 'status', 'published', 'permissions'],
  'documents.unarchive': ['id', 'status', 'published', 'permissions'],
  'reviews.get': ['status', 'round', 'state', 'submittedBy', 'submittedAt', 'approvals', 'pending'],
  'reviews.decide': ['status', 'round', 'state', 'approvals', 'pending'],
  'versions.list': ['id', 'label', 'reason', 'createdAt', 'createdBy'],
  'versions.create': ['id', 'label', 'reason', 'createdAt', 'createdBy'],
  'versions.restore': ['restored', 'backup'],
  'activity.list': ['items', 'nextBefore'],
  'notifications.list': ['items', 'unreadCount'],
  'notifications.read': ['unreadCount'],
  'notifications.readAll': ['unreadCount'],
  'users.list': ['id', 'email', 'name', 'role', 'active', 'memberships'],
  'users.update': ['id', 'role', 'active'],
  'invitations.list': ['id', 'email', 'cityId', 'cityRole', 'globalRole', 'expiresAt', 'cityName', 'invitedByName'],
  'invitations.create': ['id', 'link', 'email', 'expiresAt'],
  'themes.list': ['id', 'slug', 'names'],
  'organisations.list': ['id', 'name', 'acronym', 'kind', 'cityId'],
  'pilotProjects.list': PILOT_PROJECT_FIELDS,
  'pilotProjects.create': PILOT_PROJECT_FIELDS,
  'pilotProjects.get': PILOT_PROJECT_FIELDS,
  'pilotProjects.update': PILOT_PROJECT_FIELDS,
  'pilotProjects.milestones.create': ['id', 'title', 'dueDate', 'status', 'overdue'],
  'pilotProjects.milestones.update': ['id', 'title', 'dueDate', 'status', 'overdue'],
  'pilotProjects.progress.list': ['id', 'percent', 'note', 'author', 'createdAt'],
  'pilotProjects.progress.create': ['id', 'percent', 'note', 'author', 'createdAt'],
  'events.list': EVENT_FIELDS,
  'events.create': EVENT_FIELDS,
  'events.get': EVENT_FIELDS,
  'events.update': EVENT_FIELDS,
  'indicators.list': ['id', 'cityId', 'key', 'unit', 'valueNumeric', 'valueText', 'year', 'source'],
  'indicators.upsert': ['id', 'cityId', 'key', 'unit', 'valueNumeric', 'valueText', 'year', 'source'],
  'indicators.compare': ['indicators', 'cities'],
  'goodPractices.list': ['id', 'title', 'language', 'published', 'city', 'excerpt', 'themes', 'adoptions'],
  'search.query': ['results', 'total'],
  'dashboard.get': [
    'totals',
    'cities',
    'citiesByPhase',
    'documentsByStatus',
    'pilotProjectsByStatus',
    'pilotProjectsByTheme',
    'overdueMilestones',
    'upcomingEvents',
    'recentActivity',
  ],
};

/** Splits a table entry into its method and path template. */
export function parseEndpoint(name: EndpointName): { method: HttpMethod; path: string } {
  const [method, path] = ENDPOINTS[name].split(' ') as [HttpMethod, string];
  return { method, path };
}

/** A resolved call: what `api.call` takes. Made only by `endpoint()`, so every call is in the table. */
export interface Endpoint {
  readonly name: EndpointName;
  readonly method: HttpMethod;
  readonly path: string;
}

type ParamsArg<N extends EndpointName> = [keyof EndpointParams<N>] extends [never] ? [] : [params: EndpointParams<N>];

/** The method and concrete path of a call, every parameter URL-encoded; a missing parameter throws. */
export function endpoint<N extends EndpointName>(name: N, ...[params]: ParamsArg<N>): Endpoint {
  const { method, path } = parseEndpoint(name);
  const values = (params ?? {}) as Record<string, string | undefined>;
  const resolved = path.replace(/\{(\w+)\}/g, (_, key: string) => {
    const value = values[key];
    if (value === undefined || value === '') throw new Error(`${name}: the path parameter "${key}" is missing`);
    return encodeURIComponent(value);
  });
  return { name, method, path: resolved };
}
