import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The state vector of each snapshot, written with it by the compaction: a document whose storage is
 * just its snapshot can then be opened — the server's step 1 and the full state for a new client —
 * straight from the stored bytes, without building the Yjs document first. Null for snapshots
 * written before (those are opened the old way until their next compaction).
 */
export class SnapshotStateVector1763900010000 implements MigrationInterface {
  name = 'SnapshotStateVector1763900010000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE document_snapshots ADD COLUMN state_vector bytea`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE document_snapshots DROP COLUMN state_vector`);
  }
}
