import type { KeySlotsTable } from './key-slots';
import type { LoginThrottleTable } from './login-throttle';
import type { PendingAuditTable } from './pending-audit';
import type { VaultMetaTable } from './vault-meta';

/** The keyring: a small unencrypted SQLite file beside the store (docs/SECURITY.md says why). */
export interface KeyringDatabase {
  vault_meta: VaultMetaTable;
  key_slots: KeySlotsTable;
  login_throttle: LoginThrottleTable;
  pending_audit: PendingAuditTable;
}
