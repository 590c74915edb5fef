import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPreview, type Preview } from '../harness/preview';
import { person } from '../helpers/registry-fixtures';
import { expectAccessible, openNewPersonForm, shot, signInFr } from './helpers';

/**
 * Issue #10, item 4, end to end: every error at once with the first one focused, required
 * fields marked, "choose one" for an empty choice, a length limit that says itself with a
 * counter, and a long unbroken name that wraps instead of widening the page.
 */
const PASSWORD = 'Clinique-Tanger-2026!';
const LONG_NAME = 'Abdelrahmanmohamedibrahimalhassanabdelkarimalmansourielidrissiabdallah';
let preview: Preview;
let page: Page;
let personId: number;

beforeAll(async () => {
  preview = await startPreview();
  const setup = await preview.core.invoke('setup', 'setup:initialize', {
    clinicName: 'Clinique juridique de Tanger',
    casePrefix: 'TNG',
    defaultLanguage: 'fr',
    admin: { fullName: 'Salma Bennani', username: 'salma', password: PASSWORD },
  });
  if (!setup.ok) throw new Error(JSON.stringify(setup.error));
  const created = await preview.core.invoke('setup', 'beneficiaries:create', person({ latinName: LONG_NAME, arabicName: '' }));
  if (!created.ok) throw new Error(JSON.stringify(created.error));
  personId = (created.value as { id: number }).id;
  await preview.core.invoke('setup', 'auth:signOut', {});
  ({ page } = await preview.openWindow());
  await page.setViewportSize({ width: 1280, height: 800 });
  await signInFr(page, 'salma', PASSWORD);
});
afterAll(async () => preview?.close());

const focusedName = (p: Page) => p.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name ?? '');

describe('forms', () => {
  it('shows every error of the person form at once, focuses the first, and marks what is required', async () => {
    await openNewPersonForm(page, 'Mariam Traoré');
    await page.getByLabel('Nom en caractères latins').fill('');
    await page.getByText('Les champs marqués d’un * sont obligatoires.').waitFor();
    expect(await page.getByLabel('Sexe').getAttribute('aria-required')).toBe('true');
    expect(await page.locator('.field-label', { hasText: 'Sexe' }).textContent()).toBe('Sexe *');
    expect(await page.getByLabel('Ville').getAttribute('aria-required')).toBeNull();
    // Sharing with partners starts "not asked", never as a refusal (item 8).
    expect(await page.getByRole('radio', { name: 'Pas encore demandé' }).isChecked()).toBe(true);

    await page.getByRole('button', { name: 'Enregistrer la personne' }).click();
    await page.getByText('Indiquez le nom en caractères latins ou arabes (au moins l’un des deux).').waitFor();
    // Name, sex, legal status and consent together, not one after the other.
    expect(await page.getByText('Choisissez une des options.').count()).toBe(2);
    await page.getByText('Le consentement à la conservation des données est nécessaire pour enregistrer une personne.').waitFor();
    expect(await focusedName(page)).toBe('latinName');
    await expectAccessible(page, 'person form errors fr');
    await shot(page, 'form-errors-fr');

    await page.getByLabel('Langue', { exact: true }).selectOption('ar');
    expect(await page.getByText('اختر أحد الخيارات.').count()).toBe(2);
    await page.getByText('الحقول المعلّمة بـ * إلزامية.').waitFor();
    await expectAccessible(page, 'person form errors ar');
    await shot(page, 'form-errors-ar');
    await page.getByLabel('اللغة', { exact: true }).selectOption('fr');
    await page.getByRole('button', { name: 'Annuler' }).click();
  });

  it('says "choose one" for an enquiry without a domain', async () => {
    await page.evaluate(() => (window.location.hash = '#/beneficiaries/enquiries'));
    await page.getByLabel('Question').fill('Comment renouveler une carte de séjour ?');
    await page.getByRole('button', { name: 'Enregistrer la demande' }).click();
    await page.getByText('Choisissez une des options.').waitFor();
    expect(await focusedName(page)).toBe('domainId');
  });

  it('counts the characters of a long summary and names the limit it goes over', async () => {
    await page.evaluate((id) => (window.location.hash = `#/cases/new?beneficiary=${id}`), personId);
    const summary = page.getByLabel('Résumé des faits');
    await summary.fill('Faits. '.repeat(1000));
    await page.getByText(/^7\s000 \/ 8\s000 caractères$/).waitFor();
    await summary.fill('x'.repeat(20_000));
    await page.getByText(/^20\s000 \/ 8\s000 caractères$/).waitFor();
    await page.getByRole('checkbox', { name: 'Asile et statut de réfugié' }).check();
    await page.getByRole('button', { name: 'Ouvrir le dossier' }).click();
    await page.getByText(/^8\s000 caractères au plus ; ce texte en a 20\s000\. Raccourcissez-le\.$/).waitFor();
    expect((await summary.inputValue()).length).toBe(20_000);
    await shot(page, 'summary-too-long-fr');
    await page.getByLabel('Langue', { exact: true }).selectOption('ar');
    await page.getByText('الحد الأقصى 8.000 حرفًا، وهذا النص فيه 20.000. اختصره.').waitFor();
    await shot(page, 'summary-too-long-ar');
    await page.getByRole('link', { name: 'إلغاء' }).click();
    await page.getByLabel('اللغة', { exact: true }).selectOption('fr');
  });

  it('wraps a long unbroken name on the person’s page and in the list', async () => {
    for (const hash of [`#/beneficiaries/${personId}`, '#/beneficiaries']) {
      await page.evaluate((h) => (window.location.hash = h), hash);
      await page.getByText(LONG_NAME.slice(0, 20), { exact: false }).first().waitFor();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, hash).toBeLessThanOrEqual(0);
    }
    await shot(page, 'long-name-list-fr');
  });
});
