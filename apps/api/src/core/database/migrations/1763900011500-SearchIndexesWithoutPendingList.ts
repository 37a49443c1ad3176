import { MigrationInterface, QueryRunner } from 'typeorm';

const SEARCH_INDEXES = ['documents_search_idx', 'comments_search_idx', 'pilot_projects_search_idx'];

/**
 * The full-text GIN indexes write their entries at once instead of through a pending list.
 *
 * With `fastupdate` (PostgreSQL's default) new entries wait in an unsorted list of up to 4 MB that
 * every search reads in full, and the planner, which counts those pages, stops trusting the index:
 * after 10,000 documents were written, search read each readable document's whole text vector
 * instead of the index (documents_search_idx: 507 pending pages; a common word took ~105 ms in
 * PostgreSQL, ~10 ms once the list was merged). Only autovacuum merges the list, at its own pace.
 * Writing entries directly costs a writer about a millisecond for a typical document (its text is
 * written a few seconds after an edit, debounced), and keeps search the same whenever it runs.
 */
export class SearchIndexesWithoutPendingList1763900011500 implements MigrationInterface {
  name = 'SearchIndexesWithoutPendingList1763900011500';

  async up(q: QueryRunner): Promise<void> {
    for (const index of SEARCH_INDEXES) {
      await q.query(`ALTER INDEX ${index} SET (fastupdate = off)`);
      // What is already waiting is merged now (the list is no longer added to, but still read).
      await q.query(`SELECT gin_clean_pending_list($1::regclass)`, [index]);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const index of SEARCH_INDEXES) await q.query(`ALTER INDEX ${index} RESET (fastupdate)`);
  }
}
