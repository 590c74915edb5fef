/**
 * Poppler's command-line tools (poppler-utils, installed by .ci/run when missing): the text
 * layer as Evince, Okular and most Linux viewers read it, and pages drawn to pixels.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function inTemp<T>(pdf: Uint8Array, run: (dir: string, file: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'poppler-'));
  try {
    const file = join(dir, 'doc.pdf');
    writeFileSync(file, pdf);
    return run(dir, file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** `pdftotext` in its default (reading order) mode, UTF-8. */
export function pdftotext(pdf: Uint8Array): string {
  return inTemp(pdf, (_, file) => execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-']).toString('utf8'));
}

export interface GrayPage {
  readonly width: number;
  readonly height: number;
  readonly pixels: Uint8Array;
}

/** Every page drawn by `pdftoppm` in grey levels (0 black … 255 white) at `dpi`. */
export function rasterize(pdf: Uint8Array, dpi = 100): GrayPage[] {
  return inTemp(pdf, (dir, file) => {
    execFileSync('pdftoppm', ['-r', String(dpi), '-gray', file, join(dir, 'page')]);
    return readdirSync(dir)
      .filter((f) => f.endsWith('.pgm'))
      .sort()
      .map((f) => parsePgm(readFileSync(join(dir, f))));
  });
}

/** A binary PGM (P5): a text header of four fields, then one byte per pixel. */
function parsePgm(bytes: Buffer): GrayPage {
  const fields: string[] = [];
  let i = 0;
  while (fields.length < 4) {
    while (/\s/.test(String.fromCharCode(bytes[i]!))) i++;
    let field = '';
    while (!/\s/.test(String.fromCharCode(bytes[i]!))) field += String.fromCharCode(bytes[i++]!);
    fields.push(field);
  }
  const [magic, width, height] = fields;
  if (magic !== 'P5') throw new Error(`not a binary PGM: ${magic}`);
  return { width: Number(width), height: Number(height), pixels: bytes.subarray(i + 1) };
}
