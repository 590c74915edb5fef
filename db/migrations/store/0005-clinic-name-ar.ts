import type { Migration } from '../types';

/**
 * The clinic's name in Arabic script (issue #10, item 8): documents printed in Arabic showed
 * the Latin name only. Empty until the administrator gives it; the Latin name stands in.
 */
export const m0005ClinicNameAr: Migration = {
  version: 5,
  name: 'clinic name in Arabic',
  up(sqlite) {
    sqlite.exec(`ALTER TABLE clinic ADD COLUMN name_ar TEXT NOT NULL DEFAULT ''`);
  },
};
