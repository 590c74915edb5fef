import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Result } from '../../../shared/contract';
import type { PdfDocument } from '../../../shared/contract/documents';
import { caseFor, person, staff } from '../../helpers/registry-fixtures';
import { auditDetails } from '../../helpers/audit-details';
import { fakeClock, setUpCore, type TempCore } from '../../helpers/temp-core';
import { pdfjsCopyText } from '../pdf/pdf-text';

/** Issue #14: the referral slip in the partner's language, carrying only what was chosen, read back. */
let s: TempCore | undefined;
afterEach(async () => {
  await s?.cleanup();
  s = undefined;
});

const text = async (doc: PdfDocument) => (await pdfjsCopyText(Buffer.from(doc.base64, 'base64'))).replace(/[\u2066-\u2069]/g, '').replace(/\s+/g, ' ');
const refused = <T>(r: Result<T>) => (r.ok ? null : r.error);

async function clinic(partnerLanguages: ('ar' | 'fr' | 'es')[]) {
  const core = await setUpCore({ now: fakeClock(new Date('2026-04-07T09:00:00Z')).now });
  s = core;
  const lawyer = await staff(core, 'youssef', 'youssef', 'lawyer', 'Youssef Lamrani');
  const medical = (await core.ok('youssef', 'services:list', {})).find((x) => x.code === 'medical_care')!.id;
  const partner = await core.ok('admin', 'partners:save', {
    id: null,
    version: null,
    fields: {
      name: 'مركز الصحة بالناظور', kind: 'health', serviceIds: [medical], places: ['Nador'], languages: partnerLanguages, address: '', phone: '', email: '', openingHours: '',
      agreement: false, agreementFrom: '', agreementTo: '', givesFeedback: true, answerDays: 7, notes: '', contacts: [],
    },
  });
  const p = await core.ok('admin', 'beneficiaries:create', person({ latinName: 'Awa Diallo', arabicName: 'عوا ديالو', phone: '0612345678', city: 'Nador' }));
  const kase = await core.ok('admin', 'cases:create', caseFor(p.id, { intakeDate: '2026-04-06', assignedLawyerId: lawyer }));
  const refer = (sharing: 'consent' | 'anonymous') =>
    core.ok('youssef', 'referrals:create', {
      caseId: kase.id,
      send: true,
      fields: { serviceId: medical, partnerId: partner.id, internalAccountId: null, reason: 'Douleur persistante à la main droite', request: 'Consultation et radiographie', urgency: 'urgent', followUpDate: '', sharing, consentNow: sharing === 'consent', overrideReason: '' },
    });
  return { core, kase, refer };
}

describe('referral slip', () => {
  it('is minimal by default, in the partner’s language (Arabic), and carries the sections chosen in French', async () => {
    const { core, kase, refer } = await clinic(['ar', 'fr']);
    const r = await refer('consent');
    const minimal = await core.ok('youssef', 'documents:referralSlip', { referralId: r.id, language: '', sections: { identity: false, contact: false, facts: false, documents: false } });
    expect(minimal.language).toBe('ar'); // the partner's first language among ar/fr/en
    const ar = await text(minimal);
    expect(ar).toContain('ورقة الإحالة');
    expect(ar).toContain('مركز الصحة بالناظور');
    expect(ar).toContain('Consultation et radiographie');
    expect(ar).toContain('قسيمة الرد');
    expect(ar).toContain(`${kase.reference} / ${r.id}`);
    for (const absent of ['Awa', 'عوا', '0612345678', 'Douleur']) expect(ar).not.toContain(absent);

    const full = await core.ok('youssef', 'documents:referralSlip', { referralId: r.id, language: 'fr', sections: { identity: true, contact: true, facts: true, documents: true } });
    const fr = await text(full);
    if (process.env.SCREENSHOTS) {
      writeFileSync(join(process.env.SCREENSHOTS, 'referral-slip-ar.pdf'), Buffer.from(minimal.base64, 'base64'));
      writeFileSync(join(process.env.SCREENSHOTS, 'referral-slip-fr.pdf'), Buffer.from(full.base64, 'base64'));
    }
    for (const present of ['Fiche d’orientation', 'Awa Diallo', '0612345678', 'Nador', 'Douleur persistante à la main droite', 'Coupon-réponse', 'La personne a consenti à ce partage le 7 avril 2026.']) {
      expect(fr).toContain(present);
    }
    const printed = (await auditDetails(core)).filter((a) => a.action === 'documents:referralSlip');
    expect(printed.map((a) => JSON.parse(a.details ?? '{}') as { sha256: string })).toEqual([expect.objectContaining({ sha256: minimal.sha256 }), expect.objectContaining({ sha256: full.sha256 })]);
  });

  it('refuses identifying sections on an anonymous referral; its slip says it is anonymous', async () => {
    const { core, refer } = await clinic(['es']);
    const r = await refer('anonymous');
    const denied = await core.call('youssef', 'documents:referralSlip', { referralId: r.id, language: '', sections: { identity: true, contact: true, facts: true, documents: false } });
    expect(refused(denied)).toMatchObject({ code: 'VALIDATION', fields: [{ path: 'sections.identity', message: 'validation.anonymousSlip' }, { path: 'sections.contact' }] });
    const slip = await core.ok('youssef', 'documents:referralSlip', { referralId: r.id, language: '', sections: { identity: false, contact: false, facts: true, documents: false } });
    expect(slip.language).toBe('fr'); // the partner speaks none of ar/fr/en: the writer's language
    const fr = await text(slip);
    expect(fr).toContain('Orientation anonyme : cette fiche n’identifie personne.');
    expect(fr).not.toContain('Awa');
  });
});
