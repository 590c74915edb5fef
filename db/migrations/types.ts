import type Database from 'better-sqlite3-multiple-ciphers';

/**
 * A numbered schema change. Once shipped a migration is frozen: fixes are new migrations.
 * Plain SQL on the raw connection, so a migration reads exactly as the schema it makes.
 */
export interface Migration {
  readonly version: number;
  readonly name: string;
  up(sqlite: Database.Database): void;
}
