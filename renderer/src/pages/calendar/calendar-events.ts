import type { EventInput } from '@fullcalendar/react';
import type { TFunction } from 'i18next';
import type { CalendarData } from '../../../../shared/contract/calendar';
import { clinicTime, localDay } from '../../../../shared/deadlines/zone';
import type { Language } from '../../../../shared/domain/languages';
import { href } from '../../lib/route';

/**
 * The calendar shows clinic time (Africa/Casablanca) whatever the computer's zone: it runs in
 * UTC and is given each entry's clinic-time wall clock as a date and time without an offset,
 * which it then shows as is. A deadline due at 12:24 in Rabat reads 12:24 on a laptop set to
 * Paris time, as it does on its case page and on paper.
 */
export const wallClock = (instant: string): string => `${localDay(instant)}T${clinicTime(instant)}:00`;

/** One colour per kind (white text on each passes WCAG AA); overdue deadlines in red. */
export const KIND_COLOURS = { deadline: '#9a3412', overdue: '#b42318', hearing: '#1d4ed8', task: '#6d28d9', holiday: '#047857' } as const;

export interface EntryMeta {
  /** The case page to open, or null (a task alone, a holiday). */
  link: string | null;
  /** What kind of entry it is and its state, "(Deadline, Overdue)": read out after what is shown. */
  note: string;
  /** The whole entry for the tooltip, with the place of a hearing. */
  label: string;
  /** Shown: what it is, then the case's reference and person, each isolated (a Latin reference in an Arabic line). */
  main: string;
  who: readonly string[];
}

const parts = (reference: string | null, person: string | null) => [reference, person].filter((x): x is string => Boolean(x));
const who = (reference: string | null, person: string | null) => parts(reference, person).join(' · ');

const entry = (link: string | null, title: string, note: string, main: string, who: string[]): EntryMeta => ({ link, note, label: `${title} ${note}`, main, who });

/** Turns the core's lists into calendar entries, coloured by kind. */
export function calendarEvents(data: CalendarData, t: TFunction, language: Language): EventInput[] {
  const events: EventInput[] = [];
  for (const h of data.holidays) {
    const title = h.estimated ? t('calendar.holidayEstimated', { name: h.name[language] }) : h.name[language];
    events.push({ id: `holiday-${h.date}`, start: h.date, allDay: true, title, color: KIND_COLOURS.holiday, display: 'block', extendedProps: entry(null, title, t('calendar.noteState', { kind: t('calendar.kinds.holiday'), state: t(h.estimated ? 'holidays.estimated' : 'holidays.confirmed') }), title, []) });
  }
  for (const d of data.deadlines) {
    const title = `${d.step[language]} — ${who(d.reference, d.person)}`;
    events.push({
      id: `deadline-${d.stepId}`,
      title,
      ...(d.endOfDay ? { start: d.dueDay, allDay: true } : { start: wallClock(d.dueAt), allDay: false }),
      color: d.state === 'overdue' ? KIND_COLOURS.overdue : KIND_COLOURS.deadline,
      extendedProps: entry(href('cases', d.caseId), title, t('calendar.noteState', { kind: t('calendar.kinds.deadline'), state: t(`enums.stepState.${d.state}`) }), d.step[language], parts(d.reference, d.person)),
    });
  }
  for (const h of data.hearings) {
    const title = `${t(`enums.hearingKind.${h.kind}`)} — ${who(h.reference, h.person)}`;
    events.push({
      id: `hearing-${h.hearingId}`,
      title,
      start: wallClock(h.at),
      allDay: false,
      color: KIND_COLOURS.hearing,
      extendedProps: entry(href('cases', h.caseId), h.place ? `${title}, ${h.place}` : title, t('calendar.noteState', { kind: t('calendar.kinds.hearing'), state: t(`enums.hearingStatus.${h.status}`) }), t(`enums.hearingKind.${h.kind}`), parts(h.reference, h.person)),
    });
  }
  for (const task of data.tasks) {
    const title = task.reference ? `${task.title} — ${task.reference}` : task.title;
    events.push({
      id: `task-${task.id}`,
      title,
      start: task.dueDate,
      allDay: true,
      color: KIND_COLOURS.task,
      extendedProps: entry(task.caseId === null ? null : href('cases', task.caseId), title, t('calendar.noteState', { kind: t('calendar.kinds.task'), state: t(`enums.stepState.${task.state}`) }), task.title, parts(task.reference, null)),
    });
  }
  return events;
}
