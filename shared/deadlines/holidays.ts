/**
 * Public holidays as the deadline arithmetic sees them: a clinic-time day that is not worked,
 * and whether its date is only estimated (lunar holidays before the moon is sighted).
 */
export interface HolidayDay {
  readonly date: string;
  readonly estimated: boolean;
  /** Its name in the three languages, for explanations. */
  readonly name: { readonly ar: string; readonly fr: string; readonly en: string };
}

export type HolidayIndex = ReadonlyMap<string, HolidayDay>;

export function indexHolidays(days: readonly HolidayDay[]): HolidayIndex {
  const index = new Map<string, HolidayDay>();
  for (const d of days) {
    // Two holidays on one day: a confirmed one wins, so the day is not called estimated.
    const known = index.get(d.date);
    if (!known || (known.estimated && !d.estimated)) index.set(d.date, d);
  }
  return index;
}
