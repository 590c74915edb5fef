import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPreview, type Preview, type PreviewWindow } from '../harness/preview';
import { caseFor, person } from '../helpers/registry-fixtures';
import { coreCall, expectAccessible, shot } from './helpers';

/**
 * Issue #12 from the interface: a lawyer records an activity on their case in French, a form
 * error keeps what was typed, an edit keeps the earlier version, and the same timeline reads in
 * Arabic, right to left.
 */
const PASSWORD = 'Clinique-Oujda-2026!';
const LAWYER_PASSWORD = 'Avocat-Oujda-2026!';
let preview: Preview;
let win: PreviewWindow;
let caseId = 0;

const invoke = <T = unknown>(client: string, channel: string, input: unknown) => coreCall<T>(preview, client, channel, input);

beforeAll(async () => {
  preview = await startPreview();
  await invoke('setup', 'setup:initialize', {
    clinicName: 'Clinique juridique d’Oujda',
    casePrefix: 'OUJ',
    defaultLanguage: 'fr',
    admin: { fullName: 'Salma Bennani', username: 'salma', password: PASSWORD },
  });
  const initial = 'Premier-Acces-2026!';
  const lawyer = await invoke<{ id: number }>('setup', 'accounts:create', { username: 'youssef', fullName: 'Youssef Lamrani', role: 'lawyer', language: 'fr', password: initial });
  const p = await invoke<{ id: number }>('setup', 'beneficiaries:create', person({ latinName: 'Moussa Kone' }));
  caseId = (await invoke<{ id: number }>('setup', 'cases:create', caseFor(p.id, { intakeDate: '2026-11-30', assignedLawyerId: lawyer.id }))).id;
  await invoke('setup', 'auth:signOut', {});
  win = await preview.openWindow();
  await invoke(win.clientId, 'auth:login', { username: 'youssef', password: initial });
  await invoke(win.clientId, 'auth:changePassword', { currentPassword: initial, newPassword: LAWYER_PASSWORD });
  await win.page.setViewportSize({ width: 1280, height: 900 });
  await win.page.reload();
});
afterAll(async () => preview?.close());

describe('activities on the case page', () => {
  it('records an accompaniment in French; a form error keeps what was typed', async () => {
    const { page } = win;
    await page.evaluate((id) => (window.location.hash = `#/cases/${id}`), caseId);
    await page.getByRole('heading', { name: 'Suivi' }).waitFor();
    await page.getByText('Aucune activité notée pour ce dossier.').waitFor();
    await page.getByRole('button', { name: 'Noter une activité' }).click();
    const dialog = page.getByRole('dialog', { name: 'Nouvelle activité' });
    await dialog.getByLabel('Type d’activité').selectOption('accompaniment');
    await dialog.getByLabel('Accompagnement vers').selectOption('court');
    await dialog.getByRole('group', { name: 'Date', exact: true }).getByRole('spinbutton').first().click();
    await page.keyboard.type('01122026');
    await dialog.getByRole('group', { name: 'Heure', exact: true }).getByRole('spinbutton').first().click();
    await page.keyboard.type('0930');
    await dialog.getByLabel('Durée (minutes)').fill('90');
    await dialog.getByLabel('Langue de l’entretien').selectOption('ar');
    await dialog.getByLabel('Avec interprète').check();
    await dialog.getByLabel('Prochaine action').fill('Déposer le recours');
    // No notes yet: refused, and nothing typed is lost.
    await dialog.getByRole('button', { name: 'Enregistrer' }).click();
    await dialog.getByText('Ce champ est obligatoire.').waitFor();
    expect(await dialog.getByLabel('Durée (minutes)').inputValue()).toBe('90');
    expect(await dialog.getByLabel('Prochaine action').inputValue()).toBe('Déposer le recours');
    await dialog.getByLabel('Notes').fill('Accompagnement au tribunal administratif d’Oujda ; M. حسام هاب a reçu la notification (loi 02-03).');
    await expectAccessible(page, 'activity form fr');
    await shot(page, 'activity-form-fr');
    await dialog.getByRole('button', { name: 'Enregistrer' }).click();
    await page.getByText('Activité enregistrée.').waitFor();
    const item = page.locator('.timeline > li').first();
    await item.getByRole('heading', { name: 'Accompagnement — Tribunal' }).waitFor();
    await expect.poll(() => item.textContent()).toContain('90 min');
    expect(await item.textContent()).toContain('Interprète');
    expect(await item.textContent()).toContain('Prochaine action : ');
    await expectAccessible(page, 'case follow-up fr');
    await shot(page, 'activities-fr');
  });

  it('keeps the earlier text when the activity is edited, and shows its versions', async () => {
    const { page } = win;
    await page.locator('.timeline > li').first().getByRole('button', { name: 'Modifier' }).click();
    const dialog = page.getByRole('dialog', { name: 'Modifier l’activité' });
    await dialog.getByLabel('Notes').fill('Accompagnement au tribunal administratif d’Oujda ; notification remise en main propre.');
    await dialog.getByRole('button', { name: 'Enregistrer' }).click();
    await page.getByText('Activité modifiée ; la version précédente est conservée.').waitFor();
    await page.getByRole('button', { name: 'Versions précédentes' }).click();
    const versions = page.getByRole('dialog', { name: 'Versions de l’activité' });
    await versions.getByText(/Version 1, écrite le/).waitFor();
    expect(await versions.textContent()).toContain('(loi 02-03)');
    expect(await versions.textContent()).toContain('remise en main propre');
    await expectAccessible(page, 'activity versions fr');
    await versions.getByRole('button', { name: 'Fermer' }).click();
  });

  it('reads the same timeline in Arabic, right to left, and filters by kind', async () => {
    const { page } = win;
    await invoke(win.clientId, 'auth:setLanguage', { language: 'ar' });
    await page.reload();
    await page.getByRole('heading', { name: 'المتابعة' }).waitFor();
    await page.locator('.timeline > li').first().getByRole('heading', { name: 'مرافقة — المحكمة' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    // Moroccan month name, and the French note keeps its own direction inside the Arabic page.
    expect(await page.locator('.timeline time').first().textContent()).toContain('دجنبر');
    expect(await page.locator('.activity-notes p').first().evaluate((p) => getComputedStyle(p).direction)).toBe('ltr');
    await page.getByLabel('عرض').selectOption('call');
    await page.getByText('لا يوجد نشاط من هذا النوع.').waitFor();
    await page.getByLabel('عرض').selectOption('');
    await page.locator('.timeline > li').first().waitFor();
    await expectAccessible(page, 'case follow-up ar');
    await shot(page, 'activities-ar');
    await page.getByRole('button', { name: 'تسجيل نشاط' }).click();
    await page.getByRole('dialog', { name: 'نشاط جديد' }).waitFor();
    await expectAccessible(page, 'activity form ar');
    await shot(page, 'activity-form-ar');
  });
});
