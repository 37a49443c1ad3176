import type { ProviderStatus } from '@passerelle/collab';

/**
 * What the status indicator says. `saved` only when connected, synced and nothing is waiting for the
 * server's acknowledgement (the provider acknowledges only durably stored changes).
 */
export type StatusKind = 'connecting' | 'offline' | 'saving' | 'saved' | 'upToDate';

export interface StatusInput {
  connection: ProviderStatus;
  synced: boolean;
  pending: number;
  /** Read-only people save nothing: for them the news is whether they see the latest text. */
  readOnly: boolean;
}

export function statusKind({ connection, synced, pending, readOnly }: StatusInput): StatusKind {
  if (connection === 'offline') return 'offline';
  if (connection === 'connecting' || !synced) return 'connecting';
  if (readOnly) return 'upToDate';
  return pending > 0 ? 'saving' : 'saved';
}
