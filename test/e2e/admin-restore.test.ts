import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { person } from '../helpers/registry-fixtures';
import { startClinic, type Clinic } from './clinic-fixture';
import { documentDir, expectAccessible, shot } from './helpers';

/**
 * Issue #13 from the interface: an administrator restores a backup over the clinic in use
 * (Arabic, then French): a wrong key is refused with nobody signed out; the right one signs
 * every window out and puts back the records of the backup's time; the clinic that went is
 * listed under "set aside" and putting it back undoes the restore.
 */
const ADMIN_PASSWORD = 'Clinique-Nador-2026!';
const LATER = 'Aïcha Après-Sauvegarde';
let clinic: Clinic;
let backupFile = '';
const drive = mkdtempSync(join(tmpdir(), 'clinic-usb-'));

beforeAll(async () => {
  clinic = await startClinic();
  await clinic.invoke('setup-admin', 'auth:login', { username: 'salma', password: ADMIN_PASSWORD });
  await clinic.invoke('setup-admin', 'backup:saveSettings', { folder: drive, keepDaily: 7, keepWeekly: 4, keepMonthly: 12, warnAfterDays: 2 });
  await clinic.invoke('setup-admin', 'backup:run', {});
  const done = () => readdirSync(drive).find((n) => /^clinic-backup-\d{8}-\d{6}\.ccmbackup$/.test(n));
  for (let i = 0; i < 600 && !done(); i++) await new Promise((r) => setTimeout(r, 100));
  if (!done()) throw new Error('the backup did not finish');
  backupFile = join(drive, done()!);
  // Work done after the backup: gone after the restore, back after the undo.
  await clinic.invoke('setup-admin', 'beneficiaries:create', person({ latinName: LATER }));
  await clinic.invoke('setup-admin', 'auth:signOut', {});
});
afterAll(async () => {
  await clinic?.preview.close();
  rmSync(drive, { recursive: true, force: true });
});

async function signIn(page: Page): Promise<void> {
  await page.getByLabel('Identifiant').fill('salma');
  await page.getByLabel('Mot de passe').fill(ADMIN_PASSWORD);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.getByRole('button', { name: 'Se déconnecter' }).waitFor();
}

async function peopleNamed(clientId: string, text: string): Promise<number> {
  const list = await clinic.invoke<{ items: { latinName: string }[] }>(clientId, 'beneficiaries:list', { limit: 50 });
  return list.items.filter((p) => p.latinName.includes(text)).length;
}

describe('restore over the clinic in use, and undo', () => {
  it('refuses a wrong key in Arabic, restores in French, signs every window out, then puts the clinic back', async () => {
    const lawyer = await clinic.signedIn('youssef');
    // The desktop build's file picker (electron/preload.ts) as the page sees it: it answers the backup's path.
    const win = await clinic.preview.openWindow({
      viewport: { width: 1280, height: 900 },
      beforeLoad: async (p) => {
        await p.addInitScript((path) => {
          Object.defineProperty(window, 'clinicDesktop', { value: Object.freeze({ chooseFolder: () => Promise.resolve(null), chooseBackupFile: () => Promise.resolve(path) }) });
        }, backupFile);
      },
    });
    await clinic.invoke(win.clientId, 'auth:login', { username: 'salma', password: ADMIN_PASSWORD });
    await win.page.reload();
    const { page } = win;
    expect(await peopleNamed(win.clientId, 'Aïcha')).toBe(1);
    await page.getByRole('banner').getByLabel('Langue').selectOption('ar');
    await page.getByRole('link', { name: 'الإدارة', exact: true }).click();
    const panel = page.getByRole('region', { name: 'استرجاع نسخة احتياطية' });
    await panel.waitFor();
    expect(await documentDir(page)).toBe('rtl');
    expect(await panel.getByLabel('النسخة الاحتياطية', { exact: true }).inputValue()).toBe('newest');
    await panel.getByLabel('مفتاح الاسترجاع').fill('ABCD-EFGH-JKMN-PQRS-TVWX-YZ01-2345-6789');
    await panel.getByLabel('اكتبوا «استبدال» للتأكيد').fill('استبدال');
    await panel.getByRole('button', { name: 'استرجاع وتسجيل خروج الجميع' }).click();
    await panel.getByText('مفتاح الاسترجاع هذا لا يفتح هذه النسخة. استعملوا المفتاح الساري وقت إنشاء النسخة.').waitFor({ timeout: 60_000 });
    await expectAccessible(page, 'restore panel ar');
    await shot(panel, 'admin-restore-ar');
    // Refused: still signed in, the lawyer too.
    expect(await peopleNamed(lawyer.clientId, 'Aïcha')).toBe(1);

    await page.getByRole('banner').getByLabel('اللغة', { exact: true }).selectOption('fr');
    const fr = page.getByRole('region', { name: 'Restaurer une sauvegarde' });
    await fr.getByLabel('Sauvegarde', { exact: true }).selectOption({ label: 'Un autre fichier (indiquer son chemin)' });
    await fr.getByRole('button', { name: 'Choisir le fichier…' }).click();
    await expect.poll(() => fr.getByLabel('Fichier de sauvegarde (chemin complet)').inputValue()).toBe(backupFile);
    await fr.getByLabel('Clé de récupération').fill(clinic.recoveryKey);
    await fr.getByLabel('Tapez REMPLACER pour confirmer').fill('remplacer');
    await shot(fr, 'admin-restore-fr');
    await fr.getByRole('button', { name: 'Restaurer et déconnecter tout le monde' }).click();
    await page.getByText(/La clinique a été restaurée depuis la sauvegarde du .+\. Connectez-vous avec votre mot de passe de ce moment-là\./).waitFor({ timeout: 60_000 });
    // The lawyer's window finds itself signed out at its next step.
    await lawyer.page.getByRole('link', { name: 'Dossiers', exact: true }).click();
    await lawyer.page.getByLabel('Identifiant').waitFor();

    await signIn(page);
    expect(await peopleNamed(win.clientId, 'Aïcha')).toBe(0);
    await page.getByRole('link', { name: 'Administration', exact: true }).click();
    const aside = page.getByRole('region', { name: 'Cliniques mises de côté' });
    await aside.getByText('Remplacée par une restauration').waitFor();
    await expectAccessible(page, 'set aside fr');
    await page.getByRole('banner').getByLabel('Langue').selectOption('ar');
    const asideAr = page.getByRole('region', { name: 'عيادات موضوعة جانبا' });
    await asideAr.getByText('استُبدلت باسترجاع').waitFor();
    await shot(asideAr, 'set-aside-ar');
    await asideAr.getByRole('button', { name: /^إرجاع هذه العيادة \(الموضوعة جانبا في/ }).click();
    const dialog = page.getByRole('dialog', { name: 'إرجاع هذه العيادة' });
    await dialog.getByText(/تعود العيادة الموضوعة جانبا في .+ إلى مكانها/).waitFor();
    await expectAccessible(page, 'put back dialog ar');
    await dialog.getByRole('button', { name: 'إرجاع هذه العيادة' }).click();
    await page.getByText(/La clinique mise de côté le .+ a été remise\./).waitFor({ timeout: 60_000 });
    await signIn(page);
    expect(await peopleNamed(win.clientId, 'Aïcha')).toBe(1);
    await lawyer.close();
    await win.close();
  });
});
