import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../shared/contract/errors';
import { LANGUAGES } from '../../shared/domain/languages';
import { ROLES } from '../../shared/domain/roles';
import { catalogs } from '../../shared/i18n';

function flatten(obj: object, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(obj)) {
    if (typeof value === 'string') out.set(prefix + key, value);
    else for (const [k, v] of flatten(value as object, `${prefix}${key}.`)) out.set(k, v);
  }
  return out;
}

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : /\.tsx?$/.test(name) ? [path] : [];
  });
}

const flat = Object.fromEntries(LANGUAGES.map((l) => [l, flatten(catalogs[l])])) as Record<(typeof LANGUAGES)[number], Map<string, string>>;

describe('i18n catalogs', () => {
  it('ar, fr and en have exactly the same keys, none empty', () => {
    const reference = [...flat.en.keys()].sort();
    for (const language of LANGUAGES) {
      expect([...flat[language].keys()].sort(), language).toEqual(reference);
      for (const [key, value] of flat[language]) expect(value.trim(), `${language}:${key}`).not.toBe('');
    }
  });

  it('keeps interpolation placeholders identical across languages', () => {
    const placeholders = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
    for (const [key, value] of flat.en) {
      for (const language of LANGUAGES) expect(placeholders(flat[language].get(key)!), `${language}:${key}`).toEqual(placeholders(value));
    }
  });

  it('has a message for every error code and role', () => {
    for (const code of ERROR_CODES) expect(flat.en.has(`errors.${code}`), code).toBe(true);
    for (const role of ROLES) expect(flat.en.has(`roles.${role}`), role).toBe(true);
  });

  it('has every translation key the code refers to (schema messages and t() calls)', () => {
    const used = new Set<string>();
    for (const file of [...sources('shared'), ...sources('renderer/src'), ...sources('electron/core')]) {
      const text = readFileSync(file, 'utf8');
      for (const match of text.matchAll(/['"`]((?:validation|errors)\.[A-Za-z_]+)['"`]/g)) used.add(match[1]!);
      for (const match of text.matchAll(/\bt\(\s*['"]([a-zA-Z]+\.[A-Za-z_.]+)['"]/g)) used.add(match[1]!);
    }
    expect(used.size).toBeGreaterThan(10);
    for (const key of used) expect(flat.en.has(key), key).toBe(true);
  });

  it('Arabic strings are in Arabic script', () => {
    const latinOnly = [...flat.ar].filter(([key, v]) => !/[\u0600-\u06FF]/.test(v) && !key.startsWith('lang.'));
    expect(latinOnly).toEqual([]);
  });
});
