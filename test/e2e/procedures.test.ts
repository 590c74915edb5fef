import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPreview, type Preview, type PreviewWindow } from '../harness/preview';
import { caseFor, person } from '../helpers/registry-fixtures';
import { coreCall, expectAccessible, shot, typeSegments } from './helpers';

/**
 * Issue #12 from the interface: a lawyer starts a removal-order appeal from its template, sees
 * the due date previewed and explained, records the appeal as filed (the ruling window opens),
 * sets a due date by hand with a reason, and reads it all in Arabic.
 */
const PASSWORD = 'Clinique-Nador-2026!';
const LAWYER_PASSWORD = 'Avocat-Nador-2026!';
let preview: Preview;
let win: PreviewWindow;
let caseId = 0;

const invoke = <T = unknown>(client: string, channel: string, input: unknown) => coreCall<T>(preview, client, channel, input);

beforeAll(async () => {
  preview = await startPreview();
  await invoke('setup', 'setup:initialize', {
    clinicName: 'Clinique juridique de Nador',
    casePrefix: 'NDR',
    defaultLanguage: 'fr',
    admin: { fullName: 'Salma Bennani', username: 'salma', password: PASSWORD },
  });
  const initial = 'Premier-Acces-2026!';
  const lawyer = await invoke<{ id: number }>('setup', 'accounts:create', { username: 'youssef', fullName: 'Youssef Lamrani', role: 'lawyer', language: 'fr', password: initial });
  const p = await invoke<{ id: number }>('setup', 'beneficiaries:create', person({ latinName: 'Moussa Kone' }));
  caseId = (await invoke<{ id: number }>('setup', 'cases:create', caseFor(p.id, { intakeDate: '2026-04-06', assignedLawyerId: lawyer.id }))).id;
  await invoke('setup', 'auth:signOut', {});
  win = await preview.openWindow();
  await invoke(win.clientId, 'auth:login', { username: 'youssef', password: initial });
  await invoke(win.clientId, 'auth:changePassword', { currentPassword: initial, newPassword: LAWYER_PASSWORD });
  await win.page.setViewportSize({ width: 1280, height: 900 });
  await win.page.reload();
});
afterAll(async () => preview?.close());

