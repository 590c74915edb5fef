import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseFor, person as basePerson } from '../helpers/registry-fixtures';
import { startPreview, type Preview, type PreviewWindow } from '../harness/preview';
import { documentDir, expectAccessible, openNewPersonForm, shot, signInFr } from './helpers';

/**
 * Issue #10, item 1: a half-filled form survives a manual lock and the idle lock in the same
 * window, the page comes back where it was, a warning with a countdown comes a minute before
 * the idle lock, and signing out forgets what was typed.
 */
const PASSWORD = 'Clinique-Tanger-2026!';
let preview: Preview;
let win: PreviewWindow;
let page: Page;

beforeAll(async () => {
  preview = await startPreview();
  const setup = await preview.core.invoke('setup', 'setup:initialize', {
    clinicName: 'Clinique juridique de Tanger',
    casePrefix: 'TNG',
    defaultLanguage: 'fr',
    admin: { fullName: 'Salma Bennani', username: 'salma', password: PASSWORD },
  });
  if (!setup.ok) throw new Error(JSON.stringify(setup.error));
  win = await preview.openWindow({ beforeLoad: (p) => p.clock.install() });
  page = win.page;
  await signInFr(page, 'salma', PASSWORD);
});
afterAll(async () => preview?.close());

async function unlock(label: string, button: string): Promise<void> {
  await page.getByLabel(label).fill(PASSWORD);
  await page.getByRole('button', { name: button }).click();
}

describe('unsaved work and the lock', () => {
  it('keeps a half-filled intake form through a manual lock, in French', async () => {
    await openNewPersonForm(page, 'Awa Diop');
    await page.getByLabel('Ville').fill('Tanger');
    await page.getByLabel('Téléphone').fill('0661 22 33 44');

    await page.getByRole('button', { name: 'Verrouiller' }).click();
    await page.getByRole('heading', { name: 'Verrouillé' }).waitFor();
    // Nothing of the record stays on the locked screen.
    expect(await page.getByText('Tanger').count()).toBe(0);
    await unlock('Mot de passe', 'Déverrouiller');
    await page.getByRole('heading', { name: 'Nouveau bénéficiaire' }).waitFor();
    expect(await page.getByLabel('Nom en caractères latins').inputValue()).toBe('Awa Diop');
    expect(await page.getByLabel('Ville').inputValue()).toBe('Tanger');
    expect(await page.getByLabel('Téléphone').inputValue()).toBe('0661 22 33 44');
  });

  it('warns a minute before the idle lock in Arabic; a key keeps the session; the lock keeps the form', async () => {
    await page.getByLabel('Langue', { exact: true }).selectOption('ar');
    await page.getByRole('heading', { name: 'مستفيد جديد' }).waitFor();
    expect(await documentDir(page)).toBe('rtl');

    await page.clock.fastForward('04:01');
    const warning = page.getByRole('dialog', { name: 'هل ما زلتم هنا؟' });
    await warning.waitFor();
    await warning.getByText(/ستُقفل الشاشة بعد (59|60) ث/).waitFor();
    await expectAccessible(page, 'idle warning ar');
    await shot(page, 'idle-warning-ar');
    await page.keyboard.press('Shift');
    await warning.waitFor({ state: 'hidden' });

    // Nothing pressed this time: the warning, then the lock.
    await page.clock.fastForward('04:01');
    await warning.waitFor();
    await page.clock.fastForward('01:00');
    await page.getByRole('heading', { name: 'مقفل' }).waitFor();
    await unlock('كلمة المرور', 'فتح القفل');
    await page.getByRole('heading', { name: 'مستفيد جديد' }).waitFor();
    expect(await page.getByLabel('المدينة').inputValue()).toBe('Tanger');
    await shot(page, 'form-after-idle-lock-ar');
  });

  it('keeps an open case edit through a lock, on its case page', async () => {
    const person = await preview.core.invoke(win.clientId, 'beneficiaries:create', basePerson({ latinName: 'Moussa Kone', legalStatus: 'irregular' }));
    if (!person.ok) throw new Error(JSON.stringify(person.error));
    const created = await preview.core.invoke(win.clientId, 'cases:create', caseFor((person.value as { id: number }).id));
    if (!created.ok) throw new Error(JSON.stringify(created.error));
    const caseId = (created.value as { id: number }).id;
    await page.evaluate((id) => (window.location.hash = `#/cases/${id}`), caseId);
    await page.getByRole('button', { name: 'تعديل الملف' }).click();
    await page.getByLabel('ملخص الوقائع').fill('أوقف في طنجة، قرار ترحيل بلغ له يوم الإثنين.');
    await page.getByRole('button', { name: 'قفل' }).click();
    await unlock('كلمة المرور', 'فتح القفل');
    expect(await page.getByLabel('ملخص الوقائع').inputValue()).toBe('أوقف في طنجة، قرار ترحيل بلغ له يوم الإثنين.');
    expect(await page.evaluate(() => window.location.hash)).toBe(`#/cases/${caseId}`);
  });

  it('forgets the form on sign-out', async () => {
    await page.getByRole('button', { name: 'تسجيل الخروج' }).click();
    // The sign-in screen speaks the clinic's default language; the account's own is Arabic now.
    await page.getByLabel('Identifiant').fill('salma');
    await page.getByLabel('Mot de passe').fill(PASSWORD);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.getByRole('link', { name: 'المستفيدون' }).click();
    await page.getByRole('link', { name: 'تسجيل شخص' }).click();
    expect(await page.getByLabel('الاسم أو الهاتف أو رقم الوثيقة').inputValue()).toBe('');
  });
});
