import { contract, type Channel } from '../../../shared/contract';
import type { Role } from '../../../shared/domain/roles';

/**
 * Whether a role may call a channel, read from the contract's `access` lists, so the screens
 * hide what the core would refuse. The core still decides: this only spares a FORBIDDEN.
 */
export function mayCall(role: Role, channel: Channel): boolean {
  const access = contract[channel].access;
  return typeof access === 'string' ? access !== 'public' : (access as readonly Role[]).includes(role);
}
