import { lstatSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FOLDER_MODE, FILE_MODE } from '../../db/file-mode';
import type { FolderFile, FolderProblem, FolderState } from '../../shared/contract/setup';

/**
 * The files that make a clinic. Any one of them in the data folder means a clinic lives (or
 * lived) there: setup must not run over it, and nothing here ever deletes one.
 */
export const STORE_FILES = ['clinic.db', 'clinic.db-wal', 'clinic.db-shm', 'clinic.db-journal'] as const;
export const KEYRING_FILES = ['keyring.db', 'keyring.db-journal', 'keyring.db-wal', 'keyring.db-shm'] as const;
export const CLINIC_FILES: readonly string[] = [...STORE_FILES, ...KEYRING_FILES];

/** What the keyring file turned out to hold when it was opened (vault.ts). */
export type KeyringFinding =
  | 'absent' // no keyring.db
  | 'unreadable' // cannot be opened or read as a keyring
  | 'blank' // a keyring with no key slot and no finished setup: holds nothing
  | 'unfinished' // key slots but setup never finished
  | 'slotless' // setup finished, yet no key slot is left
  | 'ok';

export function presentFiles(dir: string): FolderFile[] {
  const files: FolderFile[] = [];
  for (const name of CLINIC_FILES) {
    try {
      const stat = lstatSync(join(dir, name));
      files.push({ name, size: stat.size });
    } catch {
      // absent
    }
  }
  return files;
}

/**
 * Decides whether the folder is new (setup may run), ready (sign-in may run) or damaged, and
 * what exactly is wrong, from the files present and what the keyring holds.
 */
export function judgeFolder(files: FolderFile[], keyring: KeyringFinding): FolderState {
  const has = (name: string) => files.some((f) => f.name === name);
  const store = files.find((f) => f.name === 'clinic.db');
  const anyStoreFile = STORE_FILES.some(has);
  const keyringCompanions = KEYRING_FILES.slice(1).some(has);
  if (!anyStoreFile && (keyring === 'blank' || (keyring === 'absent' && !keyringCompanions))) {
    return { state: 'new', problems: [], files };
  }
  const problems: FolderProblem[] = [];
  if (!store) problems.push('storeMissing');
  else if (store.size === 0) problems.push('storeEmpty');
  if (keyring === 'absent') problems.push('keyringMissing');
  if (keyring === 'unreadable') problems.push('keyringDamaged');
  if (keyring === 'blank' || keyring === 'slotless') problems.push('keyringEmpty');
  if (keyring === 'unfinished') problems.push('setupUnfinished');
  return { state: problems.length === 0 ? 'ready' : 'damaged', problems, files };
}

/**
 * Moves every clinic file present into a new dated sub-folder, never deleting anything, and
 * leaves a note saying what was moved and why. Returns the sub-folder's name.
 */
export function setFilesAside(dir: string, now: Date, problems: readonly FolderProblem[]): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\..*$/, '').replace('T', '-');
  let name = `set-aside-${stamp}`;
  for (let i = 2; exists(join(dir, name)); i++) name = `set-aside-${stamp}-${i}`;
  const target = join(dir, name);
  mkdirSync(target, { mode: FOLDER_MODE });
  const moved: string[] = [];
  for (const file of presentFiles(dir)) {
    renameSync(join(dir, file.name), join(target, file.name));
    moved.push(file.name);
  }
  writeFileSync(
    join(target, 'README.txt'),
    [
      `Set aside by Clinic Case Manager on ${now.toISOString()}.`,
      `The data folder could not be opened (${problems.join(', ')}), and a person chose to start over.`,
      `Nothing was deleted. Files moved here: ${moved.join(', ')}.`,
      'To bring them back, quit the application and move them back into the data folder.',
      '',
    ].join('\n'),
    { mode: FILE_MODE },
  );
  return name;
}

function exists(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}
