import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { PdfDocument } from '../../../shared/contract/documents';
import { caseFor, person, staff } from '../../helpers/registry-fixtures';
import { fakeClock, setUpCore, type TempCore } from '../../helpers/temp-core';
import { pdfjsCopyText } from '../pdf/pdf-text';

/** Issue #12, printing: the deadline sheet (14 days ahead) and a case's deadline log, read back. */
let t: TempCore | undefined;
afterEach(async () => {
  await t?.cleanup();
  t = undefined;
});

const text = async (doc: PdfDocument) => (await pdfjsCopyText(Buffer.from(doc.base64, 'base64'))).replace(/[\u2066-\u2069]/g, '').replace(/\s+/g, ' ');

async function clinic() {
  // Thursday 9 April 2026 in Rabat.
  const s = await setUpCore({ now: fakeClock(new Date('2026-04-09T09:00:00Z')).now });
  t = s;
  const youssef = await staff(s, 'youssef', 'youssef', 'lawyer', 'Youssef Lamrani');
  const karima = await staff(s, 'karima', 'karima', 'lawyer', 'Karima Bennani');
  await staff(s, 'nadia', 'nadia', 'supervisor', 'Nadia Idrissi');
  const templates = await s.ok('youssef', 'procedures:templates', {});
  const open = async (lawyer: number, client: string, name: string, code: string, notified: string) => {
    const p = await s.ok('admin', 'beneficiaries:create', person({ latinName: name }));
    const kase = await s.ok('admin', 'cases:create', caseFor(p.id, { intakeDate: '2026-04-01', assignedLawyerId: lawyer }));
    const started = await s.ok(client, 'procedures:start', {
      caseId: kase.id,
      fields: { templateId: templates.find((tp) => tp.code === code)!.id, authority: 'Wilaya de Rabat', authorityRefs: '', decision: '', notifiedDate: notified, notifiedTime: '12:24', notificationMode: 'in_person' },
    });
    return { kase, started };
  };
  // Overdue since 8 April; due 21 April (15 jours francs); another lawyer's.
  const late = await open(youssef, 'youssef', 'Moussa Kone', 'removal_order', '2026-04-06');
  const refusal = await open(youssef, 'youssef', 'Awa Diallo', 'residence_refusal', '2026-04-06');
  await open(karima, 'karima', 'Fatou Sow', 'residence_refusal', '2026-04-07');
  await s.ok('youssef', 'hearings:create', { caseId: refusal.kase.id, fields: { kind: 'court_hearing', date: '2026-04-20', time: '09:30', place: 'Tribunal administratif de Rabat', room: 'Salle 2', purpose: '' } });
  return { s, karima, late, refusal };
}

