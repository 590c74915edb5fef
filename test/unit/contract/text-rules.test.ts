import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { CHANNEL_NAMES, contract, type Channel } from '../../../shared/contract';
import { beneficiaryInputSchema, candidatesInputSchema } from '../../../shared/contract/beneficiaries';
import { caseFieldsSchema, setStatusInputSchema } from '../../../shared/contract/cases';
import { newPasswordSchema, passwordInputSchema } from '../../../shared/contract/common';
import { identifierText, multiLineText, singleLineText } from '../../../shared/contract/fields';
import { updateSettingsInputSchema } from '../../../shared/contract/settings';
import { INVALID_CHARACTERS, isAllowedText, type TextKind } from '../../../shared/contract/text';
import { catalogs } from '../../../shared/i18n';
import {
  BIDI_MARKS_AND_ISOLATES,
  BIDI_OVERRIDES,
  fullPerson,
  inject,
  leaves,
  refusedIn,
  REFUSED_EVERYWHERE,
  SAMPLES,
  withLeaf,
  ZERO_WIDTH_SPACES,
} from './text-samples';

const messages = (schema: z.ZodType, value: unknown) => {
  const r = schema.safeParse(value);
  return r.success ? [] : r.error.issues.map((i) => i.message);
};
const accepts = (schema: z.ZodType, value: unknown) => schema.safeParse(value).success;

describe('the text rule (isAllowedText)', () => {
  const KINDS: TextKind[] = ['multiLine', 'singleLine', 'identifier', 'secret'];

  it('refuses controls and unpaired surrogates in every kind, and keeps surrogate pairs', () => {
    for (const kind of KINDS) {
      for (const c of REFUSED_EVERYWHERE) expect(isAllowedText(`a${c}b`, kind), `${kind} ${JSON.stringify(c)}`).toBe(false);
      expect(isAllowedText('a\uD800', kind)).toBe(false); // high surrogate at the end
      expect(isAllowedText('\uDC00\uD800', kind)).toBe(false); // a pair in the wrong order is two lone halves
      expect(isAllowedText('Amina 😀 𝐀', kind), kind).toBe(true);
    }
  });

  it('keeps tab and line feed in text areas only', () => {
    expect(isAllowedText('ligne 1\n\tligne 2', 'multiLine')).toBe(true);
    expect(isAllowedText('ligne 1\r\nligne 2', 'multiLine')).toBe(false); // a text area's value uses \n alone
    for (const kind of ['singleLine', 'identifier', 'secret'] as const) {
      expect(isAllowedText('a\nb', kind), kind).toBe(false);
      expect(isAllowedText('a\tb', kind), kind).toBe(false);
    }
    expect(isAllowedText('a\u2028b', 'singleLine')).toBe(false);
    expect(isAllowedText('a\u2028b', 'multiLine')).toBe(true);
  });

  it('refuses bidi overrides except in passwords, and every bidi control, mark and zero-width space in identifiers', () => {
    for (const c of BIDI_OVERRIDES) {
      for (const kind of ['multiLine', 'singleLine', 'identifier'] as const) expect(isAllowedText(`a${c}b`, kind), kind).toBe(false);
      expect(isAllowedText(`a${c}b`, 'secret')).toBe(true);
    }
    for (const c of [...BIDI_MARKS_AND_ISOLATES, ...ZERO_WIDTH_SPACES]) {
      expect(isAllowedText(`a${c}b`, 'identifier'), JSON.stringify(c)).toBe(false);
    }
    // Mixed Arabic and French text pasted from other software keeps its marks and isolates.
    for (const c of BIDI_MARKS_AND_ISOLATES) {
      expect(isAllowedText(`الملف\u200F ${c}OFPRA`, 'multiLine')).toBe(true);
      expect(isAllowedText(`a${c}b`, 'singleLine')).toBe(true);
    }
    // ZWNJ and ZWJ are letters' business (Persian names, emoji), not bidi.
    expect(isAllowedText('مهر\u200Cنوش', 'identifier')).toBe(true);
    expect(isAllowedText('👩\u200D⚖️', 'identifier')).toBe(true);
  });
});

