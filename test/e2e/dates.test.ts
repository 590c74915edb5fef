import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPreview, type Preview } from '../harness/preview';
import { person } from '../helpers/registry-fixtures';
import { dateShown, expectAccessible, openNewPersonForm, shot, signInFr, typeDate } from './helpers';

/**
 * Issue #10, item 3, end to end: a birth date in the future is refused under its field, in
 * French and Arabic, keeping what was typed; an expired paper is flagged on the person's page.
 */
const PASSWORD = 'Clinique-Agadir-2026!';
let preview: Preview;
let page: Page;
let expiredId: number;

beforeAll(async () => {
  preview = await startPreview();
  const setup = await preview.core.invoke('setup', 'setup:initialize', {
    clinicName: 'Clinique juridique d’Agadir',
    casePrefix: 'AGA',
    defaultLanguage: 'fr',
    admin: { fullName: 'Salma Bennani', username: 'salma', password: PASSWORD },
  });
  if (!setup.ok) throw new Error(JSON.stringify(setup.error));
  const created = await preview.core.invoke('setup', 'beneficiaries:create', person({
    latinName: 'Ibrahim Sow',
    legalStatus: 'asylum_seeker',
    documents: [{ type: 'unhcr_certificate', number: 'MAR-21C00042', expiry: '2021-03-01' }],
  }));
  if (!created.ok) throw new Error(JSON.stringify(created.error));
  expiredId = (created.value as { id: number }).id;
  await preview.core.invoke('setup', 'auth:signOut', {});
  ({ page } = await preview.openWindow());
  await signInFr(page, 'salma', PASSWORD);
});
afterAll(async () => preview?.close());

describe('dates', () => {
  it('refuses a birth date in the future under its field, in French then Arabic', async () => {
    await openNewPersonForm(page, 'Mariam Traoré');
    await page.getByLabel('Sexe').selectOption({ label: 'Femme' });
    await typeDate(page, 'Date de naissance', '12/04/2031');
    await page.getByLabel('Situation administrative').selectOption({ label: 'Demandeur·se d’asile' });
    await page.getByRole('checkbox', { name: 'La personne accepte que la clinique conserve ses données pour suivre sa demande.' }).check();
    await page.getByRole('button', { name: 'Enregistrer la personne' }).click();
    await page.getByText('Cette date est dans le futur : elle ne peut pas l’être.').waitFor();
    expect(await page.getByLabel('Nom en caractères latins').inputValue()).toBe('Mariam Traoré');
    expect(await dateShown(page, 'Date de naissance')).toBe('12/04/2031');

    await page.getByLabel('Langue', { exact: true }).selectOption('ar');
    await page.getByRole('button', { name: 'تسجيل الشخص' }).click();
    await page.getByText('هذا التاريخ في المستقبل، ولا يمكن أن يكون كذلك.').waitFor();
    await expectAccessible(page, 'future date ar');
    await shot(page, 'future-birth-date-ar');
  });

  it('takes and shows a date day first in French and Arabic: 02/12 is 2 December', async () => {
    await page.getByLabel('اللغة', { exact: true }).selectOption('fr');
    await page.getByRole('button', { name: 'Annuler' }).click();
    await openNewPersonForm(page, 'Aminata Diarra');
    await typeDate(page, 'Date de naissance', '02/12/1990');
    expect(await dateShown(page, 'Date de naissance')).toBe('02/12/1990');
    await page.getByLabel('Langue', { exact: true }).selectOption('ar');
    expect(await dateShown(page, 'تاريخ الازدياد')).toBe('02/12/1990');
    await shot(page, 'date-day-first-ar');
    await page.getByLabel('اللغة', { exact: true }).selectOption('fr');
    await page.getByLabel('Sexe').selectOption({ label: 'Femme' });
    await page.getByLabel('Situation administrative').selectOption({ label: 'Demandeur·se d’asile' });
    await page.getByRole('checkbox', { name: 'La personne accepte que la clinique conserve ses données pour suivre sa demande.' }).check();
    await page.getByRole('button', { name: 'Enregistrer la personne' }).click();
    // The person's page names the month: the date was read as 2 December, not 12 February.
    await page.getByText('2 déc. 1990').waitFor();
  });

  it('flags an expired UNHCR certificate on the person’s page', async () => {
    await page.evaluate((id) => (window.location.hash = `#/beneficiaries/${id}`), expiredId);
    await page.getByRole('cell', { name: /Expiré/ }).waitFor();
    await shot(page, 'expired-document-fr');
    await page.getByLabel('Langue', { exact: true }).selectOption('ar');
    await page.getByRole('cell', { name: /منتهية الصلاحية/ }).waitFor();
  });
});