describe('procedures on the case page', () => {
  it('starts a removal appeal from its template, previews and explains the 48-hour deadline', async () => {
    const { page } = win;
    await page.evaluate((id) => (window.location.hash = `#/cases/${id}`), caseId);
    await page.getByRole('heading', { name: 'Procédures' }).waitFor();
    await page.getByRole('button', { name: 'Engager une procédure' }).click();
    const dialog = page.getByRole('dialog', { name: 'Nouvelle procédure' });
    await dialog.getByLabel('Procédure').selectOption({ label: 'Reconduite à la frontière : recours devant le président du tribunal administratif' });
    await dialog.getByText('Exemple à confirmer').waitFor();
    await dialog.getByLabel('Autorité', { exact: true }).fill('Wilaya de la région de l’Oriental');
    await dialog.getByLabel('Références données par l’autorité').fill('OR-2026/77');
    await typeSegments(dialog.getByRole('group', { name: 'Date de notification', exact: true }), '06042026');
    await typeSegments(dialog.getByRole('group', { name: 'Heure', exact: true }), '1224');
    await dialog.getByLabel('Mode de notification').selectOption('in_person');
    const previewBox = dialog.getByRole('region', { name: 'Échéances prévues' });
    await expect.poll(() => previewBox.textContent()).toMatch(/lundi 6 avril 2026.*12:24\s·\s48\sheures\s·\séchéance mercredi 8 avril 2026.*12:24/);
    expect(await previewBox.textContent()).toContain('Après « Dépôt du recours »');
    await expectAccessible(page, 'start procedure fr');
    await shot(page, 'procedure-start-fr');
    await dialog.getByRole('button', { name: 'Engager une procédure' }).click();
    await page.getByText('Procédure engagée.').waitFor();
    const appealRow = page.getByRole('row', { name: /^Dépôt du recours/ });
    expect(await appealRow.textContent()).toMatch(/mercredi 8 avril 2026.*12:24/);
    expect((await appealRow.textContent())!.replace(/[\u2068\u2069]/g, '')).toContain('Base : Loi 02-03, art. 23');
    // 8 April 2026 is long past: overdue.
    expect(await appealRow.textContent()).toContain('Dépassée');
  });

  it('records the appeal as filed, which opens the ruling window, and sets a due date by hand', async () => {
    const { page } = win;
    await page.getByRole('button', { name: 'Marquer comme faite — Dépôt du recours' }).click();
    const done = page.getByRole('dialog', { name: /Étape faite/ });
    await typeSegments(done.getByRole('group', { name: 'Date', exact: true }), '07042026');
    await typeSegments(done.getByRole('group', { name: 'Heure', exact: true }), '0930');
    await done.getByLabel('Ce qui l’a close (acte, audience)').fill('Requête déposée au greffe');
    await done.getByRole('button', { name: 'Marquer comme faite' }).click();
    await page.getByText('Étape enregistrée comme faite.').waitFor();
    const ruling = page.getByRole('row', { name: /^Décision du président/ });
    // 4 jours francs from Tuesday 7 April: end of Saturday 11 April (not moved).
    expect(await ruling.textContent()).toContain('samedi 11 avril 2026');
    // Intl writes a no-break space between the number and its unit.
    expect(await ruling.textContent()).toMatch(/4\sjours francs/);

    await page.getByRole('button', { name: 'Fixer l’échéance — Décision du président' }).click();
    const set = page.getByRole('dialog', { name: /Fixer l’échéance à la main/ });
    await set.getByRole('button', { name: 'Fixer l’échéance' }).click();
    await set.getByText('Ce champ est obligatoire.').waitFor();
    await set.getByLabel('Motif').fill('Audience fixée par le président');
    await set.getByRole('button', { name: 'Fixer l’échéance' }).click();
    await page.getByText('Échéance fixée ; le calcul reste visible.').waitFor();
    expect(await ruling.textContent()).toContain('Fixée à la main : ');
    expect(await ruling.textContent()).toContain('Calcul : ');
    await expectAccessible(page, 'procedures fr');
    await shot(page, 'procedures-fr');
  });

  it('puts the overdue ruling on the lawyer’s home page, which opens the case', async () => {
    const { page } = win;
    await page.getByRole('link', { name: 'Tableau de bord' }).click();
    const overdue = page.getByRole('region', { name: 'Délais dépassés (1)' });
    await overdue.waitFor();
    const item = overdue.getByRole('link', { name: /Décision du président/ });
    expect(await item.textContent()).toContain('samedi 11 avril 2026');
    expect(await item.textContent()).toContain('fixée à la main');
    await expectAccessible(page, 'my work fr');
    await shot(page, 'my-work-fr');
    await item.click();
    await page.getByRole('heading', { name: 'Procédures' }).waitFor();
  });

  it('schedules a hearing and adjourns it, which makes the next one', async () => {
    const { page } = win;
    await page.getByRole('button', { name: 'Programmer une audience ou un rendez-vous' }).click();
    const dialog = page.getByRole('dialog', { name: 'Nouvelle audience ou nouveau rendez-vous' });
    await typeSegments(dialog.getByRole('group', { name: 'Date', exact: true }), '09042026');
    await typeSegments(dialog.getByRole('group', { name: 'Heure', exact: true }), '0930');
    await dialog.getByRole('button', { name: 'Programmer une audience ou un rendez-vous' }).click();
    await dialog.getByText('Ce champ est obligatoire.').waitFor();
    await dialog.getByLabel('Lieu').fill('Tribunal administratif d’Oujda');
    await dialog.getByLabel('Salle ou chambre').fill('Salle 2');
    await dialog.getByRole('button', { name: 'Programmer une audience ou un rendez-vous' }).click();
    await page.getByText('Audience programmée.').waitFor();
    await page.getByRole('button', { name: /^Consigner l’issue/ }).click();
    const record = page.getByRole('dialog', { name: 'Issue de l’audience' });
    await record.getByLabel('Issue').selectOption('adjourned');
    await typeSegments(record.getByRole('group', { name: 'Renvoyée au', exact: true }), '23042026');
    await record.getByLabel('Résultat').fill('Renvoi pour communication du dossier');
    await record.getByRole('button', { name: 'Consigner l’issue' }).click();
    await page.getByText('Issue enregistrée.').waitFor();
    const panel = page.getByRole('region', { name: 'Audiences et rendez-vous' });
    await panel.getByText(/Renvoyée au jeudi 23 avril 2026/).waitFor();
    await panel.getByText(/Renvoi de l’audience du jeudi 9 avril 2026/).waitFor();
    await expectAccessible(page, 'hearings fr');
    await shot(page, 'hearings-fr');
  });

  it('adds a task on the case and finds it among my tasks', async () => {
    const { page } = win;
    await page.getByRole('button', { name: 'Ajouter une tâche' }).click();
    const dialog = page.getByRole('dialog', { name: 'Nouvelle tâche' });
    await dialog.getByLabel('À faire').fill('Demander la copie de l’arrêté au greffe');
    await dialog.getByRole('button', { name: 'Ajouter une tâche' }).click();
    await page.getByText('Tâche ajoutée.').waitFor();
    await page.getByRole('region', { name: 'Tâches' }).getByText('Demander la copie de l’arrêté au greffe', { exact: true }).waitFor();
    await page.getByRole('link', { name: 'Tableau de bord' }).click();
    const mine = page.getByRole('region', { name: 'Mes tâches (1)' });
    await mine.getByText('Demander la copie de l’arrêté au greffe', { exact: true }).waitFor();
    await expectAccessible(page, 'my tasks fr');
    await mine.getByRole('button', { name: /^Marquer comme faite/ }).click();
    await mine.waitFor({ state: 'detached' });
    await page.goBack();
    await page.getByRole('heading', { name: 'Procédures' }).waitFor();
  });

  it('asks before closing a case whose deadlines still run, and says which', async () => {
    const { page } = win;
    await page.getByRole('button', { name: 'Changer le statut' }).click();
    const dialog = page.getByRole('dialog', { name: 'Changer le statut' });
    await dialog.getByLabel('Nouveau statut').selectOption('closed');
    const open = dialog.getByRole('group', { name: 'Encore ouverts sur ce dossier :' });
    await open.getByText(/Décision du président — samedi 11 avril 2026/).waitFor();
    await open.getByLabel('Je clôture le dossier malgré ces délais et audiences').waitFor();
    await expectAccessible(page, 'closing with open deadlines fr');
    await shot(page, 'close-open-items-fr');
    await dialog.getByRole('button', { name: 'Annuler' }).click();
  });

  it('reads the procedure in Arabic', async () => {
    const { page } = win;
    await invoke(win.clientId, 'auth:setLanguage', { language: 'ar' });
    await page.reload();
    await page.getByRole('heading', { name: 'المساطر' }).waitFor();
    const appealRow = page.getByRole('row', { name: /^إيداع الطعن/ });
    expect(await appealRow.textContent()).toContain('أبريل');
    expect(await appealRow.textContent()).toContain('منجزة');
    expect(await page.getByRole('row', { name: /^بت رئيس المحكمة/ }).textContent()).toContain('حُدّد يدويا');
    await expectAccessible(page, 'procedures ar');
    await shot(page, 'procedures-ar');
    await page.getByRole('region', { name: 'الجلسات والمواعيد' }).getByText(/أُجّلت إلى/).waitFor();
    await page.getByRole('link', { name: 'لوحة القيادة' }).click();
    await page.getByRole('region', { name: 'آجال متجاوزة (1)' }).waitFor();
    await expectAccessible(page, 'my work ar');
    await shot(page, 'my-work-ar');
    await page.goBack();
    await page.getByRole('button', { name: 'فتح مسطرة' }).click();
    const dialog = page.getByRole('dialog', { name: 'مسطرة جديدة' });
    await dialog.getByLabel('المسطرة').selectOption({ index: 1 });
    await expectAccessible(page, 'start procedure ar');
    await shot(page, 'procedure-start-ar');
  });

  it('shows a supervisor the team, and one lawyer’s work when chosen', async () => {
    const { page } = win;
    await invoke(win.clientId, 'auth:signOut', {});
    await invoke(win.clientId, 'auth:login', { username: 'salma', password: PASSWORD });
    await invoke(win.clientId, 'auth:setLanguage', { language: 'fr' });
    await page.evaluate(() => (window.location.hash = '#/'));
    await page.reload();
    const team = page.getByRole('region', { name: 'L’équipe' });
    const row = team.getByRole('row', { name: /^Youssef Lamrani/ });
    await row.waitFor();
    expect(await row.textContent()).toContain('6 avr. 2026');
    await team.getByLabel('Voir le travail de').selectOption({ label: 'Youssef Lamrani' });
    await page.getByRole('region', { name: 'Délais dépassés (1)' }).waitFor();
    await expectAccessible(page, 'team fr');
    await shot(page, 'team-fr');
  });
});
