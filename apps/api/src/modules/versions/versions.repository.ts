import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { VersionReason } from './document-version.entity';

export interface VersionRecord {
  id: string;
  documentId: string;
  label: string;
  reason: VersionReason;
  createdAt: Date;
  createdBy: { id: string; name: string } | null;
}

interface VersionRow {
  id: string;
  document_id: string;
  label: string;
  reason: VersionReason;
  created_at: Date;
  created_by: string | null;
  created_by_name: string | null;
}

const COLUMNS = `v.id, v.document_id, v.label, v.reason, v.created_at, v.created_by, u.name AS created_by_name`;

const toRecord = (row: VersionRow): VersionRecord => ({
  id: row.id,
  documentId: row.document_id,
  label: row.label,
  reason: row.reason,
  createdAt: new Date(row.created_at),
  createdBy: row.created_by ? { id: row.created_by, name: row.created_by_name ?? '' } : null,
});

/** The SQL of versions: immutable snapshots of a document's Yjs state (rows are only ever added). */
@Injectable()
export class VersionsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async insert(fields: {
    documentId: string;
    label: string;
    reason: VersionReason;
    data: Uint8Array;
    createdBy: string | null;
  }): Promise<VersionRecord> {
    const [row]: VersionRow[] = await this.db.query(
      `WITH v AS (
         INSERT INTO document_versions (document_id, label, reason, data, created_by)
         VALUES ($1, $2, $3, $4, $5) RETURNING id, document_id, label, reason, created_at, created_by
       )
       SELECT ${COLUMNS} FROM v LEFT JOIN users u ON u.id = v.created_by`,
      [fields.documentId, fields.label, fields.reason, Buffer.from(fields.data), fields.createdBy],
    );
    return toRecord(row);
  }

  /** Newest first. */
  async listForDocument(documentId: string): Promise<VersionRecord[]> {
    const rows: VersionRow[] = await this.db.query(
      `SELECT ${COLUMNS} FROM document_versions v LEFT JOIN users u ON u.id = v.created_by
        WHERE v.document_id = $1 ORDER BY v.created_at DESC, v.id`,
      [documentId],
    );
    return rows.map(toRecord);
  }

  async findOne(documentId: string, versionId: string): Promise<VersionRecord | null> {
    const [row]: VersionRow[] = await this.db.query(
      `SELECT ${COLUMNS} FROM document_versions v LEFT JOIN users u ON u.id = v.created_by
        WHERE v.document_id = $1 AND v.id = $2`,
      [documentId, versionId],
    );
    return row ? toRecord(row) : null;
  }

  async findData(documentId: string, versionId: string): Promise<Uint8Array | null> {
    const [row]: Array<{ data: Buffer }> = await this.db.query(
      `SELECT data FROM document_versions WHERE document_id = $1 AND id = $2`,
      [documentId, versionId],
    );
    return row ? new Uint8Array(row.data) : null;
  }
}
