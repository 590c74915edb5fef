import { afterAll, beforeAll, expect, it } from 'vitest';
import { startPreview, type Preview } from '../harness/preview';

let preview: Preview;
beforeAll(async () => {
  preview = await startPreview();
});
afterAll(async () => preview?.close());

it('shows setup', async () => {
  const w = await preview.openWindow();
  await expect(w.page.getByRole('heading', { name: 'Installer la clinique' })).toBeDefined();
  await w.page.getByRole('heading', { name: 'Installer la clinique' }).waitFor();
  await w.page.screenshot({ path: '/tmp/setup-fr.png' });
});
