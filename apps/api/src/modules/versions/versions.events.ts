import type { VersionReason } from './document-version.entity';

export const VERSION_CREATED = 'version.created';
export const VERSION_RESTORED = 'version.restored';

export interface VersionCreatedEvent {
  documentId: string;
  versionId: string;
  reason: VersionReason;
  userId: string | null;
}

export interface VersionRestoredEvent {
  documentId: string;
  /** The version brought back. */
  versionId: string;
  /** The version saved just before, holding the content that was replaced. */
  backupVersionId: string;
  userId: string | null;
}
