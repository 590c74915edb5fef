import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PreviewWindow } from '../harness/preview';
import { fakeClock } from '../helpers/temp-core';
import { startClinic, STAFF_PASSWORD, type Clinic } from './clinic-fixture';
import { documentDir, expectAccessible, shot } from './helpers';

/**
 * Issue #12 from the interface: a removal appeal's deadline on "my work" and in the calendar,
 * then overdue once the clocks (the core's and the page's) move past it; the calendar mirrored
 * in Arabic; an entry opens its case.
 */
// Tuesday 7 April 2026, 10:00 in Nador.
const clock = fakeClock(new Date('2026-04-07T09:00:00Z'));
let clinic: Clinic;
let win: PreviewWindow;

beforeAll(async () => {
  clinic = await startClinic({ now: clock.now });
  win = await clinic.signedIn('youssef', { at: clock.now() });
  const templates = await clinic.invoke<Array<{ id: number; code: string }>>(win.clientId, 'procedures:templates', {});
  await clinic.invoke(win.clientId, 'procedures:start', {
    caseId: clinic.caseId,
    fields: {
      templateId: templates.find((t) => t.code === 'removal_order')!.id,
      authority: 'Wilaya de la région de l’Oriental',
      authorityRefs: 'OR-2026/77',
      decision: 'Reconduite à la frontière',
      notifiedDate: '2026-04-06',
      notifiedTime: '12:24',
      notificationMode: 'in_person',
    },
  });
  await clinic.invoke(win.clientId, 'hearings:create', {
    caseId: clinic.caseId,
    fields: { kind: 'court_hearing', date: '2026-04-20', time: '09:30', place: 'Tribunal administratif d’Oujda', room: 'Salle 1', purpose: 'Recours' },
  });
  await clinic.invoke(win.clientId, 'tasks:create', { caseId: clinic.caseId, fields: { title: 'Copie de l’arrêté', dueDate: '2026-04-10', assigneeId: null, notes: '' } });
});
afterAll(async () => clinic?.preview.close());

describe('deadlines on my work and in the calendar', () => {
  it('shows the 48-hour appeal due tomorrow on my work, and in the month with the hearing, the task and a holiday', async () => {
    const { page } = win;
    await expect.poll(() => page.getByText('Dépôt du recours').first().isVisible()).toBe(true);
    expect(await page.locator('main').textContent()).toMatch(/mercredi 8 avril 2026.*12:24/);
    await page.getByRole('link', { name: 'Agenda', exact: true }).click();
    await page.getByRole('heading', { name: 'avril 2026' }).waitFor();
    const appeal = page.getByRole('button', { name: /Dépôt du recours — NDR-2026-00001 · Moussa Kone \(Échéance, Bientôt\)/ });
    await appeal.waitFor();
    await page.getByRole('button', { name: /Audience au tribunal — NDR-2026-00001 · Moussa Kone \(Audience ou rendez-vous, Programmée\)/ }).waitFor();
    await page.getByRole('button', { name: /Copie de l’arrêté — NDR-2026-00001 \(Tâche, Bientôt\)/ }).waitFor();
    await expectAccessible(page, 'calendar month fr');
    await shot(page, 'calendar-month-fr');
    await page.getByRole('button', { name: 'Suivant' }).click();
    await page.getByRole('heading', { name: 'mai 2026' }).waitFor();
    await page.getByText('Fête du Travail').waitFor();
    await page.getByRole('button', { name: 'Aujourd’hui' }).click();
    await page.getByRole('tab', { name: 'Semaine' }).click();
    await appeal.waitFor();
    expect(await appeal.textContent()).toContain('12:24');
    await shot(page, 'calendar-week-fr');
    await page.getByRole('tab', { name: 'Planning' }).click();
    await page.getByText(/Audience au tribunal — NDR-2026-00001/).waitFor();
    await expectAccessible(page, 'calendar agenda fr');
    await shot(page, 'calendar-agenda-fr');
  });

  it('makes the deadline overdue once both clocks pass it, and opens the case from the calendar', async () => {
    const { page } = win;
    clock.advance(2 * 24 * 3_600_000); // Thursday 9 April
    await page.clock.setFixedTime(clock.now());
    await page.reload();
    // Two days idle: the core locked the session.
    await page.getByLabel('Mot de passe').fill(STAFF_PASSWORD);
    await page.getByRole('button', { name: 'Déverrouiller' }).click();
    await page.getByRole('link', { name: 'Tableau de bord' }).click();
    await page.getByRole('heading', { name: /Délais dépassés \(1\)/ }).waitFor();
    await page.getByRole('link', { name: 'Agenda', exact: true }).click();
    const overdue = page.getByRole('button', { name: /Dépôt du recours .*\(Échéance, Dépassée\)/ });
    await overdue.waitFor();
    await shot(page, 'calendar-overdue-fr');
    await overdue.click();
    await page.getByRole('heading', { name: 'Procédures' }).waitFor();
    expect(page.url()).toContain(`#/cases/${clinic.caseId}`);
  });

  it('mirrors the calendar in Arabic, with Moroccan month names', async () => {
    const { page } = win;
    await page.getByRole('banner').getByLabel('Langue').selectOption('ar');
    await page.getByRole('link', { name: 'المواعيد' }).click();
    await page.getByRole('heading', { name: /أبريل 2026/ }).waitFor();
    expect(await documentDir(page)).toBe('rtl');
    const grid = page.locator('.calendar-panel').getByRole('table').first();
    expect(await grid.evaluate((el) => getComputedStyle(el).direction)).toBe('rtl');
    await page.getByRole('button', { name: /\(أجل، متجاوزة\)/ }).waitFor();
    await expectAccessible(page, 'calendar month ar');
    await shot(page, 'calendar-month-ar');
    await page.getByRole('button', { name: 'التالي' }).click();
    await page.getByRole('heading', { name: /ماي 2026/ }).waitFor();
    await page.getByRole('tab', { name: 'أسبوع' }).click();
    await shot(page, 'calendar-week-ar');
  });
});
