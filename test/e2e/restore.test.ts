import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPreview, type Preview } from '../harness/preview';
import { startClinic, type Clinic } from './clinic-fixture';
import { documentDir, expectAccessible, shot } from './helpers';

/**
 * Issue #13 from the interface: a clinic backed up on one computer is put back on another
 * (an empty data folder) from the first-run screen with its recovery key; a wrong key is
 * refused under its field; the administrator then signs in with the password of that time.
 */
let source: Clinic;
let target: Preview;
const drive = mkdtempSync(join(tmpdir(), 'clinic-usb-'));
let file = '';

beforeAll(async () => {
  source = await startClinic();
  await source.invoke('admin', 'auth:login', { username: 'salma', password: 'Clinique-Nador-2026!' });
  await source.invoke('admin', 'backup:saveSettings', { folder: drive, keepDaily: 7, keepWeekly: 4, keepMonthly: 12, warnAfterDays: 2 });
  await source.invoke('admin', 'backup:run', {});
  // The backup runs in the core's background: wait for its file under its final name (the
  // partial one beside it is not a backup yet).
  const done = () => readdirSync(drive).find((n) => /^clinic-backup-\d{8}-\d{6}\.ccmbackup$/.test(n));
  for (let i = 0; i < 600 && !done(); i++) await new Promise((r) => setTimeout(r, 100));
  file = join(drive, done()!);
  target = await startPreview();
});
afterAll(async () => {
  await source?.preview.close();
  await target?.close();
  rmSync(drive, { recursive: true, force: true });
});

describe('restore from the first-run screen', () => {
  it('refuses a wrong key under its field, then restores with the right one and signs in', async () => {
    const win = await target.openWindow({ viewport: { width: 1280, height: 900 } });
    const { page } = win;
    await page.getByRole('button', { name: 'Ou remettre une clinique depuis une sauvegarde' }).click();
    await page.getByLabel('Langue').selectOption('ar');
    await page.getByRole('heading', { name: 'الاسترجاع من نسخة احتياطية' }).waitFor();
    expect(await documentDir(page)).toBe('rtl');
    await page.getByLabel('ملف النسخة الاحتياطية (المسار الكامل)').fill(file);
    await page.getByLabel('مفتاح الاسترجاع').fill('ABCD-EFGH-JKMN-PQRS-TVWX-YZ01-2345-6789');
    await page.getByRole('button', { name: 'استرجاع', exact: true }).click();
    await page.getByText('مفتاح الاسترجاع هذا لا يفتح هذه النسخة. استعملوا المفتاح الساري وقت إنشاء النسخة.').waitFor();
    expect(await page.getByLabel('ملف النسخة الاحتياطية (المسار الكامل)').inputValue()).toBe(file);
    await expectAccessible(page, 'restore ar');
    await shot(page, 'restore-ar');

    await page.getByLabel('اللغة', { exact: true }).selectOption('fr');
    await page.getByLabel('Clé de récupération').fill(source.recoveryKey);
    await page.getByRole('button', { name: 'Restaurer', exact: true }).click();
    await page.getByText(/La clinique a été restaurée depuis la sauvegarde du .+\. Connectez-vous avec votre mot de passe de ce moment-là\./).waitFor({ timeout: 60_000 });
    await expectAccessible(page, 'restored sign-in fr');
    await shot(page, 'restored-login-fr');
    await page.getByLabel('Identifiant').fill('salma');
    await page.getByLabel('Mot de passe').fill('Clinique-Nador-2026!');
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.getByRole('heading', { name: 'Tableau de bord' }).waitFor();
    await page.getByRole('link', { name: 'Dossiers', exact: true }).click();
    await page.getByText(source.reference).first().waitFor();
    await win.close();
  });
});
