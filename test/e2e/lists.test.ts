import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPreview, type Preview, type PreviewWindow } from '../harness/preview';
import { caseFor, person } from '../helpers/registry-fixtures';
import { coreCall, expectAccessible, shot, truncatedControls } from './helpers';

/**
 * Issue #10, item 7, end to end: lists say how many they hold, people are filtered by name in
 * either script, and no control is cut off at 1280×800 in any of the three languages.
 */
const PASSWORD = 'Clinique-Nador-2026!';
let preview: Preview;
let win: PreviewWindow;

const invoke = <T = unknown>(client: string, channel: string, input: unknown) => coreCall<T>(preview, client, channel, input);

beforeAll(async () => {
  preview = await startPreview();
  await invoke('setup', 'setup:initialize', {
    clinicName: 'Clinique juridique de Nador',
    casePrefix: 'NDR',
    defaultLanguage: 'fr',
    admin: { fullName: 'Salma Bennani', username: 'salma', password: PASSWORD },
  });
  for (const fields of [{ latinName: 'Mohamed Diallo' }, { arabicName: 'محمد الأمين' }, { latinName: 'Fatima Zahra' }]) {
    const p = await invoke<{ id: number }>('setup', 'beneficiaries:create', person(fields));
    await invoke('setup', 'cases:create', caseFor(p.id));
  }
  await invoke('setup', 'auth:signOut', {});
  win = await preview.openWindow();
  await invoke(win.clientId, 'auth:login', { username: 'salma', password: PASSWORD });
  await win.page.setViewportSize({ width: 1280, height: 800 });
  await win.page.reload();
});
afterAll(async () => preview?.close());

describe('lists', () => {
  it('counts people and filters them by name across scripts', async () => {
    const { page } = win;
    await page.evaluate(() => (window.location.hash = '#/beneficiaries'));
    await page.getByText('Personnes trouvées : 3').waitFor();
    await page.getByLabel('Nom', { exact: true }).fill('محمد');
    await page.getByText('Personnes trouvées : 2').waitFor();
    const list = page.getByRole('list', { name: 'Personnes enregistrées' });
    await list.getByRole('link', { name: /Mohamed Diallo/ }).waitFor();
    expect(await list.getByRole('link').count()).toBe(2);
    await page.evaluate(() => (window.location.hash = '#/cases'));
    await page.getByText('Dossiers trouvés : 3').waitFor();
  });

  it('cuts no control at 1280×800 in French, English and Arabic', async () => {
    const { page } = win;
    for (const [language, name] of [['fr', 'Langue'], ['en', 'Language'], ['ar', 'اللغة']] as const) {
      for (const hash of ['#/beneficiaries', '#/cases', '#/audit']) {
        await page.evaluate((h) => (window.location.hash = h), hash);
        await page.getByRole('status').first().waitFor();
        await page.waitForFunction(() => document.querySelectorAll('p.count:not(:empty)').length > 0);
        expect(await truncatedControls(page), `${language} ${hash}`).toEqual([]);
        await shot(page, `list-${hash.slice(2)}-${language}`);
      }
      await expectAccessible(page, `audit ${language}`);
      const next = language === 'fr' ? 'en' : language === 'en' ? 'ar' : 'fr';
      await page.getByLabel(name, { exact: true }).selectOption(next);
    }
  });
});
