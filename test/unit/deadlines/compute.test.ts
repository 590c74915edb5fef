import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeDeadline, DeadlineInputError } from '../../../shared/deadlines/compute';
import { indexHolidays } from '../../../shared/deadlines/holidays';
import { moroccanHolidays } from '../../../shared/deadlines/moroccan-holidays';
import type { DeadlineRule } from '../../../shared/deadlines/rules';
import { atLocal, isWeekend, localDay } from '../../../shared/deadlines/zone';

const holidays = indexHolidays(moroccanHolidays(2025, 2031));
/** A clinic-time wall-clock moment as a UTC instant. */
const at = (day: string, hh = 0, mm = 0): string => atLocal(day, hh, mm).toDate().toISOString();
const rule = (amount: number, counting: DeadlineRule['counting'], roll = true, warn = 0): DeadlineRule => ({ amount, counting, rollToWorkingDay: roll, warnDaysBefore: warn });
const local = (instant: string): string => {
  const z = atLocalOf(instant);
  return `${z.day} ${z.time}`;
};
function atLocalOf(instant: string): { day: string; time: string } {
  const f = new Intl.DateTimeFormat('en-GB', { timeZone: 'Africa/Casablanca', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });
  return { day: localDay(instant), time: f.format(new Date(instant)) };
}

describe('deadline arithmetic: worked examples (issue #12)', () => {
  it('48 hours from a removal order notified Monday 6 April 12:24 ends Wednesday 8 April 12:24', () => {
    const d = computeDeadline(at('2026-04-06', 12, 24), rule(48, 'clock'), holidays);
    expect(local(d.due)).toBe('2026-04-08 12:24:00');
    expect(d.atTime).toBe(true);
    expect(d.skipped).toEqual([]);
    expect(d.clockChange).toBe(false);
  });

  it('a 4 jours francs ruling window from a filing on 8 April ends on 12 April, and moves off that Sunday when asked', () => {
    const plain = computeDeadline(at('2026-04-08', 12, 0), rule(4, 'francs', false), holidays);
    expect(local(plain.due)).toBe('2026-04-12 23:59:59');
    expect(plain.atTime).toBe(false);
    const rolled = computeDeadline(at('2026-04-08', 12, 0), rule(4, 'francs', true), holidays);
    expect(rolled.dueDay).toBe('2026-04-13');
    expect(rolled.skipped).toEqual([{ day: '2026-04-12', reason: 'weekend' }]);
  });

  it('counts 15, 30 and 60 calendar days with the trigger day as the first, and 1 month date to date', () => {
    expect(computeDeadline(at('2026-06-01', 9), rule(15, 'calendar'), holidays).dueDay).toBe('2026-06-15');
    expect(computeDeadline(at('2026-06-01', 9), rule(30, 'calendar'), holidays).dueDay).toBe('2026-06-30');
    expect(computeDeadline(at('2026-09-01', 9), rule(60, 'calendar'), holidays).dueDay).toBe('2026-10-30');
    expect(computeDeadline(at('2026-09-15', 9), rule(1, 'months'), holidays).dueDay).toBe('2026-10-15');
  });

  it('ends a month counted from 31 January on the last day of February', () => {
    expect(computeDeadline(at('2028-01-31', 10), rule(1, 'months', false), holidays).dueDay).toBe('2028-02-29');
    const d = computeDeadline(at('2026-01-31', 10), rule(1, 'months'), holidays);
    expect(localDay(d.counted)).toBe('2026-02-28');
    // 28 February 2026 is a Saturday: the next working day is Monday 2 March.
    expect(d.dueDay).toBe('2026-03-02');
  });

  it('moves a deadline ending on a Saturday to Monday, keeping its clock time', () => {
    const d = computeDeadline(at('2026-04-09', 10, 0), rule(48, 'clock'), holidays);
    expect(local(d.counted)).toBe('2026-04-11 10:00:00');
    expect(local(d.due)).toBe('2026-04-13 10:00:00');
    expect(d.skipped.map((s) => s.day)).toEqual(['2026-04-11', '2026-04-12']);
  });

  it('moves a deadline ending on 31 October (Aïd Al Wahda) past the holiday and the weekend', () => {
    const d = computeDeadline(at('2025-10-17', 9), rule(15, 'calendar'), holidays);
    expect(localDay(d.counted)).toBe('2025-10-31');
    expect(d.dueDay).toBe('2025-11-03');
    expect(d.skipped[0]).toMatchObject({ day: '2025-10-31', reason: 'holiday', holiday: { name: { fr: 'Aïd Al Wahda' }, estimated: false } });
    expect(d.dependsOnEstimated).toBe(false);
  });

  it('says when a deadline depends on an estimated Eid', () => {
    // 30 days from 28 April 2026 end on 27 May, the estimated first day of Aïd Al Adha.
    const d = computeDeadline(at('2026-04-28', 9), rule(30, 'calendar'), holidays);
    expect(localDay(d.counted)).toBe('2026-05-27');
    expect(d.skipped.map((s) => [s.day, s.reason, s.holiday?.estimated])).toEqual([
      ['2026-05-27', 'holiday', true],
      ['2026-05-28', 'holiday', true],
    ]);
    expect(d.dueDay).toBe('2026-05-29');
    expect(d.dependsOnEstimated).toBe(true);
  });

  it('takes the earlier reading of an hour-based deadline across the Ramadan clock changes', () => {
    // Clocks go back from UTC+1 to UTC+0 at 03:00 on Sunday 15 February 2026: 48 hours of
    // elapsed time end at 11:24, an hour before the same clock time.
    const back = computeDeadline(at('2026-02-13', 12, 24), rule(48, 'clock', false), holidays);
    expect(local(back.due)).toBe('2026-02-15 11:24:00');
    expect(back.due).toBe('2026-02-15T11:24:00.000Z');
    expect(back.clockChange).toBe(true);
    // Clocks go forward at 02:00 on Sunday 22 March 2026: the same clock time (12:00) comes
    // first, after 47 hours.
    const forward = computeDeadline(at('2026-03-20', 12, 0), rule(48, 'clock', false), holidays);
    expect(local(forward.due)).toBe('2026-03-22 12:00:00');
    expect(forward.due).toBe('2026-03-22T11:00:00.000Z');
    expect(forward.clockChange).toBe(true);
  });

  it('gives the early-warning day, and refuses absurd amounts', () => {
    expect(computeDeadline(at('2026-06-01', 9), rule(30, 'calendar', true, 2), holidays).warnFrom).toBe('2026-06-28');
    expect(() => computeDeadline(at('2026-06-01', 9), rule(0, 'calendar'), holidays)).toThrow(DeadlineInputError);
    expect(() => computeDeadline(at('2026-06-01', 9), rule(1.5, 'francs'), holidays)).toThrow(DeadlineInputError);
    expect(() => computeDeadline(at('2026-06-01', 9), rule(10_000, 'clock'), holidays)).toThrow(DeadlineInputError);
    expect(() => computeDeadline('yesterday', rule(2, 'clock'), holidays)).toThrow(DeadlineInputError);
  });
});

