import { MigrationInterface, QueryRunner } from 'typeorm';

/** Accounts, the programme and its cities, organisations, memberships, themes, invitations, audit. */
export class Foundation1763900000000 implements MigrationInterface {
  name = 'Foundation1763900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email varchar(254) NOT NULL,
        name varchar(120) NOT NULL,
        password_hash text,
        role varchar(20) NOT NULL DEFAULT 'member' CHECK (role IN ('admin', 'coordinator', 'member')),
        active boolean NOT NULL DEFAULT true,
        language varchar(2) CHECK (language IN ('en', 'fr', 'ar')),
        token_version integer NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX users_email_key ON users (lower(email))`);

    await q.query(`
      CREATE TABLE programmes (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        slug varchar(60) NOT NULL UNIQUE,
        name varchar(200) NOT NULL,
        acronym varchar(30) NOT NULL,
        description text NOT NULL DEFAULT '',
        created_at timestamptz NOT NULL DEFAULT now()
      )`);

    await q.query(`
      CREATE TABLE cities (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        programme_id uuid NOT NULL REFERENCES programmes(id) ON DELETE CASCADE,
        slug varchar(60) NOT NULL UNIQUE,
        name varchar(120) NOT NULL,
        names jsonb NOT NULL DEFAULT '{}',
        country varchar(120) NOT NULL,
        country_code varchar(2) NOT NULL,
        phase varchar(20) NOT NULL DEFAULT 'dialogue' CHECK (phase IN ('dialogue', 'knowledge', 'action')),
        languages text[] NOT NULL DEFAULT '{en}',
        description text NOT NULL DEFAULT '',
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);

    await q.query(`
      CREATE TABLE organisations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        programme_id uuid REFERENCES programmes(id) ON DELETE CASCADE,
        city_id uuid REFERENCES cities(id) ON DELETE CASCADE,
        name varchar(200) NOT NULL,
        acronym varchar(30),
        kind varchar(20) NOT NULL CHECK (kind IN ('partner', 'local', 'city_department', 'other')),
        website varchar(300),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX organisations_name_key ON organisations (lower(name))`);

    await q.query(`
      CREATE TABLE memberships (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        city_id uuid NOT NULL REFERENCES cities(id) ON DELETE CASCADE,
        role varchar(20) NOT NULL CHECK (role IN ('editor', 'stakeholder', 'observer')),
        organisation_id uuid REFERENCES organisations(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (user_id, city_id)
      )`);
    await q.query(`CREATE INDEX memberships_city_idx ON memberships (city_id)`);

    await q.query(`
      CREATE TABLE themes (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        programme_id uuid NOT NULL REFERENCES programmes(id) ON DELETE CASCADE,
        slug varchar(60) NOT NULL,
        names jsonb NOT NULL,
        position integer NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (programme_id, slug)
      )`);

    await q.query(`
      CREATE TABLE invitations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        token_hash varchar(64) NOT NULL UNIQUE,
        email varchar(254) NOT NULL,
        city_id uuid REFERENCES cities(id) ON DELETE CASCADE,
        city_role varchar(20) CHECK (city_role IN ('editor', 'stakeholder', 'observer')),
        global_role varchar(20) NOT NULL DEFAULT 'member' CHECK (global_role IN ('admin', 'coordinator', 'member')),
        invited_by uuid REFERENCES users(id) ON DELETE SET NULL,
        expires_at timestamptz NOT NULL,
        accepted_at timestamptz,
        accepted_user_id uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((city_id IS NULL) = (city_role IS NULL))
      )`);

    await q.query(`
      CREATE TABLE refresh_sessions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        token_hash varchar(64) NOT NULL UNIQUE,
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz,
        user_agent varchar(300),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX refresh_sessions_user_idx ON refresh_sessions (user_id)`);

    await q.query(`
      CREATE TABLE audit_log (
        id bigserial PRIMARY KEY,
        actor_id uuid REFERENCES users(id) ON DELETE SET NULL,
        action varchar(60) NOT NULL,
        target_type varchar(40),
        target_id varchar(60),
        details jsonb NOT NULL DEFAULT '{}',
        ip varchar(64),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX audit_log_created_idx ON audit_log (created_at DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'audit_log',
      'refresh_sessions',
      'invitations',
      'themes',
      'memberships',
      'organisations',
      'cities',
      'programmes',
      'users',
    ]) {
      await q.query(`DROP TABLE IF EXISTS ${table}`);
    }
  }
}
