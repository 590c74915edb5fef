import { describe, expect, it } from 'vitest';
import { keepHeadingsWithNext } from '../../../electron/core/pdf/keep-with-next';
import { renderPdf } from '../../../electron/core/pdf/render';
import { readPdfText } from './pdf-text';

/** Issue #11, item 5: a section heading is never the last thing on its page. */
describe('headings stay with what follows them', () => {
  it('moves a heading to the next page wherever the page happens to end', async () => {
    for (let filler = 36; filler <= 48; filler++) {
      const pdf = await renderPdf({
        pageSize: 'A4',
        pageMargins: 40,
        content: [
          ...Array.from({ length: filler }, (_, i) => ({ paragraph: `Ligne de remplissage numéro ${i + 1}.`, dir: 'ltr' as const, fontSize: 11 })),
          { paragraph: 'Historique du statut', dir: 'ltr', fontSize: 13, bold: true, margin: [0, 14, 0, 6], keepWithNext: true },
          { paragraph: 'Première ligne après le titre.', dir: 'ltr', fontSize: 11 },
        ],
        pageBreakBefore: keepHeadingsWithNext,
      });
      const pages = await readPdfText(pdf);
      const pageOf = (text: string) => pages.findIndex((items) => items.some((i) => i.str.includes(text)));
      expect(pageOf('Historique du statut'), `after ${filler} lines`).toBe(pageOf('Première ligne après le titre.'));
    }
  });

  it('leaves headings that have room, and everything else, where they are', () => {
    const following = (tops: number[]) => ({ getFollowingNodesOnPage: () => tops.map((top) => ({ startPosition: { pageNumber: 1, top } })) });
    expect(keepHeadingsWithNext({ headlineLevel: 1, startPosition: { pageNumber: 1, top: 700 } }, following([705]))).toBe(true);
    expect(keepHeadingsWithNext({ headlineLevel: 1, startPosition: { pageNumber: 1, top: 700 } }, following([705, 730]))).toBe(false);
    expect(keepHeadingsWithNext({ startPosition: { pageNumber: 1, top: 790 } }, following([]))).toBe(false);
  });
});
