export const LANGUAGES = ['ar', 'fr', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Arabic is written right to left; French and English left to right. */
export function directionOf(language: Language): 'rtl' | 'ltr' {
  return language === 'ar' ? 'rtl' : 'ltr';
}

/**
 * The Intl locale of each interface language, for dates and numbers on screens, documents and
 * exports alike (issue #11): Moroccan Arabic (months ماي، غشت، نونبر، دجنبر; 24-hour times),
 * British English (day before month, as everywhere else here), French. Western digits in all
 * three (the clinics' convention), hence `-u-nu-latn`.
 */
export const INTL_LOCALES: Readonly<Record<Language, string>> = { ar: 'ar-MA-u-nu-latn', fr: 'fr-u-nu-latn', en: 'en-GB-u-nu-latn' };

/**
 * A calendar date in words. Arabic's "medium" style is all digits (02/12/2026), which hides
 * the Moroccan month name; it is written with the month in full there.
 */
export function dateOptions(language: Language, style: 'medium' | 'long'): Intl.DateTimeFormatOptions {
  return language === 'ar' || style === 'long' ? { day: 'numeric', month: 'long', year: 'numeric' } : { dateStyle: 'medium' };
}

/** The same with the time of day (hours and minutes). */
export function dateTimeOptions(language: Language, style: 'medium' | 'long'): Intl.DateTimeFormatOptions {
  return language === 'ar' || style === 'long' ? { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' } : { dateStyle: 'medium', timeStyle: 'short' };
}
