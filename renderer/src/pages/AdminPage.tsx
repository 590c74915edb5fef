import { AccountsPanel } from './admin/AccountsPanel';
import { AuditPanel } from './admin/AuditPanel';
import { SettingsPanel } from './admin/SettingsPanel';

export function AdminPage({ self }: { self: number }) {
  return (
    <>
      <AccountsPanel self={self} />
      <SettingsPanel />
      <AuditPanel />
    </>
  );
}
