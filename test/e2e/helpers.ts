import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/** axe-core on the current page: no serious or critical violation (WCAG 2.x A/AA rules). */
export async function expectAccessible(page: Page, label: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const bad = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(bad, label).toEqual([]);
}

/** Saves a screenshot when SCREENSHOTS names a folder (for people to look at; never asserted). */
export async function shot(page: Page, name: string): Promise<void> {
  const dir = process.env.SCREENSHOTS;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: join(dir, `${name}.png`), fullPage: true });
}

export async function documentDir(page: Page): Promise<string | null> {
  return page.evaluate(() => document.documentElement.getAttribute('dir'));
}

/** Signs in from the French sign-in screen and waits for the home page. */
export async function signInFr(page: Page, username: string, password: string): Promise<void> {
  await page.getByLabel('Identifiant').fill(username);
  await page.getByLabel('Mot de passe').fill(password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.getByRole('heading', { name: 'Tableau de bord' }).waitFor();
}

/** Intake, in French: searches for `name`, finds nobody, and opens the new-person form. */
export async function openNewPersonForm(page: Page, name: string): Promise<void> {
  await page.getByRole('link', { name: 'Bénéficiaires' }).click();
  await page.getByRole('link', { name: 'Enregistrer une personne' }).click();
  await page.getByLabel('Nom, téléphone ou numéro de document').fill(name);
  await page.getByText('Aucune personne enregistrée ne correspond à la saisie.').waitFor();
  await page.getByRole('button', { name: 'Aucune d’entre elles : enregistrer une nouvelle personne' }).click();
}
