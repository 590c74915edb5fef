import type { Migration } from '../types';

/**
 * Indexes for the case list at clinic scale (issue #5, docs/PERFORMANCE.md), found with
 * EXPLAIN QUERY PLAN on a 100,000-case store (`npm run bench -- --explain`):
 * - the list sorted by urgency orders by (urgency_rank, id); the index on (urgency_rank,
 *   intake_date, id) gave the first key only and SQLite sorted the rest (every "normal" case
 *   for a deep page). The exact order, alone or after the filters the cases screen uses most
 *   (a status, a lawyer's own cases), makes a page read 51 index entries at any size;
 * - a person's cases by intake date (their page, the nationality filter of the list): with
 *   the date in the index SQLite neither reads each case row to sort nor sorts at all; the
 *   nationality page went from 8.6 to 2.0 ms.
 */
export const m0003ListIndexes: Migration = {
  version: 3,
  name: 'case list indexes: urgency order, a person’s cases by date',
  up(sqlite) {
    sqlite.exec(`
      DROP INDEX cases_urgency;
      CREATE INDEX cases_urgency_rank ON cases (urgency_rank, id);
      CREATE INDEX cases_status_urgency ON cases (status, urgency_rank, id);
      CREATE INDEX cases_lawyer_urgency ON cases (assigned_lawyer_id, urgency_rank, id);
      DROP INDEX cases_beneficiary;
      CREATE INDEX cases_beneficiary_intake ON cases (beneficiary_id, intake_date);
    `);
  },
};
