/** Events of the documents feature, for activity, notifications and search indexing. */
export const DOCUMENT_CREATED = 'document.created';
export const DOCUMENT_UPDATED = 'document.updated';

export interface DocumentCreatedEvent {
  documentId: string;
  cityId: string | null;
  userId: string | null;
}

export interface DocumentUpdatedEvent {
  documentId: string;
  userId: string | null;
  /** The fields that changed ('title', 'language'); content changes are 'document.content_changed', from the collaboration store. */
  changes: string[];
}
