import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Comment threads anchored to a passage of a document (Yjs relative positions, kept as their
 * binary encoding), their comments, and the replacement a thread may propose for its passage.
 */
export class CommentThreads1763900006000 implements MigrationInterface {
  name = 'CommentThreads1763900006000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE comment_threads (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        document_id uuid NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        anchor_start bytea NOT NULL,
        anchor_end bytea NOT NULL,
        quote text NOT NULL,
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        resolved_at timestamptz,
        resolved_by uuid REFERENCES users(id) ON DELETE SET NULL,
        suggestion text,
        suggestion_status varchar(10) CHECK (suggestion_status IN ('pending', 'accepted', 'rejected')),
        decided_by uuid REFERENCES users(id) ON DELETE SET NULL,
        decided_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((suggestion IS NULL) = (suggestion_status IS NULL)),
        CHECK ((suggestion_status IN ('accepted', 'rejected')) = (decided_at IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX comment_threads_document_idx ON comment_threads (document_id, created_at)`);
    await q.query(
      `CREATE INDEX comment_threads_pending_idx ON comment_threads (document_id) WHERE suggestion_status = 'pending'`,
    );

    await q.query(`
      CREATE TABLE comments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        thread_id uuid NOT NULL REFERENCES comment_threads(id) ON DELETE CASCADE,
        author_id uuid REFERENCES users(id) ON DELETE SET NULL,
        body text NOT NULL,
        mentions uuid[] NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now(),
        edited_at timestamptz,
        deleted_at timestamptz
      )`);
    await q.query(`CREATE INDEX comments_thread_idx ON comments (thread_id, created_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS comments`);
    await q.query(`DROP TABLE IF EXISTS comment_threads`);
  }
}
