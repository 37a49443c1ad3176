import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The three phases' own records: pilot projects with milestones and progress updates (Action),
 * events with their cities, participants and minutes (Dialogue), and the key figures of each
 * city's migration profile (Knowledge).
 */
export class PilotProjectsEventsIndicators1763900005000 implements MigrationInterface {
  name = 'PilotProjectsEventsIndicators1763900005000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE pilot_projects (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        city_id uuid NOT NULL REFERENCES cities(id) ON DELETE CASCADE,
        title varchar(200) NOT NULL,
        summary text NOT NULL DEFAULT '',
        theme_id uuid REFERENCES themes(id) ON DELETE SET NULL,
        priority text,
        lead_organisation_id uuid REFERENCES organisations(id) ON DELETE SET NULL,
        start_date date,
        end_date date,
        budget numeric(14, 2) CHECK (budget >= 0),
        currency char(3),
        status varchar(20) NOT NULL DEFAULT 'proposed'
          CHECK (status IN ('proposed', 'approved', 'in_progress', 'completed', 'on_hold', 'cancelled')),
        description_document_id uuid REFERENCES documents(id) ON DELETE SET NULL,
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (start_date IS NULL OR end_date IS NULL OR end_date >= start_date)
      )`);
    await q.query(`CREATE INDEX pilot_projects_city_idx ON pilot_projects (city_id, status)`);
    await q.query(`CREATE INDEX pilot_projects_theme_idx ON pilot_projects (theme_id)`);

    await q.query(`
      CREATE TABLE pilot_project_partners (
        pilot_project_id uuid NOT NULL REFERENCES pilot_projects(id) ON DELETE CASCADE,
        organisation_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
        PRIMARY KEY (pilot_project_id, organisation_id)
      )`);

    await q.query(`
      CREATE TABLE pilot_project_milestones (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        pilot_project_id uuid NOT NULL REFERENCES pilot_projects(id) ON DELETE CASCADE,
        title varchar(200) NOT NULL,
        due_date date NOT NULL,
        status varchar(20) NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'in_progress', 'done', 'cancelled')),
        completed_at timestamptz,
        position integer NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE INDEX pilot_project_milestones_project_idx ON pilot_project_milestones (pilot_project_id, position)`,
    );
    // The dashboard asks for overdue milestones across every city.
    await q.query(
      `CREATE INDEX pilot_project_milestones_open_due_idx ON pilot_project_milestones (due_date)
         WHERE status IN ('planned', 'in_progress')`,
    );

    await q.query(`
      CREATE TABLE pilot_project_progress (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        pilot_project_id uuid NOT NULL REFERENCES pilot_projects(id) ON DELETE CASCADE,
        percent smallint NOT NULL CHECK (percent BETWEEN 0 AND 100),
        note text NOT NULL DEFAULT '',
        author_id uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT clock_timestamp()
      )`);
    await q.query(
      `CREATE INDEX pilot_project_progress_project_idx ON pilot_project_progress (pilot_project_id, created_at DESC)`,
    );

    await q.query(`
      CREATE TABLE events (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        programme_id uuid NOT NULL REFERENCES programmes(id) ON DELETE CASCADE,
        kind varchar(30) NOT NULL
          CHECK (kind IN ('technical_workshop', 'study_visit', 'online_meeting', 'training', 'regional_event')),
        title varchar(200) NOT NULL,
        description text NOT NULL DEFAULT '',
        host_city_id uuid REFERENCES cities(id) ON DELETE SET NULL,
        starts_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL,
        location varchar(300),
        online_url varchar(500),
        agenda jsonb NOT NULL DEFAULT '[]',
        minutes_document_id uuid REFERENCES documents(id) ON DELETE SET NULL,
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (ends_at >= starts_at)
      )`);
    await q.query(`CREATE INDEX events_programme_starts_idx ON events (programme_id, starts_at)`);

    await q.query(`
      CREATE TABLE event_cities (
        event_id uuid NOT NULL REFERENCES events(id) ON DELETE CASCADE,
        city_id uuid NOT NULL REFERENCES cities(id) ON DELETE CASCADE,
        PRIMARY KEY (event_id, city_id)
      )`);
    await q.query(`CREATE INDEX event_cities_city_idx ON event_cities (city_id)`);

    await q.query(`
      CREATE TABLE event_participants (
        event_id uuid NOT NULL REFERENCES events(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        PRIMARY KEY (event_id, user_id)
      )`);
    await q.query(`CREATE INDEX event_participants_user_idx ON event_participants (user_id)`);

    await q.query(`
      CREATE TABLE indicators (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        city_id uuid NOT NULL REFERENCES cities(id) ON DELETE CASCADE,
        key varchar(60) NOT NULL,
        value_numeric numeric(16, 2),
        value_text text,
        year smallint NOT NULL CHECK (year BETWEEN 1900 AND 2100),
        source varchar(300) NOT NULL DEFAULT '',
        updated_by uuid REFERENCES users(id) ON DELETE SET NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (city_id, key, year),
        CHECK (value_numeric IS NOT NULL OR value_text IS NOT NULL)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'indicators',
      'event_participants',
      'event_cities',
      'events',
      'pilot_project_progress',
      'pilot_project_milestones',
      'pilot_project_partners',
      'pilot_projects',
    ]) {
      await q.query(`DROP TABLE IF EXISTS ${table}`);
    }
  }
}
