import type { DocumentAction } from '@passerelle/domain';
import type { DocumentDto } from './dto/document.dto';
import type { DocumentRecord } from './documents.repository';

export const toDocumentDto = (doc: DocumentRecord, permissions: DocumentAction[]): DocumentDto => ({
  id: doc.id,
  cityId: doc.cityId,
  kind: doc.kind,
  title: doc.title,
  language: doc.language,
  status: doc.status,
  published: doc.published,
  phase: doc.phase,
  createdAt: doc.createdAt.toISOString(),
  updatedAt: doc.updatedAt.toISOString(),
  permissions,
});