describe('deadline sheet', () => {
  it('lists my overdue deadlines, those of the next 14 days and my hearings, in French and Arabic, and nobody else’s', async () => {
    const { s } = await clinic();
    const frDoc = await s.ok('youssef', 'documents:deadlineSheet', { language: 'fr' });
    const arDoc = await s.ok('youssef', 'documents:deadlineSheet', { language: 'ar' });
    if (process.env.SCREENSHOTS) {
      writeFileSync(join(process.env.SCREENSHOTS, 'deadline-sheet-fr.pdf'), Buffer.from(frDoc.base64, 'base64'));
      writeFileSync(join(process.env.SCREENSHOTS, 'deadline-sheet-ar.pdf'), Buffer.from(arDoc.base64, 'base64'));
    }
    const fr = await text(frDoc);
    expect(fr).toContain('Feuille d’échéances');
    expect(fr).toContain('Youssef Lamrani — du 9 avril 2026 au 23 avril 2026');
    expect(fr).toMatch(/Délais dépassés.*8 avril 2026 12:24.*RBT-2026-00001.*Moussa Kone.*Dépôt du recours/);
    expect(fr).toMatch(/Échéances des 14 prochains jours.*21 avril 2026 \(fin de journée\).*RBT-2026-00002.*Awa Diallo/);
    expect(fr).toMatch(/Audiences et rendez-vous.*Audience au tribunal.*Tribunal administratif de Rabat · Salle 2/);
    expect(fr).not.toContain('Fatou Sow');

    const ar = await text(arDoc);
    expect(ar).toContain('ورقة الآجال');
    expect(ar).toContain('الآجال المتجاوزة');
    expect(ar).toContain('إيداع الطعن');
    expect(ar).toContain('أبريل');
    expect(ar).toContain('RBT-2026-00001');
  });

  it('gives supervisors one lawyer’s sheet or the team’s, and refuses a lawyer another’s', async () => {
    const { s, karima } = await clinic();
    const team = await text(await s.ok('nadia', 'documents:deadlineSheet', { language: 'fr' }));
    expect(team).toContain('Toute l’équipe');
    expect(team).toContain('Fatou Sow');
    expect(team).toContain('Karima Bennani');
    const hers = await text(await s.ok('nadia', 'documents:deadlineSheet', { lawyerId: karima, language: 'en' }));
    expect(hers).toContain('Karima Bennani — 9 April 2026 to 23 April 2026');
    expect(hers).not.toContain('Moussa Kone');
    const refused = await s.call('youssef', 'documents:deadlineSheet', { lawyerId: karima, language: 'fr' });
    expect(refused.ok ? null : refused.error.code).toBe('FORBIDDEN');
    const log = await s.ok('admin', 'audit:list', {});
    expect(log.items.filter((e) => e.action === 'documents:deadlineSheet').map((e) => e.outcome).sort()).toEqual(['failed', 'ok', 'ok']);
  });
});

describe('deadline log', () => {
  it('prints when each due date was computed, set by hand, recomputed after a holiday and met, and by whom', async () => {
    const { s, refusal } = await clinic();
    const appeal = refusal.started.steps[0]!;
    await s.ok('youssef', 'procedures:overrideDue', { stepId: appeal.id, fields: { date: '2026-04-17', time: '11:00', reason: 'Greffe fermé le vendredi après-midi' } });
    await s.ok('nadia', 'holidays:save', { id: null, fields: { date: '2026-04-21', nameAr: 'عطلة', nameFr: 'Jour chômé', nameEn: 'Day off', kind: 'fixed', estimated: false } });
    await s.ok('youssef', 'procedures:completeStep', { stepId: appeal.id, fields: { date: '2026-04-09', time: '09:30', note: '' } });
    const frDoc = await s.ok('youssef', 'documents:deadlineLog', { caseId: refusal.kase.id, language: 'fr' });
    if (process.env.SCREENSHOTS) writeFileSync(join(process.env.SCREENSHOTS, 'deadline-log-fr.pdf'), Buffer.from(frDoc.base64, 'base64'));
    const fr = await text(frDoc);
    expect(fr).toContain('Journal des échéances RBT-2026-00002');
    expect(fr).toMatch(/Refus, non-renouvellement ou retrait de la carte de séjour Inscrit le/);
    expect(fr).toMatch(/Recours devant le tribunal administratif calculée 21 avril 2026 à 23:59 Youssef Lamrani/);
    expect(fr).toMatch(/fixée à la main 17 avril 2026 à 11:00 Youssef Lamrani Greffe fermé le vendredi après- ?midi/);
    // The override stays in force; the computed date it replaced moved, and that is kept too.
    expect(fr).toMatch(/recalculée 22 avril 2026 à 23:59 Nadia Idrissi jours fériés modifiés/);
    expect(fr).toMatch(/respectée 17 avril 2026 à 11:00 Youssef Lamrani/);
    expect(fr).toContain('Youssef Lamrani');
    const ar = await text(await s.ok('youssef', 'documents:deadlineLog', { caseId: refusal.kase.id, language: 'ar' }));
    expect(ar).toContain('سجل الآجال');
    expect(ar).toContain('حُدّد يدويا');
    const hidden = await s.call('karima', 'documents:deadlineLog', { caseId: refusal.kase.id, language: 'fr' });
    expect(hidden.ok ? null : hidden.error.code).toBe('NOT_FOUND');
  });
});
