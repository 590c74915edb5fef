import type { CoreOptions } from '../../electron/core/core';
import { startPreview, type Preview, type PreviewWindow } from '../harness/preview';
import { caseFor, person } from '../helpers/registry-fixtures';
import { coreCall } from './helpers';

/**
 * A clinic for the follow-up screens (issue #12): an administrator, a lawyer and a supervisor
 * whose first passwords are already changed, and one case assigned to the lawyer. Set up
 * through the core (each step has its own screen test); what the test looks at goes through
 * the interface.
 */
export const STAFF_PASSWORD = 'Personnel-Nador-2026!';

export interface Clinic {
  preview: Preview;
  caseId: number;
  reference: string;
  lawyerId: number;
  /** The recovery key shown at setup. */
  recoveryKey: string;
  invoke: <T = unknown>(client: string, channel: string, input: unknown) => Promise<T>;
  /** A window signed in as `username` (French), optionally with its clock fixed first. */
  signedIn: (username: string, options?: { at?: Date; viewport?: { width: number; height: number } }) => Promise<PreviewWindow>;
}

export async function startClinic(core: Partial<CoreOptions> = {}): Promise<Clinic> {
  const preview = await startPreview({ core });
  const invoke = <T = unknown>(client: string, channel: string, input: unknown) => coreCall<T>(preview, client, channel, input);
  const { recoveryKey } = await invoke<{ recoveryKey: string }>('setup', 'setup:initialize', {
    clinicName: 'Clinique juridique de Nador',
    casePrefix: 'NDR',
    defaultLanguage: 'fr',
    admin: { fullName: 'Salma Bennani', username: 'salma', password: 'Clinique-Nador-2026!' },
  });
  const initial = 'Premier-Acces-2026!';
  const lawyer = await invoke<{ id: number }>('setup', 'accounts:create', { username: 'youssef', fullName: 'Youssef Lamrani', role: 'lawyer', language: 'fr', password: initial });
  await invoke('setup', 'accounts:create', { username: 'nadia', fullName: 'Nadia Idrissi', role: 'supervisor', language: 'fr', password: initial });
  const p = await invoke<{ id: number }>('setup', 'beneficiaries:create', person({ latinName: 'Moussa Kone' }));
  const kase = await invoke<{ id: number; reference: string }>('setup', 'cases:create', caseFor(p.id, { intakeDate: '2026-04-06', assignedLawyerId: lawyer.id }));
  await invoke('setup', 'auth:signOut', {});
  for (const username of ['youssef', 'nadia']) {
    await invoke(`first-${username}`, 'auth:login', { username, password: initial });
    await invoke(`first-${username}`, 'auth:changePassword', { currentPassword: initial, newPassword: STAFF_PASSWORD });
    await invoke(`first-${username}`, 'auth:signOut', {});
  }
  const signedIn = async (username: string, options: { at?: Date; viewport?: { width: number; height: number } } = {}) => {
    const win = await preview.openWindow({
      viewport: options.viewport ?? { width: 1280, height: 900 },
      ...(options.at ? { beforeLoad: (page) => page.clock.setFixedTime(options.at!) } : {}),
    });
    await invoke(win.clientId, 'auth:login', { username, password: STAFF_PASSWORD });
    await win.page.reload();
    return win;
  };
  return { preview, caseId: kase.id, reference: kase.reference, lawyerId: lawyer.id, recoveryKey, invoke, signedIn };
}
