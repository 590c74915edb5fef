import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPreview, type Preview, type PreviewWindow } from '../harness/preview';
import { caseFor, person } from '../helpers/registry-fixtures';
import { coreCall, expectAccessible, shot } from './helpers';

/**
 * Issue #10, item 5, end to end: a supervisor reads the audit log in words, in French and
 * Arabic, from a case's page ("who saw or changed this case"), filters it, and exports the
 * view as CSV; the export is itself in the log.
 */
const ADMIN_PASSWORD = 'Clinique-Oujda-2026!';
const INITIAL = 'Mot-De-Passe-Initial-1';
const SUPERVISOR_PASSWORD = 'Superviseure-Oujda-2026!';
let preview: Preview;
let win: PreviewWindow;
let caseId = 0;
let reference = '';

const invoke = <T = unknown>(client: string, channel: string, input: unknown) => coreCall<T>(preview, client, channel, input);

/** A row's name as said on screen: the record's name sits in a bidi isolate (FSI … PDI). */
const said = (text: string) => new RegExp(text.replace(reference, `\u2068${reference}\u2069`));

beforeAll(async () => {
  preview = await startPreview();
  await invoke('setup', 'setup:initialize', {
    clinicName: 'Clinique juridique d’Oujda',
    casePrefix: 'OUJ',
    defaultLanguage: 'fr',
    admin: { fullName: 'Salma Bennani', username: 'salma', password: ADMIN_PASSWORD },
  });
  const lawyer = await invoke<{ id: number }>('setup', 'accounts:create', { username: 'karim', fullName: 'Karim Alaoui', role: 'lawyer', language: 'fr', password: INITIAL });
  await invoke('setup', 'accounts:create', { username: 'nora', fullName: 'Nora Idrissi', role: 'supervisor', language: 'fr', password: INITIAL });
  const p = await invoke<{ id: number }>('setup', 'beneficiaries:create', person({ latinName: 'Awa Ndiaye', legalStatus: 'asylum_seeker' }));
  const c = await invoke<{ id: number; reference: string }>('setup', 'cases:create', caseFor(p.id, { intakeDate: '2026-11-02', assignedLawyerId: lawyer.id }));
  caseId = c.id;
  reference = c.reference;
  // The lawyer opens the case twice.
  await invoke('lawyer', 'auth:login', { username: 'karim', password: INITIAL });
  await invoke('lawyer', 'auth:changePassword', { currentPassword: INITIAL, newPassword: 'Avocat-Oujda-2026!' });
  await invoke('lawyer', 'cases:get', { id: c.id });
  await invoke('lawyer', 'cases:get', { id: c.id });
  await invoke('setup', 'auth:signOut', {});
  win = await preview.openWindow();
  await invoke(win.clientId, 'auth:login', { username: 'nora', password: INITIAL });
  await invoke(win.clientId, 'auth:changePassword', { currentPassword: INITIAL, newPassword: SUPERVISOR_PASSWORD });
  await win.page.setViewportSize({ width: 1280, height: 800 });
  await win.page.reload();
});
afterAll(async () => preview?.close());

describe('audit log', () => {
  it('shows who opened a case, in words, from the case page', async () => {
    const { page } = win;
    await page.evaluate((id) => (window.location.hash = `#/cases/${id}`), caseId);
    await page.getByRole('link', { name: 'Qui a consulté ou modifié ce dossier' }).click();
    await page.getByRole('heading', { name: 'Journal d’audit', level: 1 }).waitFor();
    await page.getByText(new RegExp(`Dossier : .${reference}.`)).waitFor();
    const rows = page.getByRole('row', { name: said(`Karim Alaoui a ouvert le dossier ${reference}`) });
    await rows.first().waitFor();
    expect(await rows.count()).toBe(2);
    // The supervisor's own view of the case is there too, and the creation.
    await page.getByRole('row', { name: said(`Nora Idrissi a ouvert le dossier ${reference}`) }).waitFor();
    await page.getByRole('row', { name: said(`Salma Bennani a ouvert un nouveau dossier, ${reference}`) }).waitFor();
    await page.getByText('Entrées correspondant à ces filtres : 4').waitFor();
    await expectAccessible(page, 'audit fr');
    await shot(page, 'audit-case-fr');
  });

  it('filters by account and kind of action, in Arabic', async () => {
    const { page } = win;
    await page.getByLabel('Langue', { exact: true }).selectOption('ar');
    await page.getByLabel('الحساب').selectOption({ label: 'Karim Alaoui' });
    await page.getByLabel('نوع العملية').selectOption({ label: 'الاطلاع' });
    await page.getByText('عدد القيود المطابقة لهذه المرشحات: 2').waitFor();
    expect(await page.getByRole('row', { name: said(`فتح الملف ${reference}`) }).count()).toBe(2);
    await expectAccessible(page, 'audit ar');
    await shot(page, 'audit-filtered-ar');
  });

  it('exports the filtered view as CSV and logs the export', async () => {
    const { page } = win;
    await page.getByLabel('اللغة', { exact: true }).selectOption('fr');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Exporter cette vue (CSV)' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^journal-audit-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = readFileSync((await download.path()), 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const lines = csv.slice(1).trimEnd().split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain(`"Karim Alaoui","a ouvert le dossier ${reference}","${reference}","effectué","cases:get"`);
    await page.getByText(/2 entrées exportées dans journal-audit-/).waitFor();

    await page.getByRole('button', { name: /^Retirer le filtre « Dossier/ }).click();
    await page.getByRole('button', { name: 'Effacer les filtres' }).click();
    await page.getByLabel('Type d’action').selectOption({ label: 'Documents et exports' });
    await page.getByRole('row', { name: /Nora Idrissi a exporté le journal d’audit/ }).waitFor();
  });
});
