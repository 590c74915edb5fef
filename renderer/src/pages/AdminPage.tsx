import type { Role } from '../../../shared/domain/roles';
import { AccountsPanel } from './admin/AccountsPanel';
import { DomainsPanel } from './admin/DomainsPanel';
import { RecoveryPanel } from './admin/RecoveryPanel';
import { SettingsPanel } from './admin/SettingsPanel';
import { StoreCheckPanel } from './admin/StoreCheckPanel';

/** Administrators see everything here; supervisors only the domains of law. */
export function AdminPage({ self, role }: { self: number; role: Role }) {
  if (role !== 'admin') return <DomainsPanel />;
  return (
    <>
      <AccountsPanel self={self} />
      <SettingsPanel />
      <DomainsPanel />
      <RecoveryPanel />
      <StoreCheckPanel />
    </>
  );
}
