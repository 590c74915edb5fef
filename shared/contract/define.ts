import type { z } from 'zod';
import type { Role } from '../domain/roles';

/**
 * Who may call a channel:
 * - `public`: nobody is signed in yet (first-run setup, login, recovery);
 * - `session`: a signed-in session, locked or not (unlock, sign out);
 * - `unlocked`: any unlocked session, whatever its role;
 * - a list of roles: an unlocked session with one of them.
 * The core's router enforces this; the renderer only reads it to hide what a role cannot use.
 */
export type Access = 'public' | 'session' | 'unlocked' | readonly Role[];

export interface ChannelDef<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType, A extends Access = Access> {
  readonly input: I;
  readonly output: O;
  readonly access: A;
  /**
   * `false`: the router checks the session and the role but opens no transaction, and the
   * handler writes its own audit entries. Only for calls that close the store themselves
   * (replacing the clinic's files with a backup's), which no transaction can span.
   */
  readonly transaction?: false;
}

/** Declares a channel, keeping the literal access so the core can type its handler's context. */
export function channel<I extends z.ZodType, O extends z.ZodType, const A extends Access>(
  def: ChannelDef<I, O, A>,
): ChannelDef<I, O, A> {
  return def;
}
