import { z } from 'zod';
import Database from 'better-sqlite3-multiple-ciphers';
import { StoreOpenError, storageErrorOf } from '../../db/errors';
import { withTransaction } from '../../db/transaction';
import { contract, type Channel, type Result } from '../../shared/contract';
import type { Access } from '../../shared/contract/define';
import { appendAudit, type AuditEvent } from './audit';
import { AppError } from './errors';
import type { Handlers, OpenContext, SessionContext, StoreContext } from './handler-types';
import type { Session } from './sessions';
import type { CoreState } from './state';

/** Calls too frequent or too empty to deserve an audit entry each (they read no record). */
// Counts are asked beside a list whose call is itself traced (with its filters): tracing them
// too would write every list view twice.
const UNAUDITED = new Set<Channel>([
  'setup:status',
  'storeCheck:status',
  // Polled while a backup runs; starting one, saving the settings and each result are traced.
  'backup:status',
  // Whether the recovery key check is due: a date, read by the administrator's home page.
  'recovery:status',
  'auth:session',
  'auth:activity',
  'domains:list',
  'staff:lawyers',
  'cases:count',
  'beneficiaries:count',
  'audit:count',
  // Reference data, the same for everyone: no record of a person is read.
  'procedures:templates',
  'procedures:holidays',
  'services:list',
  // The sections of the case page, loaded with it: `cases:get` already records that this
  // account opened the case (the audit log's "who viewed this file"), and four entries per
  // opening would bury it. What is written (activities, steps, hearings) is traced, and so is
  // every earlier version of an activity read (activities:history) and every document printed.
  'activities:list',
  'procedures:list',
  'hearings:list',
  'tasks:list',
  'referrals:forCase',
  // Asked again as the referral form's service and partner change; the referral written is traced.
  'referrals:prepare',
]);
/** What a session that must change its password may still do. */
const ALLOWED_BEFORE_PASSWORD_CHANGE = new Set<Channel>([
  'auth:changePassword',
  'auth:lock',
  'auth:activity',
  'auth:setLanguage',
  'settings:get',
]);

/**
 * The one door into the core. For every call: parse the input with the channel's schema,
 * check the session and the role, run the handler inside a transaction, append the audit
 * entry in that same transaction, and answer a Result. Nothing thrown escapes.
 */
export function createRouter(state: CoreState, handlers: Handlers) {
  return async function invoke(clientId: string, channelName: unknown, rawInput: unknown): Promise<Result<unknown>> {
    try {
      if (typeof channelName !== 'string' || !Object.hasOwn(contract, channelName)) {
        throw new AppError('UNKNOWN_CHANNEL', 'unknown channel');
      }
      const channel = channelName as Channel;
      const def = contract[channel];
      const session = state.sessions.get(clientId);
      const parsed = def.input.safeParse(rawInput ?? {});
      if (!parsed.success) {
        // Refused input is traced for signed-in sessions; anonymous noise is not worth an entry.
        if (session) await auditRefusal(state, session, channel, 'VALIDATION');
        throw validationError(parsed.error);
      }
      const access: Access = def.access;
      const handler = handlers[channel] as (input: unknown, ctx: OpenContext | SessionContext | StoreContext) => Promise<unknown>;
      let value: unknown;
      if (access === 'public' || access === 'session') {
        if (access === 'session' && !session) throw new AppError('UNAUTHENTICATED');
        value = await handler(parsed.data, { clientId, state, session });
      } else if ('transaction' in def && def.transaction === false) {
        value = await handler(parsed.data, { clientId, state, session: await authorize(state, clientId, session, channel, access) });
      } else {
        value = await runUnlocked(state, clientId, session, channel, access, (ctx) => handler(parsed.data, ctx));
      }
      return { ok: true, value: (def.output as z.ZodType).parse(value) };
    } catch (error) {
      return { ok: false, error: toAppError(error).toShape() };
    }
  };
}

