import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPreview, type Preview, type PreviewWindow } from '../harness/preview';
import { caseFor, person } from '../helpers/registry-fixtures';
import { coreCall, expectAccessible, shot } from './helpers';

/**
 * Issue #11 on screen: inside an Arabic summary, "القانون 09-08" and a phone number are drawn
 * in the order typed (the browser's bidi algorithm alone draws 08-09), a French note reads left
 * to right, and Arabic dates use Moroccan month names.
 */
const PASSWORD = 'Clinique-Tetouan-2026!';
const SUMMARY = 'رُفض الطلب استنادًا إلى القانون 09-08. للتواصل: +212 6 61 23 45 67.\nAudience fixée au 12/09/2023 devant le Tribunal administratif de Rabat ; M. حسام هاب informé.';
let preview: Preview;
let win: PreviewWindow;
let caseId = 0;

const invoke = <T = unknown>(client: string, channel: string, input: unknown) => coreCall<T>(preview, client, channel, input);

/** Left edges, on screen, of the first and last characters of `token` inside the case summary. */
function edges(token: string) {
  return win.page.evaluate((tk) => {
    const root = document.querySelector('.summary-text')!;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent!.indexOf(tk);
      if (at < 0) continue;
      const box = (i: number) => {
        const r = document.createRange();
        r.setStart(node, i);
        r.setEnd(node, i + 1);
        return r.getBoundingClientRect().left;
      };
      return { first: box(at), last: box(at + tk.length - 1) };
    }
    return null;
  }, token);
}

beforeAll(async () => {
  preview = await startPreview();
  await invoke('setup', 'setup:initialize', {
    clinicName: 'Clinique juridique de Tétouan',
    casePrefix: 'TET',
    defaultLanguage: 'ar',
    admin: { fullName: 'Salma Bennani', username: 'salma', password: PASSWORD },
  });
  const p = await invoke<{ id: number }>('setup', 'beneficiaries:create', person({ latinName: 'Hossam Hab', arabicName: 'حسام هاب' }));
  caseId = (await invoke<{ id: number }>('setup', 'cases:create', caseFor(p.id, { intakeDate: '2026-12-01', summary: SUMMARY }))).id;
  await invoke('setup', 'auth:signOut', {});
  win = await preview.openWindow();
  await invoke(win.clientId, 'auth:login', { username: 'salma', password: PASSWORD });
  await invoke(win.clientId, 'auth:setLanguage', { language: 'ar' });
  await win.page.setViewportSize({ width: 1280, height: 800 });
  await win.page.reload();
});
afterAll(async () => preview?.close());

describe('mixed text on screen', () => {
  it('draws laws and phone numbers in the order typed inside Arabic, and a French note left to right', async () => {
    const { page } = win;
    await page.evaluate((id) => (window.location.hash = `#/cases/${id}`), caseId);
    await page.locator('.summary-text').waitFor();
    for (const token of ['09-08', '+212 6 61 23 45 67']) {
      const e = await edges(token);
      expect(e, token).not.toBeNull();
      expect(e!.first, token).toBeLessThan(e!.last);
    }
    const directions = await page.locator('.summary-text p').evaluateAll((ps) => ps.map((p) => getComputedStyle(p).direction));
    expect(directions).toEqual(['rtl', 'ltr']);
    // Moroccan month names: 1 December is "1 دجنبر 2026".
    await page.getByText('1 دجنبر 2026').first().waitFor();
    await expectAccessible(page, 'case page mixed text ar');
    await shot(page, 'mixed-text-case-ar');
  });
});
