import { MigrationInterface, QueryRunner } from 'typeorm';

/** Revoked invitations stay on record (who invited whom, who revoked it) instead of being deleted. */
export class InvitationRevocation1763900001000 implements MigrationInterface {
  name = 'InvitationRevocation1763900001000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE invitations ADD COLUMN revoked_at timestamptz`);
    await q.query(`ALTER TABLE invitations ADD COLUMN revoked_by uuid REFERENCES users(id) ON DELETE SET NULL`);
    await q.query(
      `CREATE INDEX invitations_pending_idx ON invitations (created_at DESC) WHERE accepted_at IS NULL AND revoked_at IS NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS invitations_pending_idx`);
    await q.query(`ALTER TABLE invitations DROP COLUMN IF EXISTS revoked_by`);
    await q.query(`ALTER TABLE invitations DROP COLUMN IF EXISTS revoked_at`);
  }
}
