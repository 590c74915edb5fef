import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { PdfDocument } from '../../../shared/contract/documents';
import { LANGUAGES } from '../../../shared/domain/languages';
import { documentCatalogs } from '../../../shared/i18n/documents';
import { caseFor, person, staff } from '../../helpers/registry-fixtures';
import { setUpCore, type TempCore } from '../../helpers/temp-core';
import { groupLines, logicalLineText, readPdfText, right } from '../pdf/pdf-text';

let t: TempCore | undefined;
afterEach(async () => {
  await t?.cleanup();
  t = undefined;
});

const bytes = (doc: PdfDocument) => Buffer.from(doc.base64, 'base64');

async function pageLines(doc: PdfDocument, direction: 'ltr' | 'rtl', page = 0) {
  const pages = await readPdfText(bytes(doc));
  return groupLines(pages[page] ?? []).map((l) => ({ line: l, text: logicalLineText(l, direction) }));
}

async function allText(doc: PdfDocument, direction: 'ltr' | 'rtl') {
  const pages = await readPdfText(bytes(doc));
  return pages.flatMap((p) => groupLines(p).map((l) => logicalLineText(l, direction))).join('\n');
}

function flatten(obj: object, prefix = ''): string[] {
  return Object.entries(obj).flatMap(([k, v]) => (typeof v === 'string' ? [prefix + k] : flatten(v as object, `${prefix}${k}.`)));
}

async function fixture() {
  const s = await setUpCore();
  const p = await s.ok('admin', 'beneficiaries:create', person({
    latinName: 'Mamadou Diallo',
    arabicName: 'مامادو ديالو',
    sex: 'male',
    nationality: 'GN',
    languages: ['fr', 'ff'],
    phone: '06 12 34 56 78',
    documents: [{ type: 'passport', number: 'R1234567', expiry: '2030-01-31' }],
    specificNeeds: ['serious_medical'],
    consentReferralSharing: true,
  }));
  const c = await s.ok('admin', 'cases:create', caseFor(p.id, { summary: 'طلب تجديد بطاقة الإقامة بعد رفض الولاية بتاريخ 12 مارس، مع مرافقة السيد Mamadou Diallo إلى المحكمة.' }));
  return { s, p, c };
}

describe('documents', () => {
  it('have the same strings in ar, fr and en', () => {
    const keys = flatten(documentCatalogs.en).sort();
    for (const language of LANGUAGES) expect(flatten(documentCatalogs[language]).sort(), language).toEqual(keys);
  });

  it('every document builds in all three languages, with no placeholder left, and each generation is audited with its hash', async () => {
    const { s, p, c } = await fixture();
    t = s;
    const { recoveryKey } = await s.ok('admin', 'vault:rotateRecoveryKey', {});
    for (const language of LANGUAGES) {
      const docs = [
        await s.ok('admin', 'documents:intakeRecord', { beneficiaryId: p.id, language }),
        await s.ok('admin', 'documents:caseSummary', { caseId: c.id, language }),
        await s.ok('admin', 'documents:attestation', { beneficiaryId: p.id, caseId: c.id, date: '2026-11-20', purpose: 'Préfecture de Rabat', signatory: 'Salma Bennani', language }),
        await s.ok('admin', 'documents:recoverySheet', { recoveryKey, language }),
      ];
      for (const doc of docs) {
        expect(bytes(doc).subarray(0, 5).toString()).toBe('%PDF-');
        expect(createHash('sha256').update(bytes(doc)).digest('hex')).toBe(doc.sha256);
        const text = await allText(doc, language === 'ar' ? 'rtl' : 'ltr');
        expect(text, `${doc.fileName}`).not.toMatch(/\{\{|undefined|NaN/);
        expect(text).toContain(documentCatalogs[language].confidential.slice(0, 6));
      }
    }
    const audit = (await s.ok('admin', 'audit:list', { limit: 50 })).items;
    const generated = audit.filter((a) => a.action.startsWith('documents:'));
    expect(generated).toHaveLength(12);
  });

  it('an Arabic intake record reads right to left with Latin names, phone and document number intact', async () => {
    const { s, p } = await fixture();
    t = s;
    const doc = await s.ok('admin', 'documents:intakeRecord', { beneficiaryId: p.id, language: 'ar' });
    const lines = await pageLines(doc, 'rtl');
    const title = lines.find((l) => l.text.includes('بطاقة الاستقبال'));
    expect(title).toBeDefined();
    // The title starts at the right margin (595 - 40).
    expect(right(title!.line.items.at(-1)!)).toBeGreaterThan(540);
    const text = lines.map((l) => l.text).join('\n');
    for (const expected of ['Mamadou Diallo', 'مامادو ديالو', '06 12 34 56 78', 'R1234567', 'غينيا']) expect(text).toContain(expected);
    // The label column is on the right in Arabic: the label's right edge is right of its value.
    const phoneLine = lines.find((l) => l.text.includes('06 12 34 56 78'))!;
    const label = phoneLine.line.items.find((i) => i.str.includes('الهاتف'))!;
    const value = phoneLine.line.items.find((i) => i.str.includes('06'))!;
    expect(label.x).toBeGreaterThan(value.x);
  });

  it('defaults to the language the person speaks, then to the interface language', async () => {
    const { s, p } = await fixture();
    t = s;
    expect((await s.ok('admin', 'documents:intakeRecord', { beneficiaryId: p.id })).language).toBe('fr');
    const other = await s.ok('admin', 'beneficiaries:create', person({ latinName: 'John Okafor', languages: ['ig'] }));
    await s.ok('admin', 'auth:setLanguage', { language: 'ar' });
    expect((await s.ok('admin', 'documents:intakeRecord', { beneficiaryId: other.id })).language).toBe('ar');
  });

  it('a French case summary carries the reference, the facts and the status history', async () => {
    const { s, c } = await fixture();
    t = s;
    await s.ok('admin', 'cases:setStatus', { id: c.id, status: 'open', note: 'Dossier complet', closureReason: '', outcome: '' });
    const doc = await s.ok('admin', 'documents:caseSummary', { caseId: c.id, language: 'fr' });
    const text = await allText(doc, 'ltr');
    expect(text).toContain(`Synthèse du dossier ${c.reference}`);
    expect(text).toContain('Historique du statut');
    expect(text).toContain('Dossier complet');
    expect(text).toContain('Séjour et régularisation');
  });

  it('never prints what the account may not see, and refuses a wrong recovery key', async () => {
    const { s, p } = await fixture();
    t = s;
    await staff(s, 'intake', 'nadia', 'intake');
    const secret = await s.ok('admin', 'cases:create', caseFor(p.id, { sensitive: true }));
    const r = await s.call('intake', 'documents:caseSummary', { caseId: secret.id, language: 'fr' });
    expect(r.ok ? null : r.error.code).toBe('NOT_FOUND');
    const wrong = await s.call('admin', 'documents:recoverySheet', { recoveryKey: 'AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH', language: 'fr' });
    expect(wrong.ok ? null : wrong.error.code).toBe('INVALID_RECOVERY_KEY');
    // The key shown at setup stops working once an administrator makes a new one.
    expect((await s.call('admin', 'documents:recoverySheet', { recoveryKey: (s).recoveryKey, language: 'fr' })).ok).toBe(true);
    await s.ok('admin', 'vault:rotateRecoveryKey', {});
    const old = await s.call('admin', 'documents:recoverySheet', { recoveryKey: (s).recoveryKey, language: 'fr' });
    expect(old.ok ? null : old.error.code).toBe('INVALID_RECOVERY_KEY');
  });
});
