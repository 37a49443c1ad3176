import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Documents and their Yjs storage: an append-only update log plus one compacted snapshot per
 * document (loading = snapshot + updates after it), and named immutable versions.
 */
export class Documents1763900000100 implements MigrationInterface {
  name = 'Documents1763900000100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE documents (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        programme_id uuid NOT NULL REFERENCES programmes(id) ON DELETE CASCADE,
        city_id uuid REFERENCES cities(id) ON DELETE CASCADE,
        kind varchar(30) NOT NULL CHECK (kind IN ('migration_profile', 'priority_paper', 'minutes', 'good_practice', 'note')),
        title varchar(200) NOT NULL,
        language varchar(2) NOT NULL CHECK (language IN ('en', 'fr', 'ar')),
        status varchar(20) NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'in_review', 'adopted', 'archived')),
        published boolean NOT NULL DEFAULT false,
        phase varchar(20) NOT NULL CHECK (phase IN ('dialogue', 'knowledge', 'action')),
        plain_text text NOT NULL DEFAULT '',
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX documents_city_idx ON documents (city_id, kind)`);
    await q.query(`CREATE INDEX documents_published_idx ON documents (published) WHERE published`);

    await q.query(`
      CREATE TABLE document_updates (
        id bigserial PRIMARY KEY,
        document_id uuid NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        data bytea NOT NULL,
        user_id uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX document_updates_doc_idx ON document_updates (document_id, id)`);

    await q.query(`
      CREATE TABLE document_snapshots (
        document_id uuid PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
        data bytea NOT NULL,
        last_update_id bigint NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);

    await q.query(`
      CREATE TABLE document_versions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        document_id uuid NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        label varchar(200) NOT NULL,
        reason varchar(20) NOT NULL DEFAULT 'manual' CHECK (reason IN ('manual', 'review', 'adoption', 'restore')),
        data bytea NOT NULL,
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX document_versions_doc_idx ON document_versions (document_id, created_at DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['document_versions', 'document_snapshots', 'document_updates', 'documents']) {
      await q.query(`DROP TABLE IF EXISTS ${table}`);
    }
  }
}
