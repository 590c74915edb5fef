import { describe, expect, it } from 'vitest';
import { normalizeDocumentNumber } from '../../../shared/search';

describe('normalizeDocumentNumber', () => {
  it.each([
    'AB123456', 'ab123456', 'AB 123 456', 'AB-123-456', 'AB.123.456', 'AB/123456', 'ab_123\\456',
    'AB١٢٣٤٥٦', 'ＡＢ１２３４５６', ' AB 123456 ', 'AB<<123456', '\u200FAB123456\u200F',
  ])('%j is AB123456', (input) => {
    expect(normalizeDocumentNumber(input)).toBe('AB123456');
  });

  it('keeps UNHCR-style numbers whole', () => {
    expect(normalizeDocumentNumber('354-15C01234')).toBe('35415C01234');
    expect(normalizeDocumentNumber('354-15c01234')).toBe('35415C01234');
  });

  it('does not merge look-alike letters and digits (O/0, I/1, S/5, B/8)', () => {
    expect(normalizeDocumentNumber('AO123456')).not.toBe(normalizeDocumentNumber('A0123456'));
    expect(normalizeDocumentNumber('AI123456')).not.toBe(normalizeDocumentNumber('A1123456'));
    expect(normalizeDocumentNumber('AS123456')).not.toBe(normalizeDocumentNumber('A5123456'));
    expect(normalizeDocumentNumber('AB123456')).not.toBe(normalizeDocumentNumber('A8123456'));
  });

  it('folds accents that keyboards add but documents never carry', () => {
    expect(normalizeDocumentNumber('É123456')).toBe('E123456');
  });

  it.each(['', '  ', '---', 'AB#123', 'رقم123', 'AB 12 € 3'])('rejects %j', (input) => {
    expect(normalizeDocumentNumber(input)).toBeNull();
  });
});
