/**
 * Swapping a clinic's files for others (a restore, or undoing one) so that the data folder is
 * always the old clinic or the new one, never a mix, whatever moment the process dies at.
 *
 * Before anything moves, a journal (`restore-journal.json`, written to a temporary name,
 * fsynced, renamed, folder fsynced) names the folder the new files come from, the
 * `replaced-<stamp>` folder the current ones go to, and the files to move in. Then:
 *
 *   1. every clinic file in the data folder moves into `replaced-…/` (all of them, -wal and
 *      -shm included, before any new file arrives: an old WAL beside a new store would be
 *      replayed into it);
 *   2. every listed file moves in from the source folder;
 *   3. a note goes into `replaced-…/`, and the journal is deleted.
 *
 * Each step is a rename within one folder tree (one disk), so it is atomic, and the sequence
 * can be run again from any point: a listed file still in the source folder has not moved in
 * yet, so one of that name in the data folder is old; a listed file gone from the source is
 * already in. At the next start `recoverInterruptedRestore` runs the rest. Nothing is deleted:
 * the replaced files stay until a person removes them.
 */
import { closeSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmdirSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { FILE_MODE, FOLDER_MODE } from '../../../db/file-mode';
import { CLINIC_FILES } from '../data-folder';
import { BackupError, backupErrorOf } from './errors';
import { exists, freeName, fsyncDir, removeStale, stampOf } from './files';

export const JOURNAL_NAME = 'restore-journal.json';
export const RESTORE_STAGING_PREFIX = '.restore-staging-';
export const REPLACED_PREFIX = 'replaced-';
/** Beside the README of a `replaced-…` folder: when and why, for the application's list. */
export const SET_ASIDE_NOTE = 'set-aside.json';

const journalSchema = z.strictObject({
  v: z.literal(1),
  kind: z.enum(['restore', 'undo']),
  /** Folder names inside the data folder (never paths: the journal cannot point elsewhere). */
  source: z.string().regex(/^[\w.-]+$/),
  replaced: z.string().regex(/^replaced-[\w-]+$/),
  moveIn: z.array(z.enum(CLINIC_FILES as [string, ...string[]])).min(1),
  startedAt: z.string(),
});
export type SwapJournal = z.infer<typeof journalSchema>;

export type SwapStep = 'journal' | `out:${string}` | `in:${string}` | 'done';

function writeDurably(path: string, text: string): void {
  const tmp = `${path}.tmp`;
  const fd = openSync(tmp, 'w', FILE_MODE);
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, path);
}

function readJournal(dataDir: string): SwapJournal | null {
  let text: string;
  try {
    text = readFileSync(join(dataDir, JOURNAL_NAME), 'utf8');
  } catch {
    return null;
  }
  let raw: unknown = null;
  try {
    raw = JSON.parse(text);
  } catch {
    // handled below
  }
  const parsed = journalSchema.safeParse(raw);
  // Written to a temporary name and renamed: a journal that does not parse was edited by hand.
  if (!parsed.success) throw new BackupError('RESTORE_PENDING', `${JOURNAL_NAME} is not readable; move it away to open the folder as it is`);
  return parsed.data;
}

/** Moves the files of `sourceName` (a folder in the data folder) in, the current ones out. Returns the replaced folder's name. */
export function swapIn(dataDir: string, sourceName: string, kind: SwapJournal['kind'], now: Date, onStep: (step: SwapStep) => void = () => {}): string {
  if (exists(join(dataDir, JOURNAL_NAME))) throw new BackupError('RESTORE_PENDING', 'a restore is already half-done in this folder');
  const source = join(dataDir, sourceName);
  const moveIn = CLINIC_FILES.filter((name) => exists(join(source, name)));
  if (!moveIn.includes('clinic.db') || !moveIn.includes('keyring.db')) throw new BackupError('IO', `${sourceName} does not hold a clinic`);
  const journal: SwapJournal = {
    v: 1,
    kind,
    source: sourceName,
    replaced: freeName(dataDir, `${REPLACED_PREFIX}${stampOf(now)}`),
    moveIn,
    startedAt: now.toISOString(),
  };
  try {
    writeDurably(join(dataDir, JOURNAL_NAME), JSON.stringify(journal));
    fsyncDir(dataDir);
  } catch (error) {
    rmSync(join(dataDir, `${JOURNAL_NAME}.tmp`), { force: true });
    throw backupErrorOf(error, 'data folder');
  }
  onStep('journal');
  try {
    runJournal(dataDir, journal, onStep);
  } catch (error) {
    // Still running, so not a crash: put everything back as it was, if the disk lets us.
    // If it does not, the journal stays and the next start completes the swap.
    try {
      rollBack(dataDir, journal);
    } catch (rollbackError) {
      console.error('[restore] rolling back the swap failed; the next start completes it:', (rollbackError as { code?: string }).code);
    }
    throw backupErrorOf(error, 'data folder');
  }
  return journal.replaced;
}