/** The checks of every call that needs an unlocked session: locked, idle, deactivated, role, forced password change. */
async function authorize(state: CoreState, clientId: string, session: Session | undefined, channel: Channel, access: Exclude<Access, 'public' | 'session'>): Promise<Session> {
  if (!session) throw new AppError('UNAUTHENTICATED');
  if (session.state === 'locked') {
    await auditRefusal(state, session, channel, 'LOCKED');
    throw new AppError('LOCKED');
  }
  if (state.isIdle(session)) {
    await state.lock(session, 'auth:autoLock');
    throw new AppError('LOCKED');
  }
  const store = state.vault.requireStore();
  // The account is read again on every call: a deactivation or role change takes effect at once.
  const account = await store.db
    .selectFrom('accounts')
    .select(['role', 'active', 'must_change_password'])
    .where('id', '=', session.accountId)
    .executeTakeFirst();
  if (!account || account.active !== 1) {
    await state.end(clientId, 'auth:sessionEnded');
    throw new AppError('UNAUTHENTICATED');
  }
  session.role = account.role;
  session.mustChangePassword = account.must_change_password === 1;
  if (session.mustChangePassword && !ALLOWED_BEFORE_PASSWORD_CHANGE.has(channel)) {
    throw new AppError('PASSWORD_CHANGE_REQUIRED');
  }
  if (access !== 'unlocked' && !access.includes(session.role)) {
    await auditRefusal(state, session, channel, 'FORBIDDEN');
    throw new AppError('FORBIDDEN');
  }
  session.lastActivityMs = state.now().getTime();
  return session;
}

async function runUnlocked(
  state: CoreState,
  clientId: string,
  unchecked: Session | undefined,
  channel: Channel,
  access: Exclude<Access, 'public' | 'session'>,
  run: (ctx: StoreContext) => Promise<unknown>,
): Promise<unknown> {
  const session = await authorize(state, clientId, unchecked, channel, access);
  const store = state.vault.requireStore();
  let target: Pick<AuditEvent, 'entity' | 'entityId' | 'details'> = {};
  try {
    return await withTransaction(store.db, async (trx) => {
      const value = await run({
        clientId,
        state,
        session,
        trx,
        target: (entity, entityId, details) => {
          target = { entity, entityId, details: details ?? null };
        },
      });
      if (!UNAUDITED.has(channel)) {
        await appendAudit(trx, { accountId: session.accountId, action: channel, outcome: 'ok', ...target }, state.nowIso());
      }
      return value;
    });
  } catch (error) {
    // The handler's writes were rolled back; the attempt itself is still traced.
    const code = toAppError(error).code;
    if (state.vault.openStore) {
      await state.audit({ accountId: session.accountId, action: channel, outcome: 'failed', ...target, details: { code } });
    }
    throw error;
  }
}

async function auditRefusal(state: CoreState, session: Session | undefined, channel: Channel, code: string): Promise<void> {
  if (UNAUDITED.has(channel)) return;
  await state.audit({ accountId: session?.accountId ?? null, action: channel, outcome: 'denied', details: { code } });
}

function validationError(error: z.ZodError): AppError {
  const fields = error.issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    message: issue.message.startsWith('validation.') ? issue.message : 'validation.invalid',
  }));
  return new AppError('VALIDATION', 'invalid input', { fields });
}

export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  // A storage fault (full disk, damaged or missing file, read-only medium) has its own code
  // and text. Only SQLite's own errors are classified here, as faults of the store: any other
  // file error (a font, a temporary file) is not about the clinic's data and stays INTERNAL.
  // Faults of the keyring and of the data folder were already typed where they happened.
  if (error instanceof StoreOpenError || error instanceof Database.SqliteError) {
    const storage = storageErrorOf(error, 'store');
    if (storage) return new AppError(storage.code, storage.message);
  }
  // Unexpected: log for the operator, answer without internals.
  console.error('[core] unexpected error', error);
  return new AppError('INTERNAL', 'internal error');
}
