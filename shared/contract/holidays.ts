import { z } from 'zod';
import { idSchema } from './common';
import { channel } from './define';
import { identifierText, isoDateSchema, nonEmpty } from './fields';

export const HOLIDAY_KINDS = ['fixed', 'lunar'] as const;

/** A public holiday as the supervisors' table shows it. */
export const holidayRowSchema = z.object({
  id: z.number().int(),
  date: z.string(),
  name: z.object({ ar: z.string(), fr: z.string(), en: z.string() }),
  kind: z.enum(HOLIDAY_KINDS),
  /** A lunar date before the moon is sighted: deadlines that depend on it say so. */
  estimated: z.boolean(),
  updatedAt: z.string(),
  /** Null for the dates shipped with the application. */
  updatedBy: z.string().nullable(),
});
export type HolidayRow = z.infer<typeof holidayRowSchema>;

export const holidayFieldsSchema = z.strictObject({
  date: isoDateSchema,
  nameAr: nonEmpty(identifierText(120)),
  nameFr: nonEmpty(identifierText(120)),
  nameEn: nonEmpty(identifierText(120)),
  kind: z.enum(HOLIDAY_KINDS, { error: 'validation.invalidChoice' }),
  estimated: z.boolean(),
});
export type HolidayFieldsInput = z.input<typeof holidayFieldsSchema>;

/** What a change to the table did to open deadlines: each recomputed one is flagged for its lawyer. */
export const holidayChangeSchema = z.object({ holidays: z.array(holidayRowSchema), recomputed: z.number().int(), moved: z.number().int() });

const everyone = ['intake', 'lawyer', 'supervisor', 'admin'] as const;
const year = z.number({ error: 'validation.invalid' }).int().min(2000).max(2100);

export const holidayChannels = {
  /** One year's holidays, by date. */
  'holidays:list': channel({ input: z.strictObject({ year }), output: z.array(holidayRowSchema), access: everyone }),
  /** Adds (id null) or changes a holiday, e.g. confirms a lunar date once announced; recomputes open deadlines. */
  'holidays:save': channel({ input: z.strictObject({ id: idSchema.nullable(), fields: holidayFieldsSchema }), output: holidayChangeSchema, access: ['supervisor'] }),
  'holidays:remove': channel({ input: z.strictObject({ id: idSchema }), output: holidayChangeSchema, access: ['supervisor'] }),
};