describe('text fields of the contract', () => {
  it('trims first, then checks what is stored', () => {
    expect(singleLineText(20).parse('  Rabat\t\n')).toBe('Rabat');
    expect(messages(singleLineText(20), 'Ra\tbat')).toEqual([INVALID_CHARACTERS]);
    expect(multiLineText(50).parse('\n Ligne 1\n\tLigne 2 \n')).toBe('Ligne 1\n\tLigne 2');
    expect(messages(identifierText(20), 'A\u202Eila')).toEqual([INVALID_CHARACTERS]);
    expect(messages(identifierText(3), 'abcd\u0000')).toEqual(['validation.tooLong', INVALID_CHARACTERS]);
  });

  it('refuses a name that only looks like another (bidi controls, marks, zero-width spaces)', () => {
    // "Ali<RLM>Ahmed" shows as "Ahmed Ali" in an Arabic screen; RLO shows "Salma" reversed.
    for (const latinName of ['Ali\u200FAhmed', '\u202EamlaS', 'Sal\u200Bma', '\u2067Salma\u2069']) {
      expect(messages(beneficiaryInputSchema, { ...fullPerson, latinName }), latinName).toContain(INVALID_CHARACTERS);
    }
    expect(messages(beneficiaryInputSchema, { ...fullPerson, arabicName: 'محمد\u061Cالعلمي' })).toContain(INVALID_CHARACTERS);
    expect(messages(beneficiaryInputSchema, { ...fullPerson, phone: '\u202A+212 612 345 678\u202C' })).toContain(INVALID_CHARACTERS);
    expect(messages(beneficiaryInputSchema, { ...fullPerson, documents: [{ type: 'passport', number: 'AB\u202E654321', expiry: '' }] })).toContain(INVALID_CHARACTERS);
    expect(accepts(beneficiaryInputSchema, { ...fullPerson, arabicName: 'مهر\u200Cنوش', city: 'الدار\u200F البيضاء' })).toBe(true);
  });

  it('keeps line breaks in summaries and notes, refuses them in one-line fields', () => {
    const fields = { intakeDate: '2026-11-20', channel: 'walk_in', domainIds: [1], urgency: 'normal', urgencyReasons: [], sensitive: false };
    expect(accepts(caseFieldsSchema, { ...fields, summary: 'Refus de séjour.\n\t- recours le 3/12\n« وثيقة\u200F »' })).toBe(true);
    expect(messages(caseFieldsSchema, { ...fields, summary: 'Refus\u0000' })).toEqual([INVALID_CHARACTERS]);
    expect(messages(caseFieldsSchema, { ...fields, summary: 'Refus \u202Etiférpni' })).toEqual([INVALID_CHARACTERS]);
    expect(messages(setStatusInputSchema, { id: 1, status: 'open', note: 'a\u001Bb', closureReason: '', outcome: '' })).toEqual([INVALID_CHARACTERS]);
    expect(messages(beneficiaryInputSchema, { ...fullPerson, city: 'Ra\nbat' })).toEqual([INVALID_CHARACTERS]);
  });

  it('searches what is typed as text: query syntax is accepted, controls are refused', () => {
    for (const name of ['"', '*', '%', '_', '(', ':', '-', '^', 'NEAR(a b)', 'a OR b', 'a AND NOT b', 'name_text : x', '"a"*', 'ali\u200F']) {
      expect(accepts(candidatesInputSchema, { name, phone: '', documentNumber: '' }), name).toBe(true);
      expect(accepts(contract['search:global'].input, { query: name }), name).toBe(true);
    }
    for (const query of ['a\u0000b', '\u0000', 'a\uD800', 'a\u202Eb', 'a\nb']) {
      expect(messages(contract['search:global'].input, { query }), JSON.stringify(query)).toEqual([INVALID_CHARACTERS]);
    }
  });

  it('lets passwords hold any printable character, bidi marks included, but no control character', () => {
    expect(accepts(newPasswordSchema, 'كلمة\u200Fسر-Forte-2026')).toBe(true);
    expect(accepts(passwordInputSchema, 'a\u202Eb')).toBe(true);
    for (const password of ['Cle-Forte-2026!\u0000', 'Cle-Forte\t2026!', 'Cle-Forte-2026!\n', 'Cle-Forte-\uD8002026!']) {
      expect(messages(newPasswordSchema, password), JSON.stringify(password)).toContain(INVALID_CHARACTERS);
      expect(messages(passwordInputSchema, password), JSON.stringify(password)).toEqual([INVALID_CHARACTERS]);
    }
  });

  it('takes numbers as numbers: no coercion from strings or arrays', () => {
    expect(beneficiaryInputSchema.parse({ ...fullPerson, estimatedAge: 42 }).estimatedAge).toBe(42);
    expect(beneficiaryInputSchema.parse({ ...fullPerson, estimatedAge: '' }).estimatedAge).toBe('');
    for (const estimatedAge of [[42], '42', ' 42', true, null, 42.5, -1, 121, Number.NaN]) {
      expect(messages(beneficiaryInputSchema, { ...fullPerson, estimatedAge }), JSON.stringify(estimatedAge)).toContain('validation.ageRange');
    }
    const settings = { clinicName: 'Clinique', defaultLanguage: 'fr' };
    expect(updateSettingsInputSchema.parse({ ...settings, idleLockMinutes: 5 }).idleLockMinutes).toBe(5);
    for (const idleLockMinutes of [[5], '5', '', true]) {
      expect(messages(updateSettingsInputSchema, { ...settings, idleLockMinutes }), JSON.stringify(idleLockMinutes)).toEqual(['validation.idleLockRange']);
    }
  });

  it('has its message in every catalog', () => {
    for (const [language, catalog] of Object.entries(catalogs)) {
      expect((catalog.validation as Record<string, string>).invalidCharacters, language).toMatch(/\S/);
    }
  });
});

