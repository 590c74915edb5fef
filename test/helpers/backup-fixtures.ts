/**
 * A real clinic for the backup tests: set up through the core, with staff, people and cases
 * whose text carries a marker that must never appear in clear in a backup or its temporary
 * files. And the tools to compare two stores and to look for the marker on disk.
 */
import Database from 'better-sqlite3-multiple-ciphers';
import { createHash, randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Vault } from '../../electron/core/vault';
import { caseFor, person, staff } from './registry-fixtures';
import { setUpCore, type TempCore } from './temp-core';

export const LAWYER = { username: 'karim', password: 'Secret-Personnel-2026!' } as const;

export interface Clinic {
  t: TempCore & { recoveryKey: string };
  marker: string;
  dataKey: Buffer;
}

/** A clinic with an administrator, a lawyer, three people with a case each; the administrator stays signed in. */
export async function makeClinic(): Promise<Clinic> {
  const t = await setUpCore();
  const marker = `MARKER-${randomBytes(8).toString('hex')}`;
  const lawyerId = await staff(t, 'lawyer', LAWYER.username, 'lawyer', 'Karim Lawyer');
  for (const [i, city] of ['Rabat', 'Oujda', 'Tanger'].entries()) {
    const p = await t.ok('admin', 'beneficiaries:create', person({ latinName: `Amina ${marker} ${i}`, city }));
    await t.ok('admin', 'cases:create', caseFor(p.id, { summary: `Récit ${marker} numéro ${i}`, assignedLawyerId: lawyerId }));
  }
  return { t, marker, dataKey: dataKeyOf(t.dir, t.recoveryKey) };
}

/** The data key, unwrapped from the folder's recovery slot (a second keyring connection; the core may stay open). */
export function dataKeyOf(dir: string, recoveryKey: string): Buffer {
  const vault = Vault.open(dir);
  try {
    const key = vault.unwrapWithRecoveryKey(recoveryKey);
    if (!key) throw new Error('recovery key does not open the folder');
    return key;
  } finally {
    void vault.close();
  }
}

/** SHA-256 over every row of every ordinary table (rows sorted), per table: equal maps mean equal records. */
export function tableHashes(storePath: string, dataKey: Uint8Array): Record<string, string> {
  const db = new Database(storePath, { readonly: true, fileMustExist: true });
  try {
    db.pragma(`cipher = 'sqlcipher'`);
    db.pragma('legacy = 4');
    db.key(Buffer.concat([Buffer.from('raw:'), dataKey]));
    const tables = db
      .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL TABLE%' ORDER BY name")
      .pluck()
      .all() as string[];
    const out: Record<string, string> = {};
    for (const name of tables) {
      const rows = (db.prepare(`SELECT * FROM "${name}"`).raw().all() as unknown[][]).map((row) =>
        JSON.stringify(row, (_k, v: unknown) => (Buffer.isBuffer(v) ? v.toString('hex') : typeof v === 'bigint' ? v.toString() : v)),
      );
      out[name] = createHash('sha256').update(rows.sort().join('\n')).digest('hex');
    }
    return out;
  } finally {
    db.close();
  }
}

/** Every file under `dir` (recursively) whose bytes contain `text` in UTF-8. */
export function filesContaining(dir: string, text: string): string[] {
  const needle = Buffer.from(text, 'utf8');
  const hits: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const path = join(d, name);
      const stat = statSync(path, { throwIfNoEntry: false });
      if (!stat) continue;
      if (stat.isDirectory()) walk(path);
      else if (readFileSync(path).includes(needle)) hits.push(path);
    }
  };
  walk(dir);
  return hits;
}

/** Every file and folder name under `dir`, relative, sorted. */
export function listTree(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string, rel: string) => {
    for (const name of readdirSync(d).sort()) {
      const r = rel ? `${rel}/${name}` : name;
      out.push(r);
      if (statSync(join(d, name)).isDirectory()) walk(join(d, name), r);
    }
  };
  walk(dir, '');
  return out;
}
