import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Domain } from '../../../shared/contract/registry';
import { COUNTRY_CODES } from '../../../shared/domain/beneficiary';
import { dateOptions, dateTimeOptions, INTL_LOCALES, type Language } from '../../../shared/domain/languages';

/**
 * Languages that Intl.DisplayNames names badly or not at all in some of our languages (Darija
 * and Amazigh; Fula and Kanuri are missing from Chromium's Arabic data): the catalogs name them.
 */
const CATALOG_LANGUAGE_NAMES = ['ary', 'ber', 'ff', 'kr'] as const;

/** A calendar date (YYYY-MM-DD) as a Date at midnight UTC, so it never moves with the clock. */
function calendarDate(isoDate: string): Date | null {
  const d = new Date(`${isoDate.slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** Today in the computer's time zone, as YYYY-MM-DD (what <input type="date"> holds). */
export function todayIso(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** The time now on the computer's clock, "HH:MM" (what a form proposes for "when"). */
export function nowTime(): string {
  const now = new Date();
  return `${String(now.getHours()).padStart(2, '0')}:${String(now.getMinutes()).padStart(2, '0')}`;
}

export interface Formats {
  language: Language;
  /** A calendar date (YYYY-MM-DD) in the interface language, Western digits. */
  date: (isoDate: string | null | undefined) => string;
  /** An instant (ISO timestamp) with its time. */
  dateTime: (iso: string | null | undefined) => string;
  country: (code: string | null | undefined) => string;
  /** A count with the language's grouping ("1,234", "1 234"), Western digits. */
  number: (n: number) => string;
  spokenLanguage: (code: string) => string;
  domain: (domain: Pick<Domain, 'ar' | 'fr' | 'en'>) => string;
  /** "Arabic, French and Wolof", with the language's own commas and conjunction. */
  list: (items: readonly string[]) => string;
  /** Countries sorted by their name in the interface language. */
  countries: readonly { code: string; name: string }[];
  /** An instant in clinic time (Africa/Casablanca) with its weekday: "mercredi 8 avril 2026, 12:24". */
  clinicDateTime: (iso: string) => string;
  /** A clinic-time day with its weekday: "samedi 11 avril 2026". */
  clinicDay: (isoDate: string) => string;
  /** "48 heures", "4 jours", "1 mois", with the language's own plural. */
  amount: (n: number, unit: 'hours' | 'days' | 'months') => string;
}

/**
 * Dates, numbers, countries and languages in the interface language (INTL_LOCALES: Moroccan
 * Arabic, Western digits in all three).
 */
export function useFormats(): Formats {
  const { i18n, t } = useTranslation();
  const language = (['ar', 'fr', 'en'].includes(i18n.language) ? i18n.language : 'fr') as Language;
  return useMemo(() => {
    // English dates day first, as everywhere else in the application (a Moroccan clinic).
    const locale = INTL_LOCALES[language];
    const dateFormat = new Intl.DateTimeFormat(locale, { ...dateOptions(language, 'medium'), timeZone: 'UTC' });
    const dateTimeFormat = new Intl.DateTimeFormat(locale, dateTimeOptions(language, 'medium'));
    const regions = new Intl.DisplayNames([language], { type: 'region', fallback: 'code' });
    const languages = new Intl.DisplayNames([language], { type: 'language', fallback: 'code' });
    const country = (code: string | null | undefined) => {
      if (!code) return '';
      try {
        return regions.of(code) ?? code;
      } catch {
        return code;
      }
    };
    const numberFormat = new Intl.NumberFormat(locale);
    // Deadlines are reckoned in clinic time whatever the computer's zone (shared/deadlines/zone.ts).
    const clinicDateTimeFormat = new Intl.DateTimeFormat(locale, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: 'Africa/Casablanca' });
    const clinicDayFormat = new Intl.DateTimeFormat(locale, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
    const listFormat = new Intl.ListFormat(language, { type: 'conjunction', style: 'long' });
    const collator = new Intl.Collator(language);
    const countries = COUNTRY_CODES.map((code) => ({ code, name: country(code) })).sort((a, b) => collator.compare(a.name, b.name));
    return {
      language,
      date: (iso) => {
        const d = iso ? calendarDate(iso) : null;
        return d ? dateFormat.format(d) : '';
      },
      dateTime: (iso) => {
        const d = iso ? new Date(iso) : null;
        return d && !Number.isNaN(d.getTime()) ? dateTimeFormat.format(d) : '';
      },
      country,
      number: (n) => numberFormat.format(n),
      spokenLanguage: (code) => {
        if ((CATALOG_LANGUAGE_NAMES as readonly string[]).includes(code)) return t(`languageNames.${code}`);
        try {
          // French names languages in lower case ("wolof"); as a label it starts with a capital.
          const name = languages.of(code) ?? code;
          return name.charAt(0).toLocaleUpperCase(language) + name.slice(1);
        } catch {
          return code;
        }
      },
      domain: (d) => d[language],
      list: (items) => listFormat.format(items),
      countries,
      clinicDateTime: (iso) => clinicDateTimeFormat.format(new Date(iso)),
      clinicDay: (day) => {
        const d = calendarDate(day);
        return d ? clinicDayFormat.format(d) : '';
      },
      amount: (n, unit) => new Intl.NumberFormat(locale, { style: 'unit', unit: unit.slice(0, -1), unitDisplay: 'long' }).format(n),
    };
  }, [language, t]);
}

/**
 * Wraps text from the data (a name, a reference, what was searched) put inside a translated
 * sentence in a first-strong isolate, so a Latin reference in an Arabic sentence (or the
 * reverse) does not drag the punctuation around it to the wrong side.
 */
export function isolate(text: string): string {
  return `\u2068${text}\u2069`;
}

/** The person's name as staff say it: both scripts when both are known. */
export function personName(p: { latinName: string; arabicName: string }): string {
  return [p.latinName, p.arabicName].filter(Boolean).join(' · ');
}
