import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from 'playwright-core';
import type { Preview } from '../harness/preview';
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
export async function shot(target: Page | Locator, name: string): Promise<void> {
  const dir = process.env.SCREENSHOTS;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  // A page whole; a part of it (a panel, a dialog) alone, to look at it at full size.
  if ('goto' in target) await target.screenshot({ path: join(dir, `${name}.png`), fullPage: true });
  else await target.screenshot({ path: join(dir, `${name}.png`) });
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

/** The day-first date field named `label` (a group of day, month and year segments). */
export function dateField(page: Page, label: string) {
  return page.getByRole('group', { name: label, exact: true });
}

/** Types a date into the date field as a person would, day first: typeDate(page, 'Date…', '08/03/1994'). */
export async function typeDate(page: Page, label: string, dayFirst: string): Promise<void> {
  await dateField(page, label).getByRole('spinbutton').first().click();
  await page.keyboard.type(dayFirst.replace(/\D/g, ''));
}

/** What the date field shows, without the bidi marks Arabic puts around its slashes. */
export async function dateShown(page: Page, label: string): Promise<string> {
  const text = (await dateField(page, label).textContent()) ?? '';
  return text.replace(/[\u200e\u200f\u2066-\u2069]/g, '');
}

/**
 * Controls whose text does not fit: a select's widest option or an input's placeholder wider
 * than the room inside the control (measured with the control's own font). Empty when none.
 */
export async function truncatedControls(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const canvas = document.createElement('canvas').getContext('2d')!;
    const out: string[] = [];
    for (const el of document.querySelectorAll<HTMLSelectElement | HTMLInputElement>('select, input[placeholder]')) {
      if (!el.checkVisibility()) continue;
      const style = getComputedStyle(el);
      canvas.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
      // Any choice of a select may be the one shown: the widest must fit.
      const texts = el instanceof HTMLSelectElement ? [...el.options].map((o) => o.text) : [el.placeholder];
      const text = texts.reduce((a, b) => (canvas.measureText(b).width > canvas.measureText(a).width ? b : a), '');
      // A select keeps about 20 px for its arrow.
      const room = el.clientWidth - parseFloat(style.paddingInlineStart) - parseFloat(style.paddingInlineEnd) - (el instanceof HTMLSelectElement ? 20 : 0);
      if (canvas.measureText(text).width > room + 1) out.push(`${el.tagName.toLowerCase()} "${text}" (${Math.round(canvas.measureText(text).width)} > ${Math.round(room)})`);
    }
    return out;
  });
}

/** Calls the preview's core as window `client` would, failing the test on an error (setting up through the core saves time). */
export async function coreCall<T = unknown>(preview: Preview, client: string, channel: string, input: unknown): Promise<T> {
  const result = await preview.core.invoke(client, channel, input);
  if (!result.ok) throw new Error(`${channel}: ${JSON.stringify(result.error)}`);
  return result.value as T;
}

/** Types a date's or a time's digits into its segments, from the first, as a person would. */
export async function typeSegments(group: Locator, digits: string): Promise<void> {
  await group.getByRole('spinbutton').first().click();
  await group.page().keyboard.type(digits);
}
