import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Full-text search over documents, comments and pilot projects, and the good-practice library's
 * links (themes, and the cities and pilot projects that took a practice up).
 *
 * Search vectors are stored generated columns, so they are current the moment `plain_text`,
 * a title or a body is written (the collaboration store writes `plain_text` a second or two after
 * an edit): no trigger, no queue. Accents are folded by `passerelle_fold` (a 1:1 `translate`)
 * rather than the `unaccent` extension, which the embedded PostgreSQL (PGlite) does not ship:
 * both servers then index and query alike, and because folding keeps every character in place,
 * a snippet highlighted on folded text maps back onto the original text character for character.
 */
export class SearchGoodPractices1763900008000 implements MigrationInterface {
  name = 'SearchGoodPractices1763900008000';

  async up(q: QueryRunner): Promise<void> {
    // PostgreSQL has had an Arabic snowball configuration since 13; fall back to 'simple' without it.
    const arabic: unknown[] = await q.query(`SELECT 1 FROM pg_ts_config WHERE cfgname = 'arabic'`);
    const arabicConfig = arabic.length > 0 ? 'arabic' : 'simple';

    await q.query(`
      CREATE FUNCTION passerelle_fold(input text) RETURNS text
        LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
        RETURN translate(input,
          'ÀÁÂÃÄÅàáâãäåÇçÈÉÊËèéêëÌÍÎÏìíîïÑñÒÓÔÕÖòóôõöÙÚÛÜùúûüÝýÿŸ',
          'AAAAAAaaaaaaCcEEEEeeeeIIIIiiiiNnOOOOOoooooUUUUuuuuYyyY')`);
    // The text search configuration of a content language ('en' | 'fr' | 'ar').
    await q.query(`
      CREATE FUNCTION passerelle_search_config(language varchar) RETURNS regconfig
        LANGUAGE sql IMMUTABLE PARALLEL SAFE
        RETURN CASE language
          WHEN 'en' THEN 'english'::regconfig
          WHEN 'fr' THEN 'french'::regconfig
          WHEN 'ar' THEN '${arabicConfig}'::regconfig
          ELSE 'simple'::regconfig END`);
    await q.query(`
      CREATE FUNCTION passerelle_search_query(language varchar, query text) RETURNS tsquery
        LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
        RETURN websearch_to_tsquery(passerelle_search_config(language), passerelle_fold(query))`);
    // Comments and pilot projects carry no language of their own: they are indexed, and
    // queried, in all three (a match in any one counts).
    await q.query(`
      CREATE FUNCTION passerelle_search_vector_any(input text) RETURNS tsvector
        LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
        RETURN to_tsvector(passerelle_search_config('en'), passerelle_fold(input))
            || to_tsvector(passerelle_search_config('fr'), passerelle_fold(input))
            || to_tsvector(passerelle_search_config('ar'), passerelle_fold(input))`);
    await q.query(`
      CREATE FUNCTION passerelle_search_query_any(query text) RETURNS tsquery
        LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
        RETURN passerelle_search_query('en', query) || passerelle_search_query('fr', query)
            || passerelle_search_query('ar', query)`);
    // HTML-escapes text for snippets, dropping the two control characters that mark highlights.
    await q.query(`
      CREATE FUNCTION passerelle_search_escape(input text) RETURNS text
        LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
        RETURN replace(replace(replace(replace(replace(translate(input, E'\\x01\\x02', ''),
          '&', '&amp;'), '<', '&lt;'), '>', '&gt;'), '"', '&quot;'), '''', '&#39;')`);

    // Matching reads the whole text (up to 200,000 characters, well under the tsvector size limit);
    // ranking reads the title and the opening of the text only (a small vector kept in the row),
    // so that ranking thousands of matches of a common word stays cheap.
    await q.query(`
      ALTER TABLE documents
        ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
          setweight(to_tsvector(passerelle_search_config(language), passerelle_fold(title)), 'A')
          || setweight(to_tsvector(passerelle_search_config(language), passerelle_fold(left(plain_text, 200000))), 'D')
        ) STORED,
        ADD COLUMN search_rank_vector tsvector GENERATED ALWAYS AS (
          setweight(to_tsvector(passerelle_search_config(language), passerelle_fold(title)), 'A')
          || setweight(to_tsvector(passerelle_search_config(language), passerelle_fold(left(plain_text, 1000))), 'D')
        ) STORED`);
    // One index over every language. (Partial per-language indexes would not do: when a query
    // reads the same in every language, the planner factors the language arms of the search's OR
    // into one condition that no partial index matches, and scans the table.)
    await q.query(`CREATE INDEX documents_search_idx ON documents USING gin (search_vector)`);
    // Without statistics the planner takes a text match to be selective and always goes through
    // the index. That is what we want even for a word in every document: the alternative, a
    // sequential scan, decompresses every row's full vector to test it, several times slower
    // than reading the matches from the index (a word in all of 10,000 documents: ~75 ms against ~35 ms).
    await q.query(`ALTER TABLE documents ALTER COLUMN search_vector SET STATISTICS 0`);

    await q.query(`
      ALTER TABLE comments ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
        passerelle_search_vector_any(left(body, 20000))) STORED`);
    await q.query(`CREATE INDEX comments_search_idx ON comments USING gin (search_vector) WHERE deleted_at IS NULL`);

    await q.query(`
      ALTER TABLE pilot_projects ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
        setweight(passerelle_search_vector_any(title), 'A')
        || setweight(passerelle_search_vector_any(left(summary, 50000)), 'B')
        || setweight(passerelle_search_vector_any(left(COALESCE(priority, ''), 5000)), 'C')) STORED`);
    await q.query(`CREATE INDEX pilot_projects_search_idx ON pilot_projects USING gin (search_vector)`);

    await q.query(`
      CREATE TABLE good_practice_themes (
        document_id uuid NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        theme_id uuid NOT NULL REFERENCES themes(id) ON DELETE CASCADE,
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (document_id, theme_id)
      )`);
    await q.query(`CREATE INDEX good_practice_themes_theme_idx ON good_practice_themes (theme_id)`);

    await q.query(`
      CREATE TABLE good_practice_adoptions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        document_id uuid NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        city_id uuid NOT NULL REFERENCES cities(id) ON DELETE CASCADE,
        pilot_project_id uuid REFERENCES pilot_projects(id) ON DELETE CASCADE,
        note text NOT NULL DEFAULT '',
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    // A city takes a practice up once, and once more per pilot project (NULLs would never clash).
    await q.query(`
      CREATE UNIQUE INDEX good_practice_adoptions_key ON good_practice_adoptions
        (document_id, city_id, COALESCE(pilot_project_id, '00000000-0000-0000-0000-000000000000'::uuid))`);
    await q.query(`CREATE INDEX good_practice_adoptions_city_idx ON good_practice_adoptions (city_id)`);
    await q.query(
      `CREATE INDEX good_practice_adoptions_project_idx ON good_practice_adoptions (pilot_project_id)
         WHERE pilot_project_id IS NOT NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS good_practice_adoptions`);
    await q.query(`DROP TABLE IF EXISTS good_practice_themes`);
    await q.query(`ALTER TABLE pilot_projects DROP COLUMN IF EXISTS search_vector`);
    await q.query(`ALTER TABLE comments DROP COLUMN IF EXISTS search_vector`);
    await q.query(
      `ALTER TABLE documents DROP COLUMN IF EXISTS search_vector, DROP COLUMN IF EXISTS search_rank_vector`,
    );
    for (const fn of [
      'passerelle_search_escape(text)',
      'passerelle_search_query_any(text)',
      'passerelle_search_vector_any(text)',
      'passerelle_search_query(varchar, text)',
      'passerelle_search_config(varchar)',
      'passerelle_fold(text)',
    ]) {
      await q.query(`DROP FUNCTION IF EXISTS ${fn}`);
    }
  }
}
