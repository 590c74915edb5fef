import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PreviewWindow } from '../harness/preview';
import { startClinic, type Clinic } from './clinic-fixture';
import { documentDir, expectAccessible, shot } from './helpers';

/**
 * Issue #13 from the interface: the administrator's home says the clinic has no backup; in
 * Administration a relative folder is refused, a USB-like folder is saved, a backup is made
 * and shown; a folder synchronised with OneDrive is flagged; the panel in Arabic.
 */
let clinic: Clinic;
let win: PreviewWindow;
const drive = mkdtempSync(join(tmpdir(), 'clinic-usb-'));

beforeAll(async () => {
  clinic = await startClinic();
  win = await clinic.preview.openWindow({ viewport: { width: 1280, height: 900 } });
  await clinic.invoke(win.clientId, 'auth:login', { username: 'salma', password: 'Clinique-Nador-2026!' });
  await win.page.reload();
});
afterAll(async () => {
  await clinic?.preview.close();
  rmSync(drive, { recursive: true, force: true });
});

describe('backups from Administration', () => {
  it('warns on the home page, refuses a relative folder, saves a drive, backs up now and shows it', async () => {
    const { page } = win;
    const home = page.getByRole('region', { name: 'Sauvegardes' });
    await home.getByText('Aucune sauvegarde n’a encore été faite : la clinique n’est pas protégée.').waitFor();
    await home.getByRole('link', { name: 'Gérer les sauvegardes' }).click();
    const panel = page.getByRole('region', { name: 'Sauvegardes' });
    expect(await panel.getByRole('button', { name: 'Sauvegarder maintenant' }).isDisabled()).toBe(true);
    const folder = panel.getByLabel('Dossier de sauvegarde');
    await folder.fill('sauvegardes');
    await panel.getByRole('button', { name: 'Enregistrer' }).click();
    await panel.getByText('Veuillez corriger les champs signalés.').waitFor();
    expect(await folder.getAttribute('aria-invalid')).toBe('true');
    expect(await folder.inputValue()).toBe('sauvegardes');

    await folder.fill(drive);
    await panel.getByRole('button', { name: 'Enregistrer' }).click();
    await panel.getByText('Réglages des sauvegardes enregistrés.').waitFor();
    await panel.getByRole('button', { name: 'Sauvegarder maintenant' }).click();
    await panel.getByText('Dernière sauvegarde', { exact: true }).waitFor({ timeout: 60_000 });
    const files = readdirSync(drive);
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/^clinic-backup-\d{8}-\d{6}\.ccmbackup$/);
    expect(await panel.textContent()).toContain(files[0]);
    expect(await panel.textContent()).not.toContain('Aucune sauvegarde');
    await expectAccessible(page, 'backups fr');
    await shot(panel, 'backups-fr');
  });

  it('flags a folder synchronised with an online service, and reads in Arabic', async () => {
    const { page } = win;
    const cloud = join(drive, 'OneDrive - Clinique', 'Sauvegardes');
    mkdirSync(cloud, { recursive: true });
    const panel = page.getByRole('region', { name: 'Sauvegardes' });
    await panel.getByLabel('Dossier de sauvegarde').fill(cloud);
    await panel.getByRole('button', { name: 'Enregistrer' }).click();
    await panel.getByText(/semble synchronisé avec un service en ligne/).first().waitFor();
    await page.getByRole('banner').getByLabel('Langue').selectOption('ar');
    const ar = page.getByRole('region', { name: 'النسخ الاحتياطية' });
    await ar.getByRole('button', { name: 'إنشاء نسخة احتياطية الآن' }).waitFor();
    expect(await documentDir(page)).toBe('rtl');
    await expectAccessible(page, 'backups ar');
    await shot(ar, 'backups-ar');
  });

  it('sets a backup passphrase in Arabic: two that differ are refused, then it is set and can be removed', async () => {
    const { page } = win;
    const ar = page.getByRole('region', { name: 'النسخ الاحتياطية' });
    await ar.getByText('لا توجد عبارة مرور: تُفتح النسخ الاحتياطية بمفتاح الاسترجاع فقط.').waitFor();
    await ar.getByLabel('عبارة مرور جديدة').fill('Phrase-Sauvegarde-Nador-2026!');
    await ar.getByLabel('العبارة نفسها مرة أخرى').fill('Phrase-Sauvegarde-Nador-2027!');
    await ar.getByRole('button', { name: 'تحديد عبارة المرور' }).click();
    await ar.getByText('عبارتا المرور غير متطابقتين.').waitFor();
    await ar.getByLabel('العبارة نفسها مرة أخرى').fill('Phrase-Sauvegarde-Nador-2026!');
    await ar.getByRole('button', { name: 'تحديد عبارة المرور' }).click();
    await ar.getByText('حُددت عبارة المرور: ستفتح النسخ القادمة.').waitFor();
    await ar.getByText(/^عبارة مرور محددة منذ/).waitFor();
    expect(await ar.getByLabel('عبارة مرور جديدة').inputValue()).toBe('');
    await expectAccessible(page, 'backup passphrase ar');
    await shot(ar, 'backup-passphrase-ar');
    const settings = await clinic.invoke<{ passphraseSetAt: string | null }>(win.clientId, 'backup:settings', {});
    expect(typeof settings.passphraseSetAt).toBe('string');
    await ar.getByRole('button', { name: 'إزالة عبارة المرور' }).click();
    await ar.getByText('أُزيلت عبارة المرور: ستُفتح النسخ القادمة بمفتاح الاسترجاع فقط.').waitFor();
  });
});
