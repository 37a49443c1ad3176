import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DocumentStatus } from '@passerelle/domain';
import type { Pool } from 'pg';
import { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';

export interface StoredState {
  snapshot: Uint8Array | null;
  /** Optimistic-concurrency token of the snapshot row (null when there is none yet). */
  snapshotVersion: string | null;
  /** The snapshot's state vector, as the compaction wrote it (null for older snapshots). */
  snapshotStateVector: Uint8Array | null;
  /** Every update row not yet folded into the snapshot, in id order. */
  updates: Array<{ id: string; data: Uint8Array }>;
}

export interface UpdateRow {
  documentId: string;
  data: Uint8Array;
  userId: string | null;
}

/** What the access policy needs to know about a document. */
export interface DocumentAccessRow {
  id: string;
  cityId: string | null;
  published: boolean;
  status: DocumentStatus;
}

/** Named, so that each connection parses and plans it once. */
const APPEND = {
  name: 'collab_append_updates',
  text: `INSERT INTO document_updates (document_id, data, user_id)
         SELECT * FROM unnest($1::uuid[], $2::bytea[], $3::uuid[])`,
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (value: string): boolean => UUID.test(value);

/**
 * The SQL of the Yjs storage: an append-only update log and one compacted snapshot per document.
 *
 * Compaction deletes exactly the rows it folded in, never "every id up to N": ids are taken at
 * insert time, not at commit, so a row with a smaller id may still commit after a larger one.
 * Loading therefore reads the snapshot plus every remaining row, in one statement (one view of
 * the database, even while a compaction commits).
 */
@Injectable()
export class CollabRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async load(documentId: string): Promise<StoredState> {
    const rows: Array<{
      kind: number;
      id: string | null;
      data: Buffer;
      version: string | null;
      state_vector: Buffer | null;
    }> = await this.db.query(
      `SELECT 0 AS kind, NULL::bigint AS id, data, version::text AS version, state_vector
         FROM document_snapshots WHERE document_id = $1
       UNION ALL
       SELECT 1 AS kind, id, data, NULL, NULL FROM document_updates WHERE document_id = $1
       ORDER BY kind, id`,
      [documentId],
    );
    const snapshot = rows[0]?.kind === 0 ? rows[0] : null;
    return {
      snapshot: snapshot ? new Uint8Array(snapshot.data) : null,
      snapshotVersion: snapshot ? snapshot.version : null,
      snapshotStateVector: snapshot?.state_vector ? new Uint8Array(snapshot.state_vector) : null,
      updates: rows.filter((r) => r.kind === 1).map((r) => ({ id: String(r.id), data: new Uint8Array(r.data) })),
    };
  }

  /**
   * Appends updates (of possibly several documents) in one statement, hence one transaction; resolves
   * once committed. The hottest statement of the server (every few milliseconds under load): one
   * text whatever the number of rows, prepared once per connection, sent straight to the driver's pool.
   */
  async append(rows: readonly UpdateRow[]): Promise<void> {
    if (rows.length === 0) return;
    await this.pool().query({
      ...APPEND,
      values: [
        rows.map((row) => row.documentId),
        rows.map((row) => Buffer.from(row.data.buffer, row.data.byteOffset, row.data.byteLength)),
        rows.map((row) => row.userId),
      ],
    });
  }

  /**
   * Replaces the snapshot by `data`, which folds in the rows `updateIds`, and deletes those rows,
   * in one transaction — unless the snapshot changed since it was read (`expectedVersion`), in
   * which case nothing happens and false is returned (another compaction won the race).
   * `stateVector` is that of the document `data` builds (see SnapshotStateVector); null if unknown.
   */
  async replaceSnapshot(
    documentId: string,
    data: Uint8Array,
    expectedVersion: string | null,
    updateIds: readonly string[],
    stateVector: Uint8Array | null = null,
  ): Promise<boolean> {
    const sv = stateVector ? Buffer.from(stateVector) : null;
    const lastUpdateId = updateIds.reduce((max, id) => (BigInt(id) > BigInt(max) ? id : max), '0');
    return this.db.transaction(async (tx) => {
      const written: unknown[] =
        expectedVersion === null
          ? await tx.query(
              `INSERT INTO document_snapshots (document_id, data, last_update_id, version, updated_at, state_vector)
               VALUES ($1, $2, $3, 1, now(), $4) ON CONFLICT (document_id) DO NOTHING RETURNING document_id`,
              [documentId, Buffer.from(data), lastUpdateId, sv],
            )
          : await tx.query(
              `UPDATE document_snapshots
                  SET data = $2, last_update_id = GREATEST(last_update_id, $3), version = version + 1, updated_at = now(),
                      state_vector = $5
                WHERE document_id = $1 AND version = $4 RETURNING document_id`,
              [documentId, Buffer.from(data), lastUpdateId, expectedVersion, sv],
            );
      // An UPDATE … RETURNING through TypeORM answers [rows, count].
      const rows = Array.isArray(written[0]) ? (written[0] as unknown[]) : written;
      if (rows.length === 0) return false;
      await tx.query(`DELETE FROM document_updates WHERE id = ANY($1::bigint[])`, [updateIds]);
      return true;
    });
  }

  /** The `pg` pool under TypeORM (the embedded database's included: a pool of one connection). */
  private pool(): Pool {
    return (this.db.driver as PostgresDriver).master as Pool;
  }

  async findDocument(documentId: string): Promise<DocumentAccessRow | null> {
    if (!isUuid(documentId)) return null;
    const [row] = await this.findDocuments([documentId]);
    return row ?? null;
  }

  async findDocuments(documentIds: readonly string[]): Promise<DocumentAccessRow[]> {
    const ids = documentIds.filter(isUuid);
    if (ids.length === 0) return [];
    const rows: Array<{ id: string; city_id: string | null; published: boolean; status: DocumentStatus }> =
      await this.db.query(`SELECT id, city_id, published, status FROM documents WHERE id = ANY($1::uuid[])`, [ids]);
    return rows.map((r) => ({ id: r.id, cityId: r.city_id, published: r.published, status: r.status }));
  }

  /** The searchable text of a document, kept current after edits. */
  async setPlainText(documentId: string, text: string): Promise<void> {
    await this.db.query(`UPDATE documents SET plain_text = $2, updated_at = now() WHERE id = $1`, [documentId, text]);
  }
}
