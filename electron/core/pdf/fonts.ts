/**
 * The fonts embedded in every generated PDF, and where they come from.
 *
 * Both faces are under the SIL Open Font License 1.1 and installed
 * as npm packages (@expo-google-fonts/*, package code MIT, font files OFL-1.1) so
 * that a fresh `npm ci` brings them and no system font is ever used: a PDF made on
 * a clinic laptop and one made in CI embed the very same glyphs and metrics.
 *
 * - Arabic face: Amiri (a Naskh book face, the style Moroccan administrations print
 *   in), regular and bold; Arabic does not slant, so italics map to the upright
 *   files. Amiri was chosen over Noto Naskh Arabic because Noto Naskh's current
 *   build splits dotted letters into a skeleton and separate dot glyphs (ccmp):
 *   pdfkit can then only map the skeleton to one character, and text copied or
 *   searched in the PDF came out wrong ("في" read back as "قى"). Amiri keeps one glyph
 *   per letter, except a few join strokes and spacing offsets that text-layer.ts folds
 *   away, so the PDF's text layer reads back exactly (tests rely on it).
 * - Latin face: Noto Sans, regular, bold and their italics. It carries Latin names,
 *   references, European digits and French text.
 *
 * The files are located through the package resolver (createRequire), never with a
 * hard-coded node_modules path, so hoisting, workspaces and asar packing keep working.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** The two script faces the layout step chooses between, per run of text. */
export type Face = 'arabic' | 'latin';

/** The four styles pdfmake asks a font family for. */
export type FontStyle = 'normal' | 'bold' | 'italics' | 'bolditalics';

/** pdfmake font family names, as used in `font:` of a text node. */
export const FONT_FAMILY: Readonly<Record<Face, string>> = {
  arabic: 'Amiri',
  latin: 'NotoSans',
};

/** Package-relative path of each TTF, resolved through the package itself. */
const FONT_FILES: Readonly<Record<Face, Readonly<Record<FontStyle, string>>>> = {
  arabic: {
    normal: '@expo-google-fonts/amiri/400Regular/Amiri_400Regular.ttf',
    bold: '@expo-google-fonts/amiri/700Bold/Amiri_700Bold.ttf',
    // Arabic does not slant: italics use the upright files.
    italics: '@expo-google-fonts/amiri/400Regular/Amiri_400Regular.ttf',
    bolditalics: '@expo-google-fonts/amiri/700Bold/Amiri_700Bold.ttf',
  },
  latin: {
    normal: '@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf',
    bold: '@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf',
    italics: '@expo-google-fonts/noto-sans/400Regular_Italic/NotoSans_400Regular_Italic.ttf',
    bolditalics: '@expo-google-fonts/noto-sans/700Bold_Italic/NotoSans_700Bold_Italic.ttf',
  },
};

/** Licence facts, shown in docs/RTL-LAYOUT.md and usable in an "about" screen. */
export const FONT_LICENCES: ReadonlyArray<{ face: Face; name: string; pkg: string; licence: string }> = [
  { face: 'arabic', name: 'Amiri', pkg: '@expo-google-fonts/amiri', licence: 'OFL-1.1' },
  { face: 'latin', name: 'Noto Sans', pkg: '@expo-google-fonts/noto-sans', licence: 'OFL-1.1' },
];

export function fontStyle(bold: boolean, italics: boolean): FontStyle {
  if (bold && italics) return 'bolditalics';
  if (bold) return 'bold';
  return italics ? 'italics' : 'normal';
}

/** Absolute path of a face's TTF file, found by the package resolver. */
export function fontFilePath(face: Face, style: FontStyle): string {
  return require.resolve(FONT_FILES[face][style]);
}

const fileCache = new Map<string, Buffer>();

/** The bytes of a face's TTF file (read once per process). */
export function readFontFile(face: Face, style: FontStyle): Buffer {
  const path = fontFilePath(face, style);
  let bytes = fileCache.get(path);
  if (!bytes) {
    bytes = readFileSync(path);
    fileCache.set(path, bytes);
  }
  return bytes;
}

/**
 * Name of a font file inside pdfmake's virtual file system. Fonts are handed to
 * pdfmake from memory under these names so that its local-file policy can deny
 * every path on disk (see render.ts).
 */
export function vfsFontName(face: Face, style: FontStyle): string {
  return `${FONT_FAMILY[face]}-${style}.ttf`;
}

/** Every (vfs name, bytes) pair the renderer registers. */
export function fontVfsEntries(): Array<[string, Buffer]> {
  const entries: Array<[string, Buffer]> = [];
  for (const face of Object.keys(FONT_FILES) as Face[]) {
    for (const style of ['normal', 'bold', 'italics', 'bolditalics'] as const) {
      entries.push([vfsFontName(face, style), readFontFile(face, style)]);
    }
  }
  return entries;
}

/** The pdfmake font dictionary (family → style → vfs file name). */
export function pdfmakeFontDictionary(): Record<string, Record<FontStyle, string>> {
  const dict: Record<string, Record<FontStyle, string>> = {};
  for (const face of Object.keys(FONT_FILES) as Face[]) {
    dict[FONT_FAMILY[face]] = {
      normal: vfsFontName(face, 'normal'),
      bold: vfsFontName(face, 'bold'),
      italics: vfsFontName(face, 'italics'),
      bolditalics: vfsFontName(face, 'bolditalics'),
    };
  }
  return dict;
}
