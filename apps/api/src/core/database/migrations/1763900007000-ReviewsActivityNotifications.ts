import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Review rounds and their decisions (one current decision per reviewer and round), the activity
 * feed (edits summarised per person and hour) and per-user notifications.
 */
export class ReviewsActivityNotifications1763900007000 implements MigrationInterface {
  name = 'ReviewsActivityNotifications1763900007000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE review_rounds (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        document_id uuid NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        number integer NOT NULL CHECK (number > 0),
        submitted_by uuid REFERENCES users(id) ON DELETE SET NULL,
        submitted_at timestamptz NOT NULL DEFAULT now(),
        submitted_version_id uuid REFERENCES document_versions(id) ON DELETE SET NULL,
        closed_at timestamptz,
        outcome varchar(20) CHECK (outcome IN ('adopted', 'resubmitted', 'archived')),
        adopted_version_id uuid REFERENCES document_versions(id) ON DELETE SET NULL,
        UNIQUE (document_id, number),
        CHECK ((closed_at IS NULL) = (outcome IS NULL))
      )`);
    // At most one open round per document: the one reviewers decide in.
    await q.query(`CREATE UNIQUE INDEX review_rounds_open_key ON review_rounds (document_id) WHERE closed_at IS NULL`);

    await q.query(`
      CREATE TABLE review_decisions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        round_id uuid NOT NULL REFERENCES review_rounds(id) ON DELETE CASCADE,
        reviewer_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        decision varchar(20) NOT NULL CHECK (decision IN ('approve', 'request_changes')),
        note text NOT NULL DEFAULT '',
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (round_id, reviewer_id)
      )`);

    await q.query(`
      CREATE TABLE activity (
        id bigserial PRIMARY KEY,
        programme_id uuid NOT NULL REFERENCES programmes(id) ON DELETE CASCADE,
        city_id uuid REFERENCES cities(id) ON DELETE CASCADE,
        document_id uuid REFERENCES documents(id) ON DELETE CASCADE,
        actor_id uuid REFERENCES users(id) ON DELETE SET NULL,
        verb varchar(60) NOT NULL,
        audience varchar(20) NOT NULL CHECK (audience IN ('document', 'city', 'programme')),
        target_type varchar(40),
        target_id varchar(60),
        data jsonb NOT NULL DEFAULT '{}',
        bucket timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (audience <> 'document' OR document_id IS NOT NULL),
        CHECK (audience <> 'city' OR city_id IS NOT NULL)
      )`);
    // One edit summary per document, person and hour; other entries have no bucket (NULLs never clash).
    await q.query(`CREATE UNIQUE INDEX activity_edit_bucket_key ON activity (document_id, actor_id, bucket)`);
    await q.query(`CREATE INDEX activity_programme_idx ON activity (programme_id, id DESC)`);
    await q.query(`CREATE INDEX activity_city_idx ON activity (city_id, id DESC) WHERE city_id IS NOT NULL`);

    await q.query(`
      CREATE TABLE notifications (
        id bigserial PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        kind varchar(30) NOT NULL
          CHECK (kind IN ('mention', 'review_requested', 'approved', 'changes_requested', 'reply', 'adopted', 'milestone')),
        document_id uuid REFERENCES documents(id) ON DELETE CASCADE,
        city_id uuid REFERENCES cities(id) ON DELETE CASCADE,
        thread_id uuid,
        actor_id uuid REFERENCES users(id) ON DELETE SET NULL,
        data jsonb NOT NULL DEFAULT '{}',
        dedupe_key varchar(120),
        read_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    // The same comment notifies a person once (a mention and a reply to their thread are one notice).
    await q.query(`CREATE UNIQUE INDEX notifications_dedupe_key ON notifications (user_id, dedupe_key)`);
    await q.query(`CREATE INDEX notifications_user_idx ON notifications (user_id, id DESC)`);
    await q.query(`CREATE INDEX notifications_unread_idx ON notifications (user_id) WHERE read_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['notifications', 'activity', 'review_decisions', 'review_rounds']) {
      await q.query(`DROP TABLE IF EXISTS ${table}`);
    }
  }
}
