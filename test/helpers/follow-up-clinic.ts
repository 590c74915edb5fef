import type { ChannelOutput, Result } from '../../shared/contract';
import { caseFor, person, staff } from './registry-fixtures';
import { fakeClock, setUpCore, type TempCore } from './temp-core';

/**
 * The clinic of the follow-up tests (issue #12) on Tuesday 7 April 2026 in Rabat: a lawyer
 * (youssef), a supervisor (nadia), intake staff (imane) and one case assigned to the lawyer,
 * with `start(templateId)` opening a procedure notified on Monday 6 April at 10:00.
 */
export async function followUpClinic(): Promise<{ s: TempCore; lawyerId: number; caseId: number; start: (templateId: number) => Promise<Result<ChannelOutput<'procedures:start'>>> }> {
  const s = await setUpCore({ now: fakeClock(new Date('2026-04-07T09:00:00Z')).now });
  const lawyerId = await staff(s, 'youssef', 'youssef', 'lawyer', 'Youssef Lamrani');
  await staff(s, 'nadia', 'nadia', 'supervisor', 'Nadia Supervisor');
  await staff(s, 'imane', 'imane', 'intake', 'Imane Intake');
  const p = await s.ok('admin', 'beneficiaries:create', person({ latinName: 'Awa Diallo' }));
  const kase = await s.ok('admin', 'cases:create', caseFor(p.id, { intakeDate: '2026-04-06', assignedLawyerId: lawyerId }));
  const start = (templateId: number) =>
    s.call('youssef', 'procedures:start', {
      caseId: kase.id,
      fields: { templateId, authority: 'Préfecture de Rabat', authorityRefs: '', decision: 'Refus de renouvellement', notifiedDate: '2026-04-06', notifiedTime: '10:00', notificationMode: 'in_writing' },
    });
  return { s, lawyerId, caseId: kase.id, start };
}
