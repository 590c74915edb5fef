import { renderInWorker } from '../../electron/core/documents/render-client';
import type { CaseDetail } from '../../shared/contract/cases';
import { summarize, timed, type Figure } from './stats';

/**
 * Issue #4's target: a 50-page case summary in Arabic in under 2 s. No stored case is that
 * long yet (activities, procedures and referrals come with later features, and a summary of
 * facts is capped at 8,000 characters), so the same builder and renderer the channel uses
 * are fed a case with years of notes: many facts paragraphs and a long status history, mixed
 * Arabic with Latin names, references and dates, as real files are.
 */
const SENTENCES = [
  'حضر السيد Mamadou Diallo إلى مقر العيادة يوم 12 مارس وطلب مساعدته في تجديد بطاقة الإقامة (المرجع RBT-2026-00042).',
  'أفاد بأن الولاية رفضت طلبه دون تعليل مكتوب، وأنه يعمل منذ سنتين في ورش للبناء بالدار البيضاء دون عقد شغل.',
  'تم شرح مسطرة الطعن الإداري وآجالها، وتم الاتفاق على موعد جديد لإعداد المذكرة وإرفاق الوثائق اللازمة.',
  'رافقت المحامية Karima Bennani المستفيد إلى المحكمة الإدارية بالرباط لإيداع الطعن رقم 2026/7110/123.',
];

export function longCase(paragraphs: number, historyRows: number): CaseDetail {
  const facts = Array.from({ length: paragraphs }, (_, i) => `${i + 1}. ${SENTENCES[i % 4]} ${SENTENCES[(i + 1) % 4]} ${SENTENCES[(i + 2) % 4]}`).join('\n');
  const statuses = ['open', 'pending', 'open', 'closed', 'reopened'] as const;
  return {
    id: 1,
    reference: 'RBT-2026-00042',
    beneficiary: { id: 1, latinName: 'Mamadou Diallo', arabicName: 'مامادو ديالو', sex: 'male', birthYear: 1994, nationality: 'GN', phone: '0612345678', city: 'Rabat', legalStatus: 'asylum_seeker', createdAt: '2019-03-01T10:00:00Z' },
    fields: { intakeDate: '2019-03-01', channel: 'walk_in', domainIds: [1, 2], summary: facts, urgency: 'urgent', urgencyReasons: ['imminent_deadline'], sensitive: false },
    status: 'open',
    assignedLawyerId: 2,
    assignedLawyer: 'Karima Bennani',
    closureReason: null,
    outcome: null,
    history: Array.from({ length: historyRows }, (_, i) => ({
      from: i === 0 ? null : statuses[(i - 1) % 5]!,
      to: statuses[i % 5]!,
      at: new Date(Date.UTC(2019, 2, 1 + i * 3)).toISOString(),
      by: 'Karima Bennani',
      note: SENTENCES[i % 4]!,
      closureReason: null,
      outcome: null,
    })),
    createdAt: '2019-03-01T10:00:00Z',
    assignments: [{ at: '2019-03-02T09:00:00Z', by: 'Nadia Accueil', from: null, to: 'Karima Bennani' }],
    createdBy: 'Nadia Accueil',
  };
}

export async function measureLongArabicSummary(reps: number): Promise<Figure> {
  const detail = longCase(160, 280);
  const ctx = { language: 'ar' as const, clinicName: 'العيادة القانونية بالرباط', generatedBy: 'Hind Coordinatrice', generatedAt: new Date() };
  // The channel's own path: a worker started for the document, the builder and renderer in it.
  const render = () => renderInWorker({ kind: 'caseSummary', ctx, data: { case: detail, domains: ['الإقامة والتسوية', 'اللجوء وصفة اللاجئ'], activities: [], procedures: [], hearings: [] } });
  const pages = ((await render()).toString('latin1').match(/\/Type \/Page\b/g) ?? []).length;
  const samples: number[] = [];
  for (let i = 0; i < reps; i++) samples.push(await timed(render));
  return summarize('pdf50', `Arabic case summary, ${pages} pages`, samples, { target: { max: 2000, on: 'p95' }, note: 'in the PDF worker: builder, RTL layout, pdfmake' });
}
