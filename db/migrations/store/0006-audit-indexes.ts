import type { Migration } from '../types';

/**
 * The audit log read for supervision (issue #10, item 5) is filtered by kind of action and by
 * period. Without these, counting one kind scanned the whole log (0.4 s at 580,000 entries,
 * docs/PERFORMANCE.md). The log is append-only, so the indexes only ever grow at their end.
 */
export const m0006AuditIndexes: Migration = {
  version: 6,
  name: 'audit log indexes',
  up(sqlite) {
    sqlite.exec(`
      CREATE INDEX audit_log_action ON audit_log (action, id);
      CREATE INDEX audit_log_at ON audit_log (at);
    `);
  },
};
