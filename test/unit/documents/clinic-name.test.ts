import { afterEach, describe, expect, it } from 'vitest';
import type { PdfDocument } from '../../../shared/contract/documents';
import { person } from '../../helpers/registry-fixtures';
import { setUpCore, type TempCore } from '../../helpers/temp-core';
import { groupLines, logicalLineText, readPdfText } from '../pdf/pdf-text';

let t: TempCore | undefined;
afterEach(async () => {
  await t?.cleanup();
  t = undefined;
});

async function allText(doc: PdfDocument, direction: 'ltr' | 'rtl') {
  const pages = await readPdfText(Buffer.from(doc.base64, 'base64'));
  return pages.flatMap((p) => groupLines(p).map((l) => logicalLineText(l, direction))).join('\n');
}

/** Issue #10, item 8: the clinic's name in the document's script; sharing never asked is not a refusal. */
describe('clinic name and consent on documents', () => {
  it('prints the Arabic name on Arabic documents and the Latin name on the others', async () => {
    const s = await setUpCore();
    t = s;
    const p = await s.ok('admin', 'beneficiaries:create', person({ latinName: 'Awa Ndiaye' }));
    // Without an Arabic name, the Latin one stands in.
    expect(await allText(await s.ok('admin', 'documents:intakeRecord', { beneficiaryId: p.id, language: 'ar' }), 'rtl')).toContain('Clinique juridique de Rabat');
    const saved = await s.ok('admin', 'settings:update', { clinicName: 'Clinique juridique de Rabat', clinicNameAr: 'العيادة القانونية بالرباط', defaultLanguage: 'fr', idleLockMinutes: 5 });
    expect(saved.clinicNameAr).toBe('العيادة القانونية بالرباط');
    const ar = await allText(await s.ok('admin', 'documents:intakeRecord', { beneficiaryId: p.id, language: 'ar' }), 'rtl');
    expect(ar).toContain('العيادة القانونية بالرباط');
    expect(ar).not.toContain('Clinique juridique de Rabat');
    const fr = await allText(await s.ok('admin', 'documents:intakeRecord', { beneficiaryId: p.id, language: 'fr' }), 'ltr');
    expect(fr).toContain('Clinique juridique de Rabat');
    // Left out of an update, the Arabic name stays; the sign-in screen gets it before unlock.
    await s.ok('admin', 'settings:update', { clinicName: 'Clinique juridique de Rabat', defaultLanguage: 'fr', idleLockMinutes: 5 });
    expect((await s.ok('admin', 'setup:status', {})).clinicNameAr).toBe('العيادة القانونية بالرباط');
  });

  it('records sharing consent only once asked, and says "not asked" until then', async () => {
    const s = await setUpCore();
    t = s;
    const p = await s.ok('admin', 'beneficiaries:create', person({ latinName: 'Awa Ndiaye', consentReferralSharing: null }));
    expect(p.fields.consentReferralSharing).toBeNull();
    expect(p.consents.map((c) => c.scope)).toEqual(['data_keeping']);
    const fr = await allText(await s.ok('admin', 'documents:intakeRecord', { beneficiaryId: p.id, language: 'fr' }), 'ltr');
    expect(fr).toContain('Non demandé');
    const asked = await s.ok('admin', 'beneficiaries:update', { id: p.id, fields: { ...person({ latinName: 'Awa Ndiaye' }), consentReferralSharing: false } });
    expect(asked.fields.consentReferralSharing).toBe(false);
    expect(asked.consents.filter((c) => c.scope === 'referral_sharing').map((c) => c.given)).toEqual([false]);
    // An answer does not go back to "not asked".
    const again = await s.ok('admin', 'beneficiaries:update', { id: p.id, fields: { ...person({ latinName: 'Awa Ndiaye' }), consentReferralSharing: null } });
    expect(again.fields.consentReferralSharing).toBe(false);
    expect(again.consents).toHaveLength(2);
  });
});
