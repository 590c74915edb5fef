/**
 * The clinics a restore (or an undo) set aside in `replaced-…` folders of the data folder,
 * as the Administration screen lists them to put one back.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { CLINIC_FILES } from '../data-folder';
import { exists } from './files';
import { REPLACED_PREFIX, SET_ASIDE_NOTE } from './swap-journal';

export interface SetAsideClinic {
  /** The folder's name inside the data folder (`replaced-20261203-101500`). */
  name: string;
  /** When it was set aside. */
  at: string;
  /** Set aside by a restore, or by undoing one; null when its note is missing. */
  kind: 'restore' | 'undo' | null;
  bytes: number;
}

const noteSchema = z.object({ v: z.literal(1), kind: z.enum(['restore', 'undo']), at: z.iso.datetime() });

/** `replaced-20261203-101500[-2]` → its UTC time, for a folder whose note was lost. */
function stampTime(name: string): string | null {
  const m = /^replaced-(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})/.exec(name);
  return m ? `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}.000Z` : null;
}

function readNote(folder: string): z.infer<typeof noteSchema> | null {
  try {
    const parsed = noteSchema.safeParse(JSON.parse(readFileSync(join(folder, SET_ASIDE_NOTE), 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Newest first; only folders that still hold a whole clinic (a store and its keyring). */
export function listSetAside(dataDir: string): SetAsideClinic[] {
  let names: string[];
  try {
    names = readdirSync(dataDir).filter((n) => n.startsWith(REPLACED_PREFIX));
  } catch {
    return [];
  }
  const found: SetAsideClinic[] = [];
  for (const name of names) {
    const folder = join(dataDir, name);
    if (!exists(join(folder, 'clinic.db')) || !exists(join(folder, 'keyring.db'))) continue;
    const note = readNote(folder);
    const at = note?.at ?? stampTime(name);
    if (!at) continue;
    let bytes = 0;
    for (const file of CLINIC_FILES) {
      try {
        bytes += statSync(join(folder, file)).size;
      } catch {
        // not every clinic file exists (-wal, -shm)
      }
    }
    found.push({ name, at, kind: note?.kind ?? null, bytes });
  }
  return found.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : b.name.localeCompare(a.name)));
}
