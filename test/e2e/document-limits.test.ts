import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RENDER_LIMITS } from '../../electron/core/documents/render-client';
import { caseFor, person } from '../helpers/registry-fixtures';
import { startPreview, type Preview, type PreviewWindow } from '../harness/preview';
import { expectAccessible, shot } from './helpers';

/**
 * A document the PDF worker gives up on (too large or too slow) is a clear, translated
 * message on the page that asked for it, and the page goes on working. The core's render
 * time limit is made tiny so that any document reaches it.
 */
let preview: Preview;
let win: PreviewWindow;
let caseId = 0;

beforeAll(async () => {
  preview = await startPreview({ core: { renderLimits: { ...RENDER_LIMITS, timeoutMs: 20 } } });
  win = await preview.openWindow();
  const call = async <T>(channel: string, input: unknown) => {
    const result = await preview.core.invoke(win.clientId, channel, input);
    if (!result.ok) throw new Error(`${channel}: ${JSON.stringify(result.error)}`);
    return result.value as T;
  };
  await call('setup:initialize', { clinicName: 'Clinique juridique de Rabat', casePrefix: 'RBT', defaultLanguage: 'fr', admin: { fullName: 'Salma Bennani', username: 'salma', password: 'Clinique-Rabat-2026!' } });
  const p = await call<{ id: number }>('beneficiaries:create', person({ latinName: 'Awa Traoré', nationality: 'ML' }));
  caseId = (await call<{ id: number }>('cases:create', caseFor(p.id))).id;
  await win.page.reload();
});
afterAll(async () => preview?.close());

describe('a document the PDF worker gives up on', () => {
  it('says so in French and in Arabic, and the case page keeps working', async () => {
    const { page } = win;
    await page.goto(`${page.url().split('#')[0]}#/cases/${caseId}`);
    await page.getByRole('button', { name: 'Synthèse du dossier (PDF)' }).click();
    await page.getByText('Ce document est trop long pour être produit.', { exact: false }).waitFor();
    expect(await page.getByRole('dialog').count()).toBe(0);
    await expectAccessible(page, 'document too large fr');
    await shot(page, 'document-too-large-fr');

    await page.getByLabel('Langue', { exact: true }).selectOption('ar');
    await page.getByRole('button', { name: 'ملخص الملف (PDF)' }).click();
    await page.getByText('هذه الوثيقة أطول من أن يتم إنتاجها.', { exact: false }).waitFor();
    await shot(page, 'document-too-large-ar');
    // The page still answers: the case is there, and its French facts read left to right
    // inside the Arabic page (free text takes its direction from its first letter).
    await page.getByRole('heading', { name: /RBT-\d{4}-00001/ }).waitFor();
    expect(await page.locator('.summary-text p').first().evaluate((el) => getComputedStyle(el).direction)).toBe('ltr');
    expect(await page.locator('main').evaluate((el) => getComputedStyle(el).direction)).toBe('rtl');
  });
});
