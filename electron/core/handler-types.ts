import type { Transaction } from 'kysely';
import type { z } from 'zod';
import type { StoreDatabase } from '../../db/schema/store';
import type { Channel, ChannelOutput, Contract } from '../../shared/contract';
import type { Session } from './sessions';
import type { CoreState } from './state';

/** Context of channels callable without an unlocked session: they manage the store themselves. */
export interface OpenContext {
  readonly clientId: string;
  readonly state: CoreState;
  readonly session: Session | undefined;
}

/** Context of every other channel: an unlocked session and the router's transaction. */
export interface StoreContext extends OpenContext {
  readonly session: Session;
  /** The transaction the router opened; the audit entry is appended to it after the handler. */
  readonly trx: Transaction<StoreDatabase>;
  /** Names the record the call touched, for the audit entry. */
  readonly target: (entity: string, id: number | string | null, details?: Record<string, unknown>) => void;
}

/** Context of channels declared `transaction: false`: an unlocked session of an allowed role, no transaction. */
export interface SessionContext extends OpenContext {
  readonly session: Session;
}

type ContextFor<C extends Channel> = Contract[C]['access'] extends 'public' | 'session' ? OpenContext : Contract[C] extends { transaction: false } ? SessionContext : StoreContext;

export type HandlerFor<C extends Channel> = (
  input: z.output<Contract[C]['input']>,
  ctx: ContextFor<C>,
) => Promise<ChannelOutput<C>>;

/** Every channel has exactly one handler: a channel without one does not compile. */
export type Handlers = { [C in Channel]: HandlerFor<C> };
export type HandlerGroup<P extends string> = { [C in Channel as C extends `${P}:${string}` ? C : never]: HandlerFor<C> };
