/**
 * Emitted (EventEmitter2) a moment after the content of a document changed (debounced), once its
 * searchable text is written: for activity and search.
 */
export const DOCUMENT_CONTENT_CHANGED = 'document.content_changed';

export interface DocumentContentChangedEvent {
  documentId: string;
  /** The last person whose change is included (null for changes made by the server). */
  userId: string | null;
  /** Everyone whose changes are included. */
  userIds: string[];
}

/**
 * Events the collaboration server listens to, to re-check the access of open connections at once.
 * `membership.changed` `{userId, cityId, role}` and `user.access_changed` `{userId}` re-check one
 * person; `document.status_changed` `{documentId}` re-checks everyone in that document.
 */
export const MEMBERSHIP_CHANGED = 'membership.changed';
export const USER_ACCESS_CHANGED = 'user.access_changed';
export const DOCUMENT_STATUS_CHANGED = 'document.status_changed';
