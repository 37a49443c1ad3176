/** Why a version exists: saved by hand, on submission for review, on adoption, or just before a restore. */
export type VersionReason = 'manual' | 'review' | 'adoption' | 'restore';

/** A version as GET /api/documents/:id/versions answers it. */
export interface Version {
  id: string;
  documentId: string;
  label: string;
  reason: VersionReason;
  createdAt: string;
  createdBy: { id: string; name: string } | null;
}

/** A ProseMirror node as the server renders a version (`format=json`). */
export interface PMNode {
  type: string;
  attrs?: Record<string, unknown>;
  content?: PMNode[];
  marks?: Array<{ type: string; attrs?: Record<string, unknown> }>;
  text?: string;
}
