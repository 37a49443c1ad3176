import type { DocumentAction } from '@passerelle/domain';
import type { DocumentDto } from './dto/document.dto';
import type { DocumentListRow, DocumentRecord } from './documents.repository';

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

/** A row of the documents list: the same fields, in the same order, as toDocumentDto. */
export const toDocumentListDto = (row: DocumentListRow, permissions: DocumentAction[]): DocumentDto => ({
  id: row.id,
  cityId: row.cityId,
  kind: row.kind,
  title: row.title,
  language: row.language,
  status: row.status,
  published: row.published,
  phase: row.phase,
  createdAt: row.createdAt,
  updatedAt: row.updatedAt,
  permissions,
});
