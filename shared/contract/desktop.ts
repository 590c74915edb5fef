/**
 * What only the desktop build offers beside the core's contract: the system's own pickers
 * for a folder or a backup file (the browser preview has none; the path is typed there).
 * They return a path the person chose, or null; the path then goes to the core through the
 * ordinary channels, which check it as if it had been typed.
 */
export const DESKTOP_CHANNELS = { chooseFolder: 'desktop:chooseFolder', chooseBackupFile: 'desktop:chooseBackupFile' } as const;

export interface ClinicDesktop {
  chooseFolder(): Promise<string | null>;
  chooseBackupFile(): Promise<string | null>;
}