describe('every string and number field of every channel', () => {
  it('has a valid sample for every channel that takes input, whose string fields each have a declared rule', () => {
    for (const channel of CHANNEL_NAMES) {
      const sample = SAMPLES[channel];
      if (!sample) {
        expect(contract[channel].input.safeParse({}).success, `${channel} needs a sample in text-samples.ts`).toBe(true);
        continue;
      }
      const parsed = contract[channel].input.safeParse(sample.input);
      expect(parsed.error?.issues ?? [], channel).toEqual([]);
      const strings = leaves(sample.input).filter((l) => typeof l.value === 'string').map((l) => l.path).sort();
      expect(strings, `${channel}: every string field has a rule`).toEqual(Object.keys(sample.fields).sort());
    }
  });

  it('refuses, in each field, what its rule refuses: with a field error at that field', () => {
    for (const [channel, sample] of Object.entries(SAMPLES)) {
      const schema = contract[channel as Channel].input;
      for (const leaf of leaves(sample.input)) {
        if (typeof leaf.value !== 'string') continue;
        const rule = sample.fields[leaf.path] ?? 'format';
        for (const c of refusedIn(rule)) {
          const r = schema.safeParse(withLeaf(sample.input, leaf.path, inject(leaf.value, c)));
          const where = `${channel} ${leaf.path} ${JSON.stringify(c)}`;
          expect(r.success, where).toBe(false);
          const issues = r.error?.issues.filter((i) => i.path.join('.') === leaf.path) ?? [];
          expect(issues.length, where).toBeGreaterThan(0);
          if (rule !== 'format') expect(issues.map((i) => i.message), where).toContain(INVALID_CHARACTERS);
        }
      }
    }
  });

  it('refuses a number given as a string or an array in every numeric field', () => {
    for (const [channel, sample] of Object.entries(SAMPLES)) {
      const schema = contract[channel as Channel].input;
      for (const leaf of leaves(sample.input)) {
        if (typeof leaf.value !== 'number') continue;
        for (const bad of [[leaf.value], String(leaf.value)]) {
          expect(schema.safeParse(withLeaf(sample.input, leaf.path, bad)).success, `${channel} ${leaf.path} ${JSON.stringify(bad)}`).toBe(false);
        }
      }
    }
  });
});
