/**
 * Morocco's public holidays as shipped: the fixed ones, and the lunar ones estimated from the
 * Umm al-Qura calendar (ICU's `islamic-umalqura`). Morocco announces each lunar holiday after
 * the moon is sighted, often a day after Umm al-Qura; shipped lunar dates are therefore marked
 * estimated, and a supervisor confirms or moves them (the deadline arithmetic says when a due
 * date depends on one). Sources: the public-holiday decrees, including 14 January (Amazigh New
 * Year, since 2024) and 31 October (Aïd Al Wahda, since 2025).
 */
import type { HolidayDay } from './holidays';

type Names = HolidayDay['name'];

interface FixedHoliday {
  readonly month: number;
  readonly day: number;
  readonly since?: number;
  readonly name: Names;
}

const FIXED: readonly FixedHoliday[] = [
  { month: 1, day: 1, name: { ar: 'رأس السنة الميلادية', fr: 'Nouvel An', en: 'New Year’s Day' } },
  { month: 1, day: 11, name: { ar: 'ذكرى تقديم وثيقة الاستقلال', fr: 'Manifeste de l’Indépendance', en: 'Independence Manifesto Day' } },
  { month: 1, day: 14, since: 2024, name: { ar: 'رأس السنة الأمازيغية', fr: 'Nouvel An amazigh', en: 'Amazigh New Year' } },
  { month: 5, day: 1, name: { ar: 'عيد الشغل', fr: 'Fête du Travail', en: 'Labour Day' } },
  { month: 7, day: 30, name: { ar: 'عيد العرش', fr: 'Fête du Trône', en: 'Throne Day' } },
  { month: 8, day: 14, name: { ar: 'ذكرى استرجاع وادي الذهب', fr: 'Allégeance d’Oued Eddahab', en: 'Oued Eddahab Day' } },
  { month: 8, day: 20, name: { ar: 'ذكرى ثورة الملك والشعب', fr: 'Révolution du Roi et du Peuple', en: 'Revolution of the King and the People' } },
  { month: 8, day: 21, name: { ar: 'عيد الشباب', fr: 'Fête de la Jeunesse', en: 'Youth Day' } },
  { month: 10, day: 31, since: 2025, name: { ar: 'عيد الوحدة', fr: 'Aïd Al Wahda', en: 'Unity Day' } },
  { month: 11, day: 6, name: { ar: 'ذكرى المسيرة الخضراء', fr: 'Marche Verte', en: 'Green March Day' } },
  { month: 11, day: 18, name: { ar: 'عيد الاستقلال', fr: 'Fête de l’Indépendance', en: 'Independence Day' } },
];

interface LunarHoliday {
  /** Hijri month (1 Muharram … 12 Dhu al-Hijja) and first day; `days` in a row. */
  readonly month: number;
  readonly day: number;
  readonly days: number;
  readonly name: Names;
}

const LUNAR: readonly LunarHoliday[] = [
  { month: 1, day: 1, days: 1, name: { ar: 'فاتح محرم', fr: 'Nouvel An de l’Hégire', en: 'Islamic New Year' } },
  { month: 3, day: 12, days: 2, name: { ar: 'عيد المولد النبوي', fr: 'Aïd Al Mawlid', en: 'Prophet’s Birthday' } },
  { month: 10, day: 1, days: 2, name: { ar: 'عيد الفطر', fr: 'Aïd Al Fitr', en: 'Eid al-Fitr' } },
  { month: 12, day: 10, days: 2, name: { ar: 'عيد الأضحى', fr: 'Aïd Al Adha', en: 'Eid al-Adha' } },
];

export interface ShippedHoliday extends HolidayDay {
  readonly kind: 'fixed' | 'lunar';
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** The shipped holidays of the Gregorian years `from` … `to`, by date. */
export function moroccanHolidays(from: number, to: number): ShippedHoliday[] {
  const out: ShippedHoliday[] = [];
  for (let year = from; year <= to; year++) {
    for (const h of FIXED) {
      if (h.since === undefined || year >= h.since) out.push({ date: `${year}-${pad(h.month)}-${pad(h.day)}`, estimated: false, kind: 'fixed', name: h.name });
    }
  }
  const hijri = new Intl.DateTimeFormat('en-u-ca-islamic-umalqura-nu-latn', { day: 'numeric', month: 'numeric', timeZone: 'UTC' });
  for (let t = Date.UTC(from, 0, 1); t <= Date.UTC(to, 11, 31); t += 86_400_000) {
    const parts = hijri.formatToParts(new Date(t));
    const month = Number(parts.find((p) => p.type === 'month')?.value);
    const day = Number(parts.find((p) => p.type === 'day')?.value);
    for (const h of LUNAR) {
      if (month === h.month && day >= h.day && day < h.day + h.days) {
        out.push({ date: new Date(t).toISOString().slice(0, 10), estimated: true, kind: 'lunar', name: h.name });
      }
    }
  }
  return out.sort((a, b) => a.date.localeCompare(b.date));
}
