import { sql, type Kysely } from 'kysely';
import type { StoreDatabase } from '../../../db/schema/store';
import { foldText } from '../../../shared/search/fold';
import { nameIndexTerms } from '../../../shared/search/name-search-terms';

/**
 * Keeps the FTS5 tables in step with their rows, inside the caller's transaction. The same
 * shared/search functions fold the stored text here and the typed query at search time.
 */
export async function indexPerson(db: Kysely<StoreDatabase>, id: number, names: readonly string[]): Promise<void> {
  const terms = nameIndexTerms(names.filter((n) => n.trim() !== ''));
  await sql`DELETE FROM person_fts WHERE rowid = ${id}`.execute(db);
  await sql`INSERT INTO person_fts (rowid, name_text, name_keys) VALUES (${id}, ${terms.text.join(' ')}, ${terms.keys.join(' ')})`.execute(db);
}

export async function unindexPerson(db: Kysely<StoreDatabase>, id: number): Promise<void> {
  await sql`DELETE FROM person_fts WHERE rowid = ${id}`.execute(db);
}

export async function indexCase(db: Kysely<StoreDatabase>, id: number, reference: string, summary: string): Promise<void> {
  await sql`DELETE FROM case_fts WHERE rowid = ${id}`.execute(db);
  await sql`INSERT INTO case_fts (rowid, reference, summary) VALUES (${id}, ${foldText(reference)}, ${foldText(summary)})`.execute(db);
}

/**
 * An FTS5 query matching every typed word of a summary search (prefix on the last), or null.
 * Each word is a quoted FTS5 string (quotes doubled), so nothing typed is read as syntax;
 * foldText has already made punctuation and control characters separators (FTS5 ends a
 * quoted string at a NUL).
 */
export function summaryMatch(typed: string): string | null {
  const words = foldText(typed).split(' ').filter((w) => w.length >= 2);
  if (words.length === 0) return null;
  return words.map((w, i) => `summary : "${w.replace(/"/g, '""')}"${i === words.length - 1 ? '*' : ''}`).join(' AND ');
}
