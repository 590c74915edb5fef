import { timingSafeEqual } from 'node:crypto';
import { refuseFields } from '../errors';
import type { HandlerGroup } from '../handler-types';
import { markRecoveryProven, readRecoveryCheck } from '../recovery-check';

export const recoveryHandlers: HandlerGroup<'recovery'> = {
  async 'recovery:status'(_input, { state, trx }) {
    return readRecoveryCheck(trx, state.now());
  },

  /**
   * The key must open the keyring's recovery slot and give the key of the store in use: a
   * key of another clinic, or one replaced since, does not count. A wrong key is traced
   * (the router records the failure); an administrator already holds the data key, so this
   * is no oracle worth throttling.
   */
  async 'recovery:prove'(input, { state, trx, target }) {
    target('vault', 'recovery');
    const key = state.vault.unwrapWithRecoveryKey(input.recoveryKey);
    const matches = key !== null && timingSafeEqual(key, state.vault.requireDataKey());
    key?.fill(0);
    if (!matches) refuseFields([{ path: 'recoveryKey', message: 'validation.recoveryKeyWrong' }]);
    return markRecoveryProven(trx, state.now());
  },
};
