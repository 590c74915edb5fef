/**
 * Procedure templates shipped as **examples for the clinic's lawyers to confirm**, never as
 * legal advice (issue #12). Sources: the GADEM practical legal guide for foreigners in Morocco,
 * the Code of civil procedure (CPC), law 02-03 on the entry and stay of foreigners, law 41-90 on
 * administrative courts, the Labour code, law 37-99 on civil status and law 103-13 on violence
 * against women. Day-counted procedural deadlines are read as jours francs (CPC art. 512).
 */
import type { Names, StepRule, TemplateDefinition, TemplateStep } from '../domain/procedure';
import type { DeadlineCounting } from './rules';

const n = (ar: string, fr: string, en: string): Names => ({ ar, fr, en });
const NOTIFIED = n('تاريخ التبليغ', 'Date de notification', 'Date of notification');

function rule(amount: number, counting: DeadlineCounting, basis: string, options: { after?: string; roll?: boolean; warn?: number } = {}): StepRule {
  return {
    trigger: options.after ? { kind: 'step', step: options.after } : { kind: 'notification' },
    amount,
    counting,
    rollToWorkingDay: options.roll ?? counting !== 'clock',
    warnDaysBefore: options.warn ?? 0,
    basis,
  };
}
const step = (key: string, name: Names, r: StepRule | null = null): TemplateStep => ({ key, name, rule: r });

