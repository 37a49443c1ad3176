import type { DocumentAction, DocumentKind, DocumentStatus, Language, Phase } from '@passerelle/domain';

/** A document as GET /api/documents and GET /api/documents/:id answer it. */
export interface DocumentSummary {
  id: string;
  cityId: string | null;
  kind: DocumentKind;
  title: string;
  language: Language;
  status: DocumentStatus;
  published: boolean;
  phase: Phase;
  updatedAt: string;
}

/** GET /api/documents/:id: the document with what the caller may do to it (the shared access table). */
export interface DocumentDetail extends DocumentSummary {
  permissions: DocumentAction[];
}

export interface DocumentFilter {
  cityId?: string;
  kind?: DocumentKind;
  status?: DocumentStatus;
}
