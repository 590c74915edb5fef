import { describe, expect, it } from 'vitest';
import { backupStamp, backupsToDelete, isoWeekKey } from '../../../electron/core/backup/rotation';
import { looksLikeCloudFolder } from '../../../shared/domain/backup';

const name = (iso: string, seq = '') => `clinic-backup-${iso.replace(/[-:]/g, '').replace('T', '-').slice(0, 15)}${seq}.ccmbackup`;
const NOW = new Date('2026-11-25T12:00:00Z');

describe('backup rotation (pure, injected clock)', () => {
  it('reads the stamp of backup names only', () => {
    expect(backupStamp('clinic-backup-20261125-101112.ccmbackup')?.toISOString()).toBe('2026-11-25T10:11:12.000Z');
    expect(backupStamp('clinic-backup-20261125-101112-2.ccmbackup')?.toISOString()).toBe('2026-11-25T10:11:12.000Z');
    for (const other of ['clinic-backup-20261332-101112.ccmbackup', 'clinic-backup-123-abc.ccmbackup.partial', 'notes.txt', 'clinic-backup-20261125-101112.ccmbackup.bak']) expect(backupStamp(other), other).toBeNull();
    expect(isoWeekKey(new Date('2021-01-03T12:00:00Z'))).toBe('2020-W53');
    expect(isoWeekKey(new Date('2026-11-23T00:00:00Z'))).toBe('2026-W48');
  });

  it('keeps the newest per day, per ISO week and per month, and deletes the rest', () => {
    const files = [
      name('2026-11-25T10:00:00'),
      name('2026-11-25T08:00:00'), // same day, older
      name('2026-11-24T10:00:00'),
      name('2026-11-23T10:00:00'), // Monday of week 48
      name('2026-11-20T10:00:00'), // week 47
      name('2026-11-13T10:00:00'), // week 46
      name('2026-10-30T10:00:00'), // October
      name('2026-09-30T10:00:00'), // September
      'notes.txt',
      'clinic-backup-4242-abcdef.ccmbackup.partial',
    ];
    const deleted = backupsToDelete(files, { daily: 2, weekly: 2, monthly: 2 }, NOW);
    // daily: 25 (10:00), 24; weekly: W48 → 25, W47 → 20; monthly: Nov → 25, Oct → 30.
    expect(deleted).toEqual([name('2026-09-30T10:00:00'), name('2026-11-13T10:00:00'), name('2026-11-23T10:00:00'), name('2026-11-25T08:00:00')]);
  });

  it('never deletes the newest, a file stamped after now, or anything not named as a backup', () => {
    expect(backupsToDelete([name('2026-11-25T10:00:00')], { daily: 1, weekly: 1, monthly: 1 }, NOW)).toEqual([]);
    const future = name('2027-01-01T00:00:00');
    const files = [future, name('2026-11-25T10:00:00'), name('2026-11-25T10:00:00', '-2'), 'Clinic-Backup-20261101-000000.ccmbackup'];
    expect(backupsToDelete(files, { daily: 1, weekly: 1, monthly: 1 }, NOW)).toEqual([name('2026-11-25T10:00:00')]);
  });

  it('counts days that have a backup, not calendar days: a long pause deletes nothing extra', () => {
    const files = [name('2026-06-01T10:00:00'), name('2026-06-02T10:00:00'), name('2026-06-03T10:00:00')];
    expect(backupsToDelete(files, { daily: 3, weekly: 1, monthly: 1 }, NOW)).toEqual([]);
  });

  it('flags cloud sync folders by their path segments', () => {
    for (const folder of ['C:\\Users\\salma\\OneDrive\\Sauvegardes', 'C:\\Users\\salma\\OneDrive - Clinique\\x', '/Users/s/Dropbox/b', '/Users/s/Google Drive/b', 'G:\\GoogleDrive', '/Users/s/Library/Mobile Documents/com~apple~CloudDocs/b', '/home/s/Nextcloud', '/home/s/pCloud Drive', '/home/s/MEGA', '/Users/s/Box Sync', 'C:\\iCloud Drive\\b']) {
      expect(looksLikeCloudFolder(folder), folder).toBe(true);
    }
    for (const folder of ['', '/media/usb/sauvegardes', 'E:\\Sauvegardes', '/home/s/megaphone', '/srv/boxes']) expect(looksLikeCloudFolder(folder), folder).toBe(false);
  });
});
