/**
 * Consistent copies of the two clinic files, and what is checked on a copy.
 *
 * `VACUUM INTO` on a separate read-only connection gives a transactionally consistent copy
 * of a live store (the core may go on writing; WAL readers do not block writers). On a
 * connection keyed for SQLCipher it writes the copy encrypted under the same key: no clear
 * page ever reaches the disk. (better-sqlite3's `.backup()` refuses encrypted sources.)
 * Temporary data stays in memory (`temp_store = MEMORY`), the page cache is small: memory
 * stays flat whatever the store's size.
 */
import Database from 'better-sqlite3-multiple-ciphers';
import { verifyAuditChain } from '../audit';
import { Problems, runPragmaCheck } from '../integrity/check';
import { BackupError } from './errors';
import type { RecoverySlot } from './keys';

/** 2 MiB of page cache: a copy reads each page about once. */
const CACHE_KIB = 2048;
/**
 * `integrity_check` also looks every index entry up in its table, at random pages: on the
 * 1.9 GB benchmark store it took 137–174 s with 2 MiB of cache, 102 s with 16 MiB, 82 s with
 * 64 MiB (docs/PERFORMANCE.md). 16 MiB buys most of it for 14 MB more while a backup runs.
 */
const CHECK_CACHE_KIB = 16 * 1024;

export interface StoreFacts {
  /** `PRAGMA user_version`: the latest migration applied. */
  schema: number;
  /** Rows per ordinary table (virtual tables are counted through their shadow tables). */
  tables: Record<string, number>;
  counts: { cases: number; beneficiaries: number; auditEntries: number };
}

/**
 * A read-only connection keyed like the integrity check's (check.ts: the raw key in a buffer
 * zeroed at once, no hex string of it), without `query_only`, which VACUUM INTO refuses.
 */
function openKeyed(storePath: string, dataKey: Uint8Array, nativeBinding: string | undefined, cacheKiB = CACHE_KIB): Database.Database {
  if (dataKey.length !== 32) throw new Error('data key must be 32 bytes');
  const db = new Database(storePath, { readonly: true, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
  const pass = Buffer.alloc(4 + dataKey.length);
  pass.write('raw:', 0, 'latin1');
  pass.set(dataKey, 4);
  try {
    db.pragma(`cipher = 'sqlcipher'`);
    db.pragma('legacy = 4');
    db.key(pass);
    db.pragma(`cache_size = -${cacheKiB}`);
    // Sorts and temporary tables of the copy and the checks stay in memory, never in clear files.
    db.pragma('temp_store = MEMORY');
    db.pragma('mmap_size = 0');
    // The first read decrypts page 1: a wrong key or a damaged first page fails here.
    db.prepare('SELECT count(*) FROM sqlite_master').get();
  } catch (error) {
    db.close();
    throw error;
  } finally {
    pass.fill(0);
  }
  return db;
}

export function snapshotStore(storePath: string, dataKey: Uint8Array, out: string, nativeBinding?: string): void {
  let db: Database.Database;
  try {
    db = openKeyed(storePath, dataKey, nativeBinding);
  } catch (error) {
    throw new BackupError('SOURCE_UNREADABLE', 'the clinic store does not open with this key', { cause: error });
  }
  try {
    db.prepare('VACUUM INTO ?').run(out);
  } finally {
    db.close();
  }
}

/** The keyring is a plain SQLite file (it holds only wrapped keys): copied the same way. */
export function snapshotKeyring(keyringPath: string, out: string, nativeBinding?: string): void {
  let db: Database.Database;
  try {
    db = new Database(keyringPath, { readonly: true, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
  } catch (error) {
    throw new BackupError('SOURCE_UNREADABLE', 'the keyring cannot be opened', { cause: error });
  }
  try {
    db.prepare('VACUUM INTO ?').run(out);
  } finally {
    db.close();
  }
}

export function keyringFacts(keyringPath: string, nativeBinding?: string): { schema: number; recoverySlot: RecoverySlot | null } {
  const db = new Database(keyringPath, { readonly: true, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
  try {
    const schema = Number(db.pragma('user_version', { simple: true }));
    const slot = db.prepare("SELECT id, kdf, iv, wrapped_key, tag FROM key_slots WHERE kind = 'recovery'").get() as RecoverySlot | undefined;
    return { schema, recoverySlot: slot ?? null };
  } finally {
    db.close();
  }
}

function tableCounts(db: Database.Database): Record<string, number> {
  const names = db
    .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL TABLE%' ORDER BY name")
    .pluck()
    .all() as string[];
  const counts: Record<string, number> = {};
  for (const name of names) counts[name] = Number(db.prepare(`SELECT count(*) FROM "${name.replace(/"/g, '""')}"`).pluck().get());
  return counts;
}

export function storeFacts(storePath: string, dataKey: Uint8Array, nativeBinding?: string): StoreFacts {
  const db = openKeyed(storePath, dataKey, nativeBinding);
  try {
    const tables = tableCounts(db);
    return {
      schema: Number(db.pragma('user_version', { simple: true })),
      tables,
      counts: { cases: tables.cases ?? 0, beneficiaries: tables.beneficiaries ?? 0, auditEntries: tables.audit_log ?? 0 },
    };
  } finally {
    db.close();
  }
}

/**
 * The checks a copy must pass: it opens with the data key, `PRAGMA integrity_check` finds
 * nothing (every page decrypts and its HMAC verifies, every index matches its table), every
 * table holds as many rows as the source snapshot, and the audit chain verifies.
 * Returns the problems found (empty: the copy is good). Problem lines never quote content.
 */
export function checkStoreCopy(storePath: string, dataKey: Uint8Array, expected: StoreFacts, nativeBinding?: string): string[] {
  let db: Database.Database;
  try {
    db = openKeyed(storePath, dataKey, nativeBinding, CHECK_CACHE_KIB);
  } catch {
    return ['the store copy does not open with the data key'];
  }
  try {
    const problems = new Problems(20);
    runPragmaCheck(db, 'integrity_check', problems, 100);
    if (problems.count > 0) return problems.lines;
    const schema = Number(db.pragma('user_version', { simple: true }));
    if (schema !== expected.schema) return [`schema version ${schema}, expected ${expected.schema}`];
    const tables = tableCounts(db);
    const names = new Set([...Object.keys(tables), ...Object.keys(expected.tables)]);
    const differ = [...names].filter((name) => tables[name] !== expected.tables[name]);
    if (differ.length > 0) return differ.map((name) => `table ${name}: ${tables[name] ?? 'missing'} rows, expected ${expected.tables[name] ?? 'none'}`);
    const chain = verifyAuditChain(db);
    if (!chain.ok) return [`audit chain broken at entry ${chain.firstBrokenId}`];
    return [];
  } catch (error) {
    return [`the store copy could not be checked (${(error as { code?: string }).code ?? 'error'})`];
  } finally {
    db.close();
  }
}
