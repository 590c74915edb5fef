import type { TFunction } from 'i18next';
import type { DeadlineComputation } from '../../../shared/deadlines/compute';
import { COUNTING_UNIT } from '../../../shared/deadlines/rules';
import type { Names } from '../../../shared/domain/procedure';
import { isolate, type Formats } from './format';

/**
 * How a due date was reached, in one line a lawyer can check against the law: "Date de
 * notification lundi 6 avril 2026, 12:24 · 48 heures · échéance mercredi 8 avril 2026, 12:24",
 * then the days it moved over, and the warnings (estimated holiday, clock change).
 */
export function explainDeadline(t: TFunction, f: Formats, c: Pick<DeadlineComputation, 'trigger' | 'rule' | 'due' | 'dueDay' | 'atTime' | 'skipped' | 'dependsOnEstimated' | 'clockChange' | 'warnFrom'>, trigger: { step: Names | null; triggerName: Names }): string[] {
  const when = f.clinicDateTime(c.trigger);
  const start = trigger.step ? t('procedures.explain.triggerStep', { step: trigger.step[f.language], date: when }) : t('procedures.explain.trigger', { trigger: trigger.triggerName[f.language], date: when });
  const plain = f.amount(c.rule.amount, COUNTING_UNIT[c.rule.counting]);
  // Hours and months need no qualifier ("48 heures", "1 mois"); days say how they count.
  const amount = c.rule.counting === 'francs' || c.rule.counting === 'calendar' ? t(`procedures.explain.${c.rule.counting}`, { amount: plain }) : plain;
  const due = c.atTime ? t('procedures.explain.due', { date: f.clinicDateTime(c.due) }) : t('procedures.explain.dueEndOfDay', { date: f.clinicDay(c.dueDay) });
  const lines = [[start, amount, due].join(' · ')];
  if (c.skipped.length > 0) {
    const days = c.skipped.map((s) => {
      const day = f.clinicDay(s.day);
      if (s.reason === 'weekend' || !s.holiday) return t('procedures.explain.weekend', { day });
      return t(s.holiday.estimated ? 'procedures.explain.holidayEstimated' : 'procedures.explain.holiday', { day, name: isolate(s.holiday.name[f.language]) });
    });
    lines.push(t('procedures.explain.moved', { days: f.list(days) }));
  }
  if (c.warnFrom) lines.push(t('procedures.explain.warnFrom', { date: f.clinicDay(c.warnFrom) }));
  if (c.dependsOnEstimated) lines.push(t('procedures.explain.estimated'));
  if (c.clockChange) lines.push(t('procedures.explain.clockChange'));
  return lines;
}
