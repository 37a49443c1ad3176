import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { LANGUAGES, type Language } from '@passerelle/domain';
import { DataSource } from 'typeorm';
import type { SearchType } from './dto/search.dto';
import { MARK_END, MARK_START, passageLocator } from './snippet';

/** What the reader may see: documents by AccessService's SQL (alias `d`), pilot projects by city. */
export interface SearchScope {
  /** The condition on documents `d`, its parameters numbered from `firstParam`. */
  readableDocuments(firstParam: number): { sql: string; params: unknown[] };
  /** The cities whose pilot projects the reader may read. */
  pilotProjectCityIds: string[];
}

export interface SearchFilters {
  q: string;
  types: readonly SearchType[];
  cityId?: string;
  limit: number;
}

/** One result of the page, before highlighting. */
export interface SearchPageRow {
  type: SearchType;
  id: string;
  title: string;
  documentId: string | null;
  threadId: string | null;
  cityId: string | null;
  citySlug: string | null;
  cityName: string | null;
  language: Language;
  rank: number;
  /** The original text around the first place the query's words seem to appear (see passageLocator). */
  passage: string;
  /** Every match the reader may read, of every type asked for (the same on each row). */
  total: number;
}

/** A passage to highlight, folded and escaped as the search vectors' text is (see preparePassage). */
export interface PassageToHighlight {
  type: SearchType;
  language: Language;
  folded: string;
}

/** Title (A) far above text (D): one title match outranks several mentions in the text. */
const RANK_WEIGHTS = `'{0.05, 0.2, 0.4, 1.0}'::float4[]`;
/**
 * Snippets are highlighted in a passage around the first place the query's words seem to appear
 * (see passageLocator), not over the whole text: highlighting parses and stems every word it is
 * given, so this bounds its cost whatever the length of the document.
 */
const PASSAGE_BEFORE = 240;
const PASSAGE_LENGTH = 720;
const HEADLINE_OPTIONS = `StartSel=${MARK_START}, StopSel=${MARK_END}, MaxWords=30, MinWords=12, ShortWord=2`;

/** The query in one content language's configuration ($1 is the query text). */
const queryIn = (language: Language) => `passerelle_search_query('${language}', $1)`;
const ANY_QUERY = `passerelle_search_query_any($1)`;

/**
 * The SQL of search, in two statements: the page (ranked among everything the reader may read,
 * with the total and a passage of each result's text), then the highlighting of those passages
 * only. Every branch applies the reader's access in its WHERE clause, so ranking, counting and the
 * limit only ever see what the reader may read.
 *
 * The passages are folded and escaped in between, by the service: folding in SQL (a `translate`
 * over 56 accented letters) cost more than highlighting itself.
 */
@Injectable()
export class SearchRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async findPage(scope: SearchScope, filters: SearchFilters): Promise<SearchPageRow[]> {
    const params: unknown[] = [filters.q, filters.limit];
    const readable = scope.readableDocuments(params.length + 1);
    params.push(...readable.params);
    const readableDocs = readable.sql;
    const param = (value: unknown, cast: string) => {
      params.push(value);
      return `$${params.length}::${cast}`;
    };
    const city = filters.cityId === undefined ? null : param(filters.cityId, 'uuid');
    const inCity = (column: string) => (city ? ` AND ${column} = ${city}` : '');

