import type { Migration } from '../types';

/**
 * The calendar (issue #12) reads a month of hearings whatever their outcome, and tasks by due
 * day whoever holds them: the earlier indexes cover only scheduled hearings and open tasks by
 * assignee.
 */
export const m0011CalendarIndexes: Migration = {
  version: 11,
  name: 'calendar indexes',
  up(sqlite) {
    sqlite.exec(`
      CREATE INDEX hearings_at ON hearings (at);
      CREATE INDEX tasks_due ON tasks (due_date) WHERE due_date IS NOT NULL;
    `);
  },
};
