import type { Generated } from 'kysely';
import type { Language } from '../../../shared/domain/languages';
import type { Role } from '../../../shared/domain/roles';

/** Staff accounts. Their key slots live in the keyring file, readable before unlock. */
export interface AccountsTable {
  id: Generated<number>;
  username: string;
  full_name: string;
  role: Role;
  language: Language;
  /** 0/1: a deactivated account has no key slot and cannot unlock. */
  active: number;
  /** 0/1: set by an administrator's reset, cleared when the user picks their own. */
  must_change_password: number;
  created_at: string;
  updated_at: string;
}
