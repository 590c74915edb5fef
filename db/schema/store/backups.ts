/** One backup attempt (migration 0013). `file_name`, `bytes`, `sha256` only when it succeeded. */
export interface BackupsTable {
  id: string;
  trigger: 'administrator' | 'schedule' | 'signOut';
  started_at: string;
  finished_at: string;
  file_name: string | null;
  folder: string;
  bytes: number | null;
  sha256: string | null;
  outcome: 'ok' | 'failed';
  error_code: string | null;
}
