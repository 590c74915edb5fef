import { z } from 'zod';
import { channel } from './define';
import {
  empty,
  fullNameSchema,
  languageSchema,
  newPasswordSchema,
  refinePasswordAgainstUsername,
  required,
  usernameSchema,
} from './common';
import { clinicNameArSchema, clinicNameSchema, nonEmpty, singleLineText } from './fields';
import { sessionInfoSchema } from './session';
import { backupSecretFields, refineOneSecret } from './restore';

/** Clinic prefix of case references: `RBT` in `RBT-2026-00042`. */
export const casePrefixSchema = z
  .string({ error: required })
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{2,6}$/, 'validation.casePrefixFormat');


export const setupInputSchema = z.strictObject({
  clinicName: clinicNameSchema,
  clinicNameAr: clinicNameArSchema.default(''),
  casePrefix: casePrefixSchema,
  defaultLanguage: languageSchema,
  admin: z
    .strictObject({ fullName: fullNameSchema, username: usernameSchema, password: newPasswordSchema })
    .superRefine((admin, ctx) => refinePasswordAgainstUsername(admin, ctx, ['password'])),
});
export type SetupInput = z.input<typeof setupInputSchema>;

/**
 * What is wrong with a data folder that holds a clinic which cannot be opened. Each one is
 * explained on the folder screen with what to do; none is ever "repaired" by deleting.
 */
export const FOLDER_PROBLEMS = [
  'storeMissing', // the keyring is there, clinic.db is not
  'storeEmpty', // clinic.db is 0 bytes
  'keyringMissing', // case files are there, keyring.db is not
  'keyringDamaged', // keyring.db cannot be read
  'keyringEmpty', // keyring.db holds no key slot any more
  'setupUnfinished', // first-run setup stopped before it finished
] as const;
export const folderProblemSchema = z.enum(FOLDER_PROBLEMS);
export type FolderProblem = z.infer<typeof folderProblemSchema>;

export const folderFileSchema = z.object({ name: z.string(), size: z.number().int().nonnegative() });
export type FolderFile = z.infer<typeof folderFileSchema>;

export const folderStateSchema = z.object({
  /** new: no clinic file at all (setup may run); ready: sign-in may run; damaged: see problems. */
  state: z.enum(['new', 'ready', 'damaged']),
  problems: z.array(folderProblemSchema),
  files: z.array(folderFileSchema),
});
export type FolderState = z.infer<typeof folderStateSchema>;

export const setupStatusSchema = folderStateSchema.extend({
  /** Where the files are, so a person can find them (shown on the damaged-folder screen). */
  folder: z.string(),
  /** Shown before anyone signs in: the login screen's language and title. */
  defaultLanguage: languageSchema,
  clinicName: z.string().nullable(),
  /** The name in Arabic script, for the Arabic sign-in screen (null when not given). */
  clinicNameAr: z.string().nullable(),
});
export type SetupStatus = z.infer<typeof setupStatusSchema>;

export const setupChannels = {
  'setup:status': channel({ input: empty, output: setupStatusSchema, access: 'public' }),
  'setup:initialize': channel({
    input: setupInputSchema,
    output: z.object({ recoveryKey: z.string(), session: sessionInfoSchema }),
    access: 'public',
  }),
  /**
   * Moves the files of a damaged folder into a dated sub-folder (never deletes them) so a new
   * clinic can be set up. Only for a damaged folder, and only when the person confirmed.
   */
  /**
   * Puts a clinic back from a backup into a folder that holds none (a new computer, a wiped
   * disk), opened with the recovery key of the time of the backup (issue #13). Staff then
   * sign in with the passwords they had then.
   */
  'setup:restore': channel({
    input: z.strictObject({ file: nonEmpty(singleLineText(4096)), ...backupSecretFields }).superRefine(refineOneSecret),
    output: z.object({ status: setupStatusSchema, backupCreatedAt: z.string() }),
    access: 'public',
  }),
  'setup:setAside': channel({
    input: z.strictObject({ confirm: z.literal(true, { error: 'validation.required' }) }),
    output: z.object({ movedTo: z.string(), status: setupStatusSchema }),
    access: 'public',
  }),
};
