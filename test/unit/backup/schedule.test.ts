import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUTO_BACKUP_DELAY_MS } from '../../../electron/core/backups';
import { fakeClock, setUpCore, type TempCore } from '../../helpers/temp-core';

/**
 * Issue #13: at least one backup a day while the clinic is open, started by the core's own
 * sweep (its timer, its clock): not in the first seconds after the store opens, then once,
 * and not again while the day's backup is recent.
 */
const clock = fakeClock(new Date('2026-11-25T08:00:00Z'));
let t: TempCore & { recoveryKey: string };
const folder = mkdtempSync(join(tmpdir(), 'clinic-usb-'));
const backups = () => readdirSync(folder).filter((n) => n.endsWith('.ccmbackup'));

async function waitFor(check: () => boolean | Promise<boolean>, ms = 20_000): Promise<boolean> {
  for (let waited = 0; waited < ms; waited += 100) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return check();
}

beforeAll(async () => {
  t = await setUpCore({ now: clock.now, idleSweepMs: 100 });
  await t.ok('admin', 'backup:saveSettings', { folder, keepDaily: 7, keepWeekly: 4, keepMonthly: 12, warnAfterDays: 2 });
});
afterAll(async () => {
  await t?.cleanup();
  rmSync(folder, { recursive: true, force: true });
});

describe('the daily backup', () => {
  it('waits after the store opens, then backs up once by itself', async () => {
    // Within the delay after opening: the sweep runs, nothing starts.
    await new Promise((r) => setTimeout(r, 500));
    expect(backups()).toEqual([]);
    clock.advance(AUTO_BACKUP_DELAY_MS + 1000);
    expect(await waitFor(() => backups().length === 1)).toBe(true);
    // Done, and not again within the day (the sweep keeps running).
    expect(await waitFor(async () => !(await t.ok('admin', 'backup:status', {})).running)).toBe(true);
    // Minutes on, the session kept alive (a lock would start the sign-out backup instead).
    for (let i = 0; i < 3; i++) {
      clock.advance(4 * 60_000);
      await t.ok('admin', 'auth:activity', {});
      await new Promise((r) => setTimeout(r, 300));
    }
    expect(backups()).toHaveLength(1);
    const log = await t.ok('admin', 'audit:list', { category: 'administration', limit: 50 });
    const actions = log.items.map((e) => e.action);
    expect(actions.filter((a) => a === 'backup:result')).toHaveLength(1);
    expect(actions).not.toContain('backup:run');
  }, 90_000);
});