function runJournal(dataDir: string, journal: SwapJournal, onStep: (step: SwapStep) => void): void {
  const source = join(dataDir, journal.source);
  const replaced = join(dataDir, journal.replaced);
  if (!exists(replaced)) mkdirSync(replaced, { mode: FOLDER_MODE });
  for (const name of CLINIC_FILES) {
    const here = join(dataDir, name);
    if (!exists(here)) continue;
    const isNew = journal.moveIn.includes(name) && !exists(join(source, name));
    if (isNew) continue;
    if (exists(join(replaced, name))) throw new BackupError('IO', `${journal.replaced} already holds ${name}`);
    renameSync(here, join(replaced, name));
    onStep(`out:${name}`);
  }
  fsyncDir(replaced);
  fsyncDir(dataDir);
  for (const name of journal.moveIn) {
    if (!exists(join(source, name))) {
      if (!exists(join(dataDir, name))) throw new BackupError('IO', `${name} is neither in ${journal.source} nor in the data folder`);
      continue;
    }
    renameSync(join(source, name), join(dataDir, name));
    onStep(`in:${name}`);
  }
  fsyncDir(dataDir);
  writeDurably(
    join(replaced, 'README.txt'),
    [
      `Set aside by Clinic Case Manager on ${journal.startedAt}, when ${journal.kind === 'restore' ? 'a backup was restored' : 'a restore was undone'}.`,
      'These are the clinic files that were in use before. Nothing was deleted.',
      'To go back to them, use "undo restore" for this folder, or quit the application and move them back into the data folder.',
      '',
    ].join('\n'),
  );
  writeDurably(join(replaced, SET_ASIDE_NOTE), JSON.stringify({ v: 1, kind: journal.kind, at: journal.startedAt }));
  rmSync(join(dataDir, JOURNAL_NAME));
  fsyncDir(dataDir);
  onStep('done');
  removeSource(dataDir, journal);
}

/** The emptied source: a restore's staging folder goes; an undone `replaced-…` folder goes if only its note is left. */
function removeSource(dataDir: string, journal: SwapJournal): void {
  const source = join(dataDir, journal.source);
  try {
    if (journal.kind === 'restore') rmSync(source, { recursive: true, force: true });
    else {
      rmSync(join(source, 'README.txt'), { force: true });
      rmSync(join(source, SET_ASIDE_NOTE), { force: true });
      if (readdirSync(source).length === 0) rmdirSync(source);
    }
  } catch {
    // a leftover folder with nothing of the clinic in it
  }
}

function rollBack(dataDir: string, journal: SwapJournal): void {
  const source = join(dataDir, journal.source);
  const replaced = join(dataDir, journal.replaced);
  for (const name of journal.moveIn) {
    if (!exists(join(source, name)) && exists(join(dataDir, name))) renameSync(join(dataDir, name), join(source, name));
  }
  for (const name of CLINIC_FILES) {
    if (exists(join(replaced, name)) && !exists(join(dataDir, name))) renameSync(join(replaced, name), join(dataDir, name));
  }
  fsyncDir(dataDir);
  rmSync(join(dataDir, JOURNAL_NAME));
  fsyncDir(dataDir);
  try {
    rmSync(join(replaced, 'README.txt'), { force: true });
    rmSync(join(replaced, SET_ASIDE_NOTE), { force: true });
    rmdirSync(replaced);
  } catch {
    // not empty: something stays there, nothing is lost
  }
}

export interface RecoveryOutcome {
  /** `none`: no swap was under way. `completed`: an interrupted swap was finished. */
  state: 'none' | 'completed';
  /** The folder holding the files that were replaced, when a swap was completed. */
  replaced?: string;
  /** Work folders of killed runs that were removed. */
  removed: string[];
}

/**
 * To run at start, before the folder is opened: finishes a swap a crash interrupted (the new
 * files were verified before the journal was written, so going forward is always safe), and
 * removes what killed restores left behind (their staging folders, a journal never renamed
 * into place).
 */
export function recoverInterruptedRestore(dataDir: string): RecoveryOutcome {
  let outcome: RecoveryOutcome = { state: 'none', removed: [] };
  try {
    const journal = readJournal(dataDir);
    if (journal) {
      runJournal(dataDir, journal, () => {});
      outcome = { state: 'completed', replaced: join(dataDir, journal.replaced), removed: [] };
    }
    rmSync(join(dataDir, `${JOURNAL_NAME}.tmp`), { force: true });
  } catch (error) {
    throw backupErrorOf(error, 'data folder');
  }
  outcome.removed = removeStale(dataDir, RESTORE_STAGING_PREFIX);
  return outcome;
}
