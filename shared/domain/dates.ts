/**
 * Calendar-date rules (issue #10): a birth, an arrival or an intake cannot be in the future,
 * and nobody is older than 120. "Today" is the date on the clinic's computer, in its own time
 * zone (Morocco's, which moves around Ramadan): UTC would call a date entered just after
 * local midnight "tomorrow". Dates are YYYY-MM-DD text, so they compare as strings.
 */
export const MAX_AGE_YEARS = 120;

export function localIsoDate(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** The same day `years` years before `iso` (29 February falls back to 28). */
export function yearsBefore(iso: string, years: number): string {
  const year = Number(iso.slice(0, 4)) - years;
  const monthDay = iso.slice(5) === '02-29' ? '02-28' : iso.slice(5);
  return `${String(year).padStart(4, '0')}-${monthDay}`;
}

export interface DateIssue {
  path: string;
  message: 'validation.dateInFuture' | 'validation.dateTooOld' | 'validation.arrivalBeforeBirth' | 'validation.activityTooOld';
}

/**
 * Only well-formed dates are compared: anything else is the date schema's to refuse. The
 * form runs these rules next to the schema (to show every error at once), so they meet
 * half-typed dates too.
 */
const isIsoDate = (s: unknown): s is string => typeof s === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(s);

/** The problems of a person's dates against today, as field issues. */
export function personDateIssues(given: { birthDate: unknown; arrivalDate: unknown }, today: string, prefix = ''): DateIssue[] {
  const fields = { birthDate: isIsoDate(given.birthDate) ? given.birthDate : '', arrivalDate: isIsoDate(given.arrivalDate) ? given.arrivalDate : '' };
  const issues: DateIssue[] = [];
  if (fields.birthDate && fields.birthDate > today) issues.push({ path: `${prefix}birthDate`, message: 'validation.dateInFuture' });
  else if (fields.birthDate && fields.birthDate < yearsBefore(today, MAX_AGE_YEARS)) issues.push({ path: `${prefix}birthDate`, message: 'validation.dateTooOld' });
  if (fields.arrivalDate && fields.arrivalDate > today) issues.push({ path: `${prefix}arrivalDate`, message: 'validation.dateInFuture' });
  else if (fields.arrivalDate && fields.birthDate && fields.arrivalDate < fields.birthDate) {
    issues.push({ path: `${prefix}arrivalDate`, message: 'validation.arrivalBeforeBirth' });
  }
  return issues;
}

/** An intake (or any event told in the past tense) cannot be later than today. */
export function pastDateIssue(path: string, date: unknown, today: string): DateIssue[] {
  return isIsoDate(date) && date > today ? [{ path, message: 'validation.dateInFuture' }] : [];
}

/** How an identity document's expiry reads today: expired, expiring within `soonDays`, or fine. */
export function expiryState(expiry: string, today: string, soonDays = 30): 'expired' | 'soon' | 'valid' | null {
  if (!expiry) return null;
  if (expiry < today) return 'expired';
  const soon = new Date(`${today}T00:00:00Z`);
  soon.setUTCDate(soon.getUTCDate() + soonDays);
  return expiry <= soon.toISOString().slice(0, 10) ? 'soon' : 'valid';
}
