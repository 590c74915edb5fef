/**
 * Backups (issue #13): the rules the screen and the core share, with no Node import.
 */

/** How many backups rotation keeps, per day / ISO week / month, and when the status warns. */
export const BACKUP_KEEP = { min: 1, max: 60 } as const;
export const BACKUP_WARN_DAYS = { min: 1, max: 30, default: 2 } as const;
export const BACKUP_DEFAULTS = { folder: '', keepDaily: 7, keepWeekly: 4, keepMonthly: 12, warnAfterDays: BACKUP_WARN_DAYS.default } as const;

/**
 * Folder names of sync clients (compared without case, spaces and dashes). A backup in such a
 * folder is sent to a provider's servers: the file is encrypted, but it then sits with a
 * third party under the clinic's account there, where a deletion or a "restore previous
 * version" on another machine also reaches it. Flagged, not refused: a clinic may choose it.
 */
const CLOUD_SEGMENTS = ['onedrive', 'dropbox', 'googledrive', 'mydrive', 'iclouddrive', 'comappleclouddocs', 'mobiledocuments', 'nextcloud', 'pcloud', 'pclouddrive', 'mega', 'megasync', 'boxsync', 'box'];
/** "OneDrive - Clinique", "Dropbox (Équipe)": business accounts add the organisation's name. */
const CLOUD_PREFIXES = ['onedrive', 'dropbox', 'googledrive', 'nextcloud', 'pcloud'];

function squash(segment: string): string {
  return segment.toLowerCase().replace(/[\s\-_~.]+/g, '');
}

/** Whether a folder path has a segment that looks like a cloud sync folder (Windows or POSIX separators). */
export function looksLikeCloudFolder(folder: string): boolean {
  return folder
    .split(/[\\/]+/)
    .filter((s) => s !== '')
    .some((segment) => {
      const plain = squash(segment);
      if (CLOUD_SEGMENTS.includes(plain)) return true;
      const head = squash(segment.split(/\s[-(]/)[0] ?? '');
      return segment !== head && CLOUD_PREFIXES.includes(head);
    });
}