    // Each branch ranks its matches on a narrow row (id, rank, time), so that counting them all
    // (the window) stays in memory, and keeps its best `limit`.
    const branch = (type: SearchType, inner: string) => `
      SELECT '${type}'::text AS type, r.id, r.rank, r.at, r.total
        FROM (${inner}) r
       ORDER BY r.rank DESC, r.at DESC, r.id
       LIMIT $2`;
    const branches: string[] = [];
    if (filters.types.includes('document')) {
      // One arm per language, each matched in its own configuration through the GIN index. (A
      // single OR over the languages would make PostgreSQL re-check every matching row against
      // its full text vector, which costs far more than the index when a word is common.) The
      // planner combines the index with the access condition's indexes (a BitmapAnd): only
      // readable matches are read from the table, and only they are ranked.
      const arms = LANGUAGES.map(
        (l) => `
          SELECT d.id, ts_rank_cd(${RANK_WEIGHTS}, d.search_rank_vector, ${queryIn(l)}) AS rank, d.updated_at AS at
            FROM documents d
           WHERE d.language = '${l}' AND d.search_vector @@ ${queryIn(l)} AND ${readableDocs}${inCity('d.city_id')}`,
      );
      branches.push(branch('document', `SELECT u.*, count(*) OVER () AS total FROM (${arms.join(' UNION ALL ')}) u`));
    }
    if (filters.types.includes('comment')) {
      branches.push(
        branch(
          'comment',
          `SELECT c.id, ts_rank_cd(${RANK_WEIGHTS}, c.search_vector, ${ANY_QUERY}) AS rank, c.created_at AS at,
                  count(*) OVER () AS total
             FROM comments c
             JOIN comment_threads t ON t.id = c.thread_id
             JOIN documents d ON d.id = t.document_id
            WHERE c.deleted_at IS NULL AND c.search_vector @@ ${ANY_QUERY} AND ${readableDocs}${inCity('d.city_id')}`,
        ),
      );
    }
    if (filters.types.includes('pilot_project') && scope.pilotProjectCityIds.length > 0) {
      const cities = param(scope.pilotProjectCityIds, 'uuid[]');
      branches.push(
        branch(
          'pilot_project',
          `SELECT p.id, ts_rank_cd(${RANK_WEIGHTS}, p.search_vector, ${ANY_QUERY}) AS rank, p.updated_at AS at,
                  count(*) OVER () AS total
             FROM pilot_projects p
            WHERE p.search_vector @@ ${ANY_QUERY} AND p.city_id = ANY(${cities})${inCity('p.city_id')}`,
        ),
      );
    }
    if (branches.length === 0) return [];
    const pattern = passageLocator(filters.q);
    // No word to look for (the query is all operators): the passage is the opening of the text.
    const start =
      pattern === null
        ? '1'
        : `greatest(1, COALESCE(NULLIF(regexp_instr(x.text, ${param(pattern, 'text')}), 0), 1) - ${PASSAGE_BEFORE})`;

    return this.db.query(
      `WITH hits AS (${branches.map((b) => `(${b})`).join(' UNION ALL ')}),
       top AS (SELECT * FROM hits ORDER BY rank DESC, at DESC, id LIMIT $2)
       SELECT x.type, x.id, x.title, x.document_id AS "documentId", x.thread_id AS "threadId",
              x.city_id AS "cityId", ci.slug AS "citySlug", ci.name AS "cityName", x.language,
              x.rank::float8 AS rank, substr(x.text, ${start}, ${PASSAGE_LENGTH}) AS passage,
              (SELECT COALESCE(sum(n.n), 0)::int FROM (SELECT max(total) AS n FROM hits GROUP BY type) n) AS total
         FROM (
           SELECT top.type, top.id, top.rank, top.at,
                  COALESCE(d.title, cd.title, p.title) AS title,
                  COALESCE(d.id, cd.id) AS document_id, c.thread_id,
                  COALESCE(d.city_id, cd.city_id, p.city_id) AS city_id,
                  COALESCE(d.language::text, cd.language::text,
                           CASE WHEN pc.languages[1] IN (${LANGUAGES.map((l) => `'${l}'`).join(', ')})
                                THEN pc.languages[1] ELSE 'en' END) AS language,
                  COALESCE(d.plain_text, c.body, NULLIF(p.summary, ''), p.priority, '') AS text
             FROM top
             LEFT JOIN documents d ON top.type = 'document' AND d.id = top.id
             LEFT JOIN comments c ON top.type = 'comment' AND c.id = top.id
             LEFT JOIN comment_threads ct ON ct.id = c.thread_id
             LEFT JOIN documents cd ON cd.id = ct.document_id
             LEFT JOIN pilot_projects p ON top.type = 'pilot_project' AND p.id = top.id
             LEFT JOIN cities pc ON pc.id = p.city_id) x
         LEFT JOIN cities ci ON ci.id = x.city_id
        ORDER BY x.rank DESC, x.at DESC, x.id`,
      params,
    );
  }

  /**
   * Highlights passages (MARK_START / MARK_END around matched words), each in its language's
   * configuration for documents, in all three for comments and pilot projects (as they are matched).
   */
  async highlight(q: string, passages: PassageToHighlight[]): Promise<Array<string | null>> {
    if (passages.length === 0) return [];
    const rows: Array<{ marked: string | null }> = await this.db.query(
      `SELECT ts_headline(passerelle_search_config(x.language), x.folded,
                CASE x.type WHEN 'document' THEN passerelle_search_query(x.language, $1) ELSE ${ANY_QUERY} END,
                '${HEADLINE_OPTIONS}') AS marked
         FROM unnest($2::text[], $3::varchar[], $4::text[]) WITH ORDINALITY AS x(type, language, folded, n)
        ORDER BY x.n`,
      [q, passages.map((p) => p.type), passages.map((p) => p.language), passages.map((p) => p.folded)],
    );
    return rows.map((r) => r.marked);
  }

  async allCityIds(): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.db.query(`SELECT id FROM cities`);
    return rows.map((r) => r.id);
  }
}