export const EXAMPLE_TEMPLATES: readonly TemplateDefinition[] = [
  {
    code: 'removal_order',
    name: n('قرار الاقتياد إلى الحدود: الطعن أمام رئيس المحكمة الإدارية', 'Reconduite à la frontière : recours devant le président du tribunal administratif', 'Removal order: appeal to the president of the administrative court'),
    triggerName: NOTIFIED,
    steps: [
      step('appeal', n('إيداع الطعن', 'Dépôt du recours', 'File the appeal'), rule(48, 'clock', 'Loi 02-03, art. 23')),
      step('ruling', n('بت رئيس المحكمة', 'Décision du président', 'Ruling of the president'), rule(4, 'francs', 'Loi 02-03, art. 23', { after: 'appeal', roll: false })),
      step('ruling_appeal', n('استئناف الأمر', 'Appel de l’ordonnance', 'Appeal of the ruling'), rule(1, 'months', 'Loi 02-03, art. 23', { after: 'ruling' })),
    ],
  },
  {
    code: 'residence_refusal',
    name: n('رفض أو عدم تجديد أو سحب بطاقة الإقامة', 'Refus, non-renouvellement ou retrait de la carte de séjour', 'Refusal, non-renewal or withdrawal of a residence card'),
    triggerName: NOTIFIED,
    steps: [
      step('appeal', n('الطعن أمام المحكمة الإدارية', 'Recours devant le tribunal administratif', 'Appeal to the administrative court'), rule(15, 'francs', 'Loi 02-03, art. 20')),
      step('admin_appeal', n('التظلم الإداري (يوقف الأجل)', 'Recours administratif (suspend le délai)', 'Administrative appeal (suspends the deadline)')),
      step('implicit_refusal', n('رفض ضمني بعد 60 يوما من السكوت', 'Refus implicite après 60 jours de silence', 'Implicit refusal after 60 days of silence'), rule(60, 'calendar', 'Loi 41-90, art. 23', { after: 'admin_appeal', roll: false })),
    ],
  },
  {
    code: 'excess_of_power',
    name: n('قرارات إدارية أخرى: دعوى الإلغاء للشطط في استعمال السلطة', 'Autres décisions administratives : recours pour excès de pouvoir', 'Other administrative decisions: excess of power'),
    triggerName: NOTIFIED,
    steps: [
      step('appeal', n('إيداع دعوى الإلغاء', 'Dépôt du recours', 'File the appeal'), rule(60, 'francs', 'Loi 41-90, art. 23')),
      step('judgment', n('الحكم', 'Jugement', 'Judgment')),
      step('judgment_appeal', n('استئناف الحكم', 'Appel du jugement', 'Appeal of the judgment'), rule(30, 'francs', 'Loi 80-03, art. 9', { after: 'judgment' })),
    ],
  },
  {
    code: 'asylum_unhcr',
    name: n('اللجوء لدى المفوضية بالرباط', 'Asile auprès du HCR à Rabat', 'Asylum with UNHCR in Rabat'),
    triggerName: n('تاريخ التسجيل', 'Date d’enregistrement', 'Date of registration'),
    steps: [
      step('interview', n('مقابلة تحديد صفة اللاجئ', 'Entretien de détermination du statut', 'Status determination interview')),
      step('decision', n('القرار', 'Décision', 'Decision')),
      step('appeal', n('الطعن في القرار', 'Recours contre la décision', 'Appeal of the decision'), rule(30, 'calendar', 'HCR, procédures de DSR', { after: 'decision', roll: false, warn: 2 })),
    ],
  },
  {
    code: 'civil_appeal',
    name: n('استئناف حكم مدني', 'Appel d’un jugement civil', 'Civil appeal'),
    triggerName: NOTIFIED,
    steps: [step('appeal', n('إيداع الاستئناف', 'Dépôt de l’appel', 'File the appeal'), rule(30, 'francs', 'CPC, art. 134'))],
  },
  {
    code: 'urgent_order_appeal',
    name: n('استئناف أمر استعجالي', 'Appel d’une ordonnance de référé', 'Appeal of an urgent order'),
    triggerName: NOTIFIED,
    steps: [step('appeal', n('إيداع الاستئناف', 'Dépôt de l’appel', 'File the appeal'), rule(15, 'francs', 'CPC, art. 153'))],
  },
  {
    code: 'cassation',
    name: n('الطعن بالنقض', 'Pourvoi en cassation', 'Cassation'),
    triggerName: NOTIFIED,
    steps: [step('appeal', n('إيداع طلب النقض', 'Dépôt du pourvoi', 'File the cassation appeal'), rule(30, 'francs', 'CPC, art. 358'))],
  },
  {
    code: 'cassation_administrative',
    name: n('الطعن بالنقض في المادة الإدارية', 'Pourvoi en cassation, matière administrative', 'Cassation, administrative matters'),
    triggerName: NOTIFIED,
    steps: [step('appeal', n('إيداع طلب النقض', 'Dépôt du pourvoi', 'File the cassation appeal'), rule(60, 'francs', 'CPC, art. 360'))],
  },
  {
    code: 'dismissal',
    name: n('الفصل من الشغل', 'Licenciement', 'Dismissal'),
    triggerName: n('تاريخ الفصل', 'Date du licenciement', 'Date of dismissal'),
    steps: [step('court_action', n('رفع الدعوى أمام المحكمة', 'Saisine du tribunal', 'Bring the case to court'), rule(90, 'calendar', 'Code du travail, art. 65'))],
  },
  {
    code: 'birth_declaration',
    name: n('التصريح بالولادة (الأجانب كذلك)', 'Déclaration de naissance (étrangers compris)', 'Birth declaration (foreigners included)'),
    triggerName: n('تاريخ الولادة', 'Date de naissance', 'Date of birth'),
    steps: [
      step('declaration', n('التصريح لدى ضابط الحالة المدنية', 'Déclaration à l’officier d’état civil', 'Declaration to the civil registrar'), rule(30, 'calendar', 'Loi 37-99, art. 15')),
      step('judgment', n('بعد الأجل: حكم تصريحي', 'Après le délai : jugement déclaratif', 'After the deadline: a court judgment')),
    ],
  },
  {
    code: 'violence_complaint',
    name: n('شكاية امرأة ضحية عنف (القانون 103-13)', 'Plainte d’une femme victime de violence (loi 103-13)', 'Complaint by a woman victim of violence (law 103-13)'),
    triggerName: n('تاريخ الوقائع', 'Date des faits', 'Date of the facts'),
    steps: [
      step('certificate', n('شهادة طبية من خلية المستشفى', 'Certificat de la cellule de l’hôpital', 'Certificate from the hospital unit')),
      step('complaint', n('شكاية لدى خلية المحكمة', 'Plainte auprès de la cellule du tribunal', 'Complaint to the court unit')),
      step('prosecutor', n('إحالة على النيابة العامة', 'Transmission au procureur', 'Referral to the prosecutor')),
    ],
  },
];
