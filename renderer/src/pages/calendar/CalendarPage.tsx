import '@fullcalendar/react/skeleton.css';
import '@fullcalendar/react/themes/classic/theme.css';
import '@fullcalendar/react/themes/classic/palette.css';
import Calendar, { type EventSourceFuncInfo, type EventInput } from '@fullcalendar/react';
import dayGridPlugin from '@fullcalendar/react/daygrid';
import listPlugin from '@fullcalendar/react/list';
import arLocale from '@fullcalendar/react/locales/ar-ma';
import frLocale from '@fullcalendar/react/locales/fr';
import classicTheme from '@fullcalendar/react/themes/classic';
import timeGridPlugin from '@fullcalendar/react/timegrid';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { localDay } from '../../../../shared/deadlines/zone';
import type { Role } from '../../../../shared/domain/roles';
import { Banner } from '../../components/Banner';
import { SelectField } from '../../components/Field';
import { call } from '../../lib/api';
import { errorMessage } from '../../lib/errors';
import { useFormats } from '../../lib/format';
import { useLawyers } from '../../lib/lawyers';
import { navigate } from '../../lib/route';
import { calendarEvents, KIND_COLOURS, wallClock, type EntryMeta } from './calendar-events';

const LOCALES = { ar: arLocale, fr: frLocale, en: 'en-gb' } as const;

/**
 * The calendar (issue #12): month, week and agenda views of deadlines, hearings, tasks and
 * holidays, drawn by FullCalendar (its Arabic locale mirrors it). A lawyer sees their own;
 * supervisors and administrators anyone's or the whole team's. An entry opens its case.
 */
export function CalendarPage({ role }: { role: Role }) {
  const { t } = useTranslation();
  const f = useFormats();
  const oversees = role === 'supervisor' || role === 'admin';
  const lawyers = useLawyers(oversees);
  const [lawyerId, setLawyerId] = useState<number | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  const [truncated, setTruncated] = useState(false);

  const load = useCallback(
    (info: EventSourceFuncInfo, done: (events: EventInput[]) => void, failed: (e: Error) => void) => {
      // The view's span, in the calendar's (UTC wall-clock) days; `end` is exclusive.
      const from = info.start.toISOString().slice(0, 10);
      const to = new Date(info.end.getTime() - 86_400_000).toISOString().slice(0, 10);
      call('calendar:entries', { from, to, ...(lawyerId === undefined ? {} : { lawyerId }) }).then(
        (data) => {
          setError(null);
          setTruncated(data.truncated);
          done(calendarEvents(data, t, f.language));
        },
        (e: unknown) => {
          setError(errorMessage(t, e));
          failed(e instanceof Error ? e : new Error(String(e)));
        },
      );
    },
    [lawyerId, t, f.language],
  );

  return (
    <section className="panel wide calendar-panel" aria-label={t('nav.calendar')}>
      {oversees && (
        <div className="filters">
          <SelectField
            label={t('calendar.whose')}
            value={lawyerId === undefined ? '' : String(lawyerId)}
            onChange={(e) => setLawyerId(e.target.value ? Number(e.target.value) : undefined)}
            options={[{ value: '', label: t('work.everyone') }, ...(lawyers ?? []).map((l) => ({ value: String(l.id), label: l.fullName }))]}
          />
        </div>
      )}
      <Banner kind="error">{error}</Banner>
      {truncated && (
        <p className="notice" role="status">
          {t('calendar.truncated')}
        </p>
      )}
      <ul className="legend" aria-label={t('calendar.legend')}>
        {(['deadline', 'hearing', 'task', 'holiday'] as const).map((k) => (
          <li key={k}>
            <span className="swatch" style={{ background: KIND_COLOURS[k] }} aria-hidden="true" /> {t(`calendar.kinds.${k}`)}
          </li>
        ))}
      </ul>
      <Calendar
        key={`${f.language}:${lawyerId ?? 'all'}`}
        plugins={[classicTheme, dayGridPlugin, timeGridPlugin, listPlugin]}
        initialView="dayGridMonth"
        locale={LOCALES[f.language]}
        direction={f.language === 'ar' ? 'rtl' : 'ltr'}
        // Weeks start on Monday in Moroccan offices, whatever the locale's default.
        firstDay={1}
        timeZone="UTC"
        now={() => wallClock(new Date().toISOString())}
        headerToolbar={{ start: 'prev,next today', center: 'title', end: 'dayGridMonth,timeGridWeek,listMonth' }}
        prevText={t('calendar.previous')}
        nextText={t('calendar.next')}
        todayText={t('calendar.today')}
        monthText={t('calendar.month')}
        weekTextLong={t('calendar.week')}
        listText={t('calendar.agenda')}
        allDayText={t('calendar.allDay')}
        noEventsText={t('calendar.nothing')}
        eventTimeFormat={{ hour: '2-digit', minute: '2-digit', hour12: false }}
        slotHeaderFormat={{ hour: '2-digit', minute: '2-digit', hour12: false }}
        slotMinTime="07:00:00"
        slotMaxTime="20:00:00"
        height="auto"
        dayMaxEvents={4}
        events={load}
        // Our own content, so a long title wraps in the month grid instead of being cut.
        eventContent={(arg) => {
          const meta = arg.event.extendedProps as EntryMeta;
          return (
            <span className="cal-entry">
              {arg.timeText && <b>{arg.timeText} </b>}
              {meta.main}
              {meta.who.map((w, i) => (
                <span key={w}>
                  {i === 0 ? ' — ' : ' · '}
                  <bdi>{w}</bdi>
                </span>
              ))}
              <span className="visually-hidden"> {meta.note}</span>
            </span>
          );
        }}
        eventDidMount={(info) => {
          // Its name is what it shows plus the hidden note (label in name, WCAG 2.5.3); the tooltip says it all.
          const meta = info.event.extendedProps as EntryMeta;
          info.el.setAttribute('title', info.timeText ? `${info.timeText} ${meta.label}` : meta.label);
        }}
        eventClick={(info) => {
          const meta = info.event.extendedProps as EntryMeta;
          info.jsEvent.preventDefault();
          if (meta.link) navigate(meta.link);
        }}
      />
      <p className="muted small">{t('calendar.zoneNote', { today: f.clinicDay(localDay(new Date().toISOString())) })}</p>
    </section>
  );
}
