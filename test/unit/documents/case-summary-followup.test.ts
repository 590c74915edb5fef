import { afterEach, describe, expect, it } from 'vitest';
import type { PdfDocument } from '../../../shared/contract/documents';
import { caseFor, person, staff } from '../../helpers/registry-fixtures';
import { fakeClock, setUpCore, type TempCore } from '../../helpers/temp-core';
import { pdfjsCopyText } from '../pdf/pdf-text';

/** Issue #12, printing: the case summary carries the activities and procedures its reader may see. */
let t: TempCore | undefined;
afterEach(async () => {
  await t?.cleanup();
  t = undefined;
});

const text = async (doc: PdfDocument) => (await pdfjsCopyText(Buffer.from(doc.base64, 'base64'))).replace(/\s+/g, ' ');

describe('case summary with follow-up', () => {
  it('prints activities, procedures and hearings in French and Arabic, leaving out restricted ones the reader may not see', async () => {
    const clock = fakeClock(new Date('2026-04-07T09:00:00Z'));
    const s = await setUpCore({ now: clock.now });
    t = s;
    const lawyer = await staff(s, 'youssef', 'youssef', 'lawyer', 'Youssef Lamrani');
    await staff(s, 'nadia', 'nadia', 'intake', 'Nadia Idrissi');
    const p = await s.ok('nadia', 'beneficiaries:create', person({ latinName: 'Moussa Kone' }));
    const kase = await s.ok('nadia', 'cases:create', caseFor(p.id, { intakeDate: '2026-04-06' }));
    await s.ok('admin', 'cases:assign', { id: kase.id, lawyerId: lawyer });
    const base = { accompanimentTo: '', durationMinutes: 45, language: 'fr', interpreter: false, nextAction: '', nextActionDate: '', date: '2026-04-06' } as const;
    await s.ok('youssef', 'activities:create', { caseId: kase.id, fields: { ...base, kind: 'consultation', time: '15:00', notes: 'Entretien sur la notification reçue ce jour.', restricted: false } });
    await s.ok('youssef', 'activities:create', { caseId: kase.id, fields: { ...base, kind: 'interview', time: '16:00', notes: 'Récit des violences subies en route.', restricted: true } });
    const removal = (await s.ok('youssef', 'procedures:templates', {})).find((tp) => tp.code === 'removal_order')!;
    await s.ok('youssef', 'procedures:start', {
      caseId: kase.id,
      fields: { templateId: removal.id, authority: 'Wilaya de Rabat', authorityRefs: 'AR-2026/114', decision: '', notifiedDate: '2026-04-06', notifiedTime: '12:24', notificationMode: 'in_person' },
    });

    await s.ok('youssef', 'hearings:create', { caseId: kase.id, fields: { kind: 'court_hearing', date: '2026-04-09', time: '09:30', place: 'Tribunal administratif de Rabat', room: 'Salle 2', purpose: '' } });
    const fr = await text(await s.ok('youssef', 'documents:caseSummary', { caseId: kase.id, language: 'fr' }));
    expect(fr).toContain('Entretien sur la notification reçue ce jour.');
    expect(fr).toContain('Récit des violences subies en route.');
    expect(fr).toContain('restreinte');
    expect(fr).toContain('Reconduite à la frontière');
    expect(fr).toContain('Dépôt du recours');
    expect(fr).toContain('8 avril 2026');
    expect(fr).toContain('AR-2026/114');
    expect(fr).toContain('Audience au tribunal');
    expect(fr).toContain('Tribunal administratif de Rabat · Salle 2');
    expect(fr).not.toContain('Rien d’enregistré. Procédures');

    // Intake staff read the case they opened, but not the lawyer's restricted note.
    const intake = await text(await s.ok('nadia', 'documents:caseSummary', { caseId: kase.id, language: 'fr' }));
    expect(intake).toContain('Entretien sur la notification reçue ce jour.');
    expect(intake).not.toContain('violences');

    const ar = await text(await s.ok('youssef', 'documents:caseSummary', { caseId: kase.id, language: 'ar' }));
    expect(ar).toContain('إيداع الطعن');
    expect(ar).toContain('أبريل');
    expect(ar).toContain('استشارة');
    expect(ar).toContain('جلسة بالمحكمة');
  });
});
