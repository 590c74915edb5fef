import type { Migration } from '../types';
import { k0001Initial } from './0001-initial';

/** Static registry of the keyring file's migrations. Append only. */
export const keyringMigrations: readonly Migration[] = [k0001Initial];
