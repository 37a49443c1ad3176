import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A version counter on each document's snapshot, so that a compaction replaces the snapshot only
 * if no other compaction (of this or another instance) replaced it since it was read.
 */
export class SnapshotVersion1763900003000 implements MigrationInterface {
  name = 'SnapshotVersion1763900003000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE document_snapshots ADD COLUMN version bigint NOT NULL DEFAULT 1`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE document_snapshots DROP COLUMN version`);
  }
}
