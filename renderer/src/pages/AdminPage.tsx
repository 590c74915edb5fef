import { useState } from 'react';
import type { Role } from '../../../shared/domain/roles';
import { AccountsPanel } from './admin/AccountsPanel';
import { BackupsPanel } from './admin/BackupsPanel';
import { DomainsPanel } from './admin/DomainsPanel';
import { ServicesPanel } from './admin/ServicesPanel';
import { HolidaysPanel } from './admin/HolidaysPanel';
import { RecoveryPanel } from './admin/RecoveryPanel';
import { RestorePanel } from './admin/RestorePanel';
import { SetAsidePanel } from './admin/SetAsidePanel';
import { SettingsPanel } from './admin/SettingsPanel';
import { StoreCheckPanel } from './admin/StoreCheckPanel';
import { TemplatesPanel } from './admin/templates/TemplatesPanel';

/**
 * Administrators: accounts, settings, the store. Supervisors: the legal reference data (domains
 * of law, public holidays, procedure templates), which is theirs to keep right.
 */
export function AdminPage({ self, role }: { self: number; role: Role }) {
  // Bumped by the store check's "restore the newest backup" (damage found): the restore form takes it up.
  const [restoreNewest, setRestoreNewest] = useState(0);
  if (role !== 'admin') {
    return (
      <>
        <DomainsPanel />
        <ServicesPanel />
        <HolidaysPanel />
        <TemplatesPanel />
      </>
    );
  }
  return (
    <>
      <AccountsPanel self={self} />
      <SettingsPanel />
      <BackupsPanel />
      <DomainsPanel />
      <ServicesPanel />
      <RecoveryPanel />
      <StoreCheckPanel onRestoreNewest={() => setRestoreNewest((n) => n + 1)} />
      <RestorePanel preferNewest={restoreNewest} />
      <SetAsidePanel />
    </>
  );
}
