import { describe, expect, it } from 'vitest';
import { normalizePhone, phoneSearchDigits } from '../../../shared/search';

describe('normalizePhone', () => {
  it.each([
    '0612345678',
    '06 12 34 56 78',
    '06-12-34-56-78',
    '06.12.34.56.78',
    '+212612345678',
    '+212 6 12 34 56 78',
    '+212 (0)6 12 34 56 78',
    '+212 0612345678',
    '00212612345678',
    '00 212 6 12 34 56 78',
    '212612345678',
    '612345678',
    '٠٦١٢٣٤٥٦٧٨',
    '۰۶۱۲۳۴۵۶۷۸',
    '+٢١٢٦١٢٣٤٥٦٧٨',
    '\u200E+212 612-345-678\u200E',
    '(06) 12 34 56 78',
  ])('%s is the Moroccan mobile 212612345678', (input) => {
    expect(normalizePhone(input)).toBe('212612345678');
  });

  it('normalizes Moroccan landlines and other mobile ranges', () => {
    expect(normalizePhone('05 22 12 34 56')).toBe('212522123456');
    expect(normalizePhone('07 00 11 22 33')).toBe('212700112233');
  });

  it.each([
    ['+33 6 12 34 56 78', '33612345678'],
    ['0033612345678', '33612345678'],
    ['+225 07 07 07 07 07', '2250707070707'],
    ['00225 01 02 03 04 05', '2250102030405'],
    ['+234 803 123 4567', '2348031234567'],
    ['+1 (202) 555-0147', '12025550147'],
  ])('keeps foreign numbers with their country code: %s', (input, expected) => {
    expect(normalizePhone(input)).toBe(expected);
  });

  it.each([
    '', '   ', 'abc', 'n/a', '+', '++212612345678', '06 12 34', '0612345678 ext 12', '06123456789',
    '0412345678', '+212 4 12 34 56 78', '+1234567890123456', '0000000000', '06 12 34 56 7x', '+2126123',
  ])('rejects %j', (input) => {
    expect(normalizePhone(input)).toBeNull();
  });

  it('uses the given default country for national numbers', () => {
    expect(normalizePhone('06 12 34 56 78', '33')).toBe('33612345678');
    expect(normalizePhone('+212612345678', '33')).toBe('212612345678');
  });
});

describe('phoneSearchDigits', () => {
  it('finds a stored number from the first digits typed, in any form', () => {
    const stored = normalizePhone('06 12 34 56 78') ?? '';
    for (const typed of ['06123', '06 12 3', '٠٦١٢٣', '+212612', '00212 61', '612345']) {
      const digits = phoneSearchDigits(typed);
      expect(digits, typed).not.toBeNull();
      expect(stored.includes(digits ?? '-'), typed).toBe(true);
    }
  });

  it('returns the full number once it is complete, and nothing for too few digits', () => {
    expect(phoneSearchDigits('06 12 34 56 78')).toBe('212612345678');
    expect(phoneSearchDigits('0612')).toBeNull(); // 612 alone would match most of the registry
    expect(phoneSearchDigits('abc')).toBeNull();
  });
});
