/**
 * Which old backups to delete (issue #13). Pure: names, keep counts and the clock in, names
 * out; the caller deletes. Grandfather-father-son, counted the way restic counts: the newest
 * backup of each of the last `daily` days *that have a backup*, of the last `weekly` ISO
 * weeks that have one, and of the last `monthly` months that have one, are kept. Counting
 * days with a backup (not calendar days) means a clinic closed for a month comes back to its
 * backups, not to an emptied folder.
 *
 * Safety rules, whatever the counts:
 * - only names `clinic-backup-YYYYMMDD-HHMMSS.ccmbackup` (or `-N` before the extension, as
 *   writeBackup names a second file in the same second) are ever returned; anything else in
 *   the folder (a user's own files, partial files, a renamed backup) is never touched;
 * - the newest backup is always kept;
 * - a name stamped after `now` (a clock that was wrong) is kept and not counted: deleting on
 *   the word of a wrong clock could remove the only good backups.
 */
const NAME = /^clinic-backup-(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})(?:-(\d{1,6}))?\.ccmbackup$/;

export interface KeepCounts {
  daily: number;
  weekly: number;
  monthly: number;
}

interface Stamped {
  name: string;
  ms: number;
  /** The `-N` suffix: later files of the same second sort after. */
  seq: number;
}

/** The UTC time a backup's name carries, or null if the name is not a backup's. */
export function backupStamp(name: string): Date | null {
  const m = NAME.exec(name);
  if (!m) return null;
  const [y, mo, d, h, mi, s] = m.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  const date = new Date(Date.UTC(y, mo - 1, d, h, mi, s));
  // 20261331 is not a date: Date.UTC would roll it over into another one.
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d || date.getUTCHours() !== h || date.getUTCMinutes() !== mi || date.getUTCSeconds() !== s) return null;
  return date;
}

const dayKey = (d: Date) => d.toISOString().slice(0, 10);
const monthKey = (d: Date) => d.toISOString().slice(0, 7);

/** ISO 8601 week, as "YYYY-Www" of its week-numbering year (UTC). */
export function isoWeekKey(d: Date): string {
  const t = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
  const weekday = t.getUTCDay() || 7; // Monday 1 … Sunday 7
  t.setUTCDate(t.getUTCDate() + 4 - weekday); // the Thursday of this week decides the year
  const yearStart = Date.UTC(t.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((t.getTime() - yearStart) / 86_400_000 + 1) / 7);
  return `${t.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

/** The names to delete, oldest first. */
export function backupsToDelete(names: readonly string[], keep: KeepCounts, now: Date): string[] {
  const stamped: Stamped[] = [];
  for (const name of names) {
    const at = backupStamp(name);
    if (!at || at.getTime() > now.getTime()) continue;
    stamped.push({ name, ms: at.getTime(), seq: Number(NAME.exec(name)?.[7] ?? 1) });
  }
  // Newest first.
  stamped.sort((a, b) => b.ms - a.ms || b.seq - a.seq);
  const kept = new Set<string>();
  if (stamped[0]) kept.add(stamped[0].name);
  const keepNewestPer = (bucket: (d: Date) => string, count: number) => {
    const seen = new Set<string>();
    for (const file of stamped) {
      const key = bucket(new Date(file.ms));
      if (seen.has(key)) continue;
      if (seen.size >= count) break;
      seen.add(key);
      kept.add(file.name); // the first met of each bucket is its newest
    }
  };
  keepNewestPer(dayKey, keep.daily);
  keepNewestPer(isoWeekKey, keep.weekly);
  keepNewestPer(monthKey, keep.monthly);
  return stamped
    .filter((f) => !kept.has(f.name))
    .reverse()
    .map((f) => f.name);
}