const instant = fc.integer({ min: Date.UTC(2025, 0, 1), max: Date.UTC(2030, 11, 1) }).map((ms) => new Date(Math.floor(ms / 60_000) * 60_000).toISOString());
const anyRule = fc.oneof(
  fc.record({ amount: fc.integer({ min: 1, max: 720 }), counting: fc.constant('clock' as const) }),
  fc.record({ amount: fc.integer({ min: 1, max: 120 }), counting: fc.constantFrom('francs' as const, 'calendar' as const) }),
  fc.record({ amount: fc.integer({ min: 1, max: 24 }), counting: fc.constant('months' as const) }),
);

describe('deadline arithmetic: properties', () => {
  it('never puts a due date before its trigger', () => {
    fc.assert(
      fc.property(instant, anyRule, fc.boolean(), (trigger, r, roll) => {
        const d = computeDeadline(trigger, { ...r, rollToWorkingDay: roll, warnDaysBefore: 0 }, holidays);
        return d.due > trigger && d.counted > trigger && d.due >= d.counted;
      }),
      { numRuns: 2000 },
    );
  });

  it('never lands a moved deadline on a weekend or a holiday', () => {
    fc.assert(
      fc.property(instant, anyRule, (trigger, r) => {
        const d = computeDeadline(trigger, { ...r, rollToWorkingDay: true, warnDaysBefore: 0 }, holidays);
        return !isWeekend(d.dueDay) && !holidays.has(d.dueDay) && localDay(d.due) === d.dueDay;
      }),
      { numRuns: 2000 },
    );
  });

  it('never gives an earlier due date for a later trigger (to the second, or to the day once moved)', () => {
    fc.assert(
      fc.property(instant, instant, anyRule, fc.boolean(), (a, b, r, roll) => {
        const [early, late] = a <= b ? [a, b] : [b, a];
        const full = { ...r, rollToWorkingDay: roll, warnDaysBefore: 0 };
        const d1 = computeDeadline(early, full, holidays);
        const d2 = computeDeadline(late, full, holidays);
        // A moved hour deadline keeps its clock time on the working day it moved to, so two
        // deadlines moved to the same day compare by day.
        return roll ? d1.dueDay <= d2.dueDay : d1.due <= d2.due;
      }),
      { numRuns: 3000 },
    );
  });
});
