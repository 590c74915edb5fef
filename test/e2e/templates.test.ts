import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fakeClock } from '../helpers/temp-core';
import { startClinic, type Clinic } from './clinic-fixture';
import { documentDir, expectAccessible, shot, typeSegments } from './helpers';

/**
 * Issue #12 from the interface: a supervisor changes a shipped template's deadline (a new
 * version) and writes a template of the clinic's own, with a step counted from another; a
 * lawyer is offered it at once.
 */
const clock = fakeClock(new Date('2026-04-07T09:00:00Z'));
let clinic: Clinic;
const REFUSAL = 'Refus, non-renouvellement ou retrait de la carte de séjour';
const LABOUR = 'Litige du travail : tentative de conciliation';

beforeAll(async () => {
  clinic = await startClinic({ now: clock.now });
});
afterAll(async () => clinic?.preview.close());

describe('procedure templates', () => {
  it('lets a supervisor change a shipped template’s deadline as a new version, and write a template of their own', async () => {
    const boss = await clinic.signedIn('nadia', { at: clock.now() });
    const { page } = boss;
    await page.getByRole('link', { name: 'Administration' }).click();
    const panel = page.getByRole('region', { name: 'Modèles de procédure' });
    const refusalRow = panel.getByRole('row', { name: new RegExp(`^${REFUSAL}`) });
    expect(await refusalRow.textContent()).toContain('Exemple à confirmer');

    await refusalRow.getByRole('button', { name: `Modifier — ${REFUSAL}` }).click();
    const edit = page.getByRole('dialog', { name: REFUSAL });
    await edit.getByText('Enregistrer crée la version 2. Les procédures déjà ouvertes gardent la version 1 et ses délais.').waitFor();
    const appeal = edit.getByRole('group', { name: /^Étape 1 — Recours devant le tribunal administratif/ });
    expect(await appeal.getByLabel('Mode de calcul').inputValue()).toBe('francs');
    await appeal.getByLabel('Combien (jours)').fill('30');
    await expectAccessible(page, 'template dialog fr');
    await shot(edit, 'template-edit-fr');
    await edit.getByRole('button', { name: 'Enregistrer' }).click();
    await panel.getByText('Modèle enregistré en version 2.').waitFor();
    await expect.poll(async () => (await refusalRow.getByRole('cell').nth(2).textContent())?.trim()).toBe('2');
    expect(await refusalRow.textContent()).not.toContain('Exemple à confirmer');

    await panel.getByRole('button', { name: 'Nouveau modèle' }).click();
    const create = page.getByRole('dialog', { name: 'Nouveau modèle' });
    const names = create.getByRole('group', { name: 'Nom', exact: true });
    await names.getByLabel('En arabe').fill('نزاع شغل: محاولة الصلح');
    await names.getByLabel('En français').fill(LABOUR);
    await names.getByLabel('En anglais').fill('Labour dispute: conciliation');
    // Nothing typed for the first step, and no amount: refused, and what was typed stays.
    await create.getByRole('group', { name: 'Étape 1', exact: true }).getByLabel('Combien (jours)').fill('');
    await create.getByRole('button', { name: 'Enregistrer' }).click();
    await create.getByText('Veuillez corriger les champs signalés.').waitFor();
    expect(await names.getByLabel('En français').inputValue()).toBe(LABOUR);
    const first = create.getByRole('group', { name: 'Étape 1', exact: true });
    expect(await first.getByLabel('Combien (jours)').getAttribute('aria-invalid')).toBe('true');
    await first.getByLabel('En arabe').fill('طلب الصلح');
    await first.getByLabel('En anglais').fill('Ask for conciliation');
    // The step's French name becomes its legend's (the interface is in French).
    await first.getByLabel('En français').fill('Demande de conciliation');
    const step1 = create.getByRole('group', { name: 'Étape 1 — Demande de conciliation' });
    await step1.getByLabel('Mode de calcul').selectOption('clock');
    await step1.getByLabel('Combien (heures)').fill('48');
    await step1.getByLabel('Reporté au premier jour ouvrable s’il finit un week-end ou un jour férié').uncheck();
    await create.getByRole('button', { name: 'Ajouter une étape' }).click();
    const second = create.getByRole('group', { name: 'Étape 2', exact: true });
    await second.getByLabel('En arabe').fill('محضر الصلح');
    await second.getByLabel('En anglais').fill('Record of conciliation');
    await second.getByLabel('En français').fill('Procès-verbal');
    const step2 = create.getByRole('group', { name: 'Étape 2 — Procès-verbal' });
    await step2.getByLabel('Compté à partir de').selectOption({ label: 'l’accomplissement de « Demande de conciliation »' });
    await step2.getByLabel('Mode de calcul').selectOption('calendar');
    await step2.getByLabel('Combien (jours)').fill('10');
    await create.getByRole('button', { name: 'Enregistrer' }).click();
    await panel.getByText('Modèle enregistré en version 1.').waitFor();
    await panel.getByRole('row', { name: new RegExp(`^${LABOUR}`) }).waitFor();
    await shot(panel, 'templates-fr');

    await page.getByRole('banner').getByLabel('Langue').selectOption('ar');
    const arPanel = page.getByRole('region', { name: 'نماذج المساطر' });
    await arPanel.getByRole('row', { name: /^نزاع شغل: محاولة الصلح/ }).getByRole('button', { name: 'تعديل — نزاع شغل: محاولة الصلح' }).click();
    const ar = page.getByRole('dialog', { name: 'نزاع شغل: محاولة الصلح' });
    const arStep2 = ar.getByRole('group', { name: 'المرحلة 2 — محضر الصلح' });
    expect(await arStep2.getByLabel('يُحتسب ابتداء من').locator('option:checked').textContent()).toBe('إنجاز «طلب الصلح»');
    expect(await documentDir(page)).toBe('rtl');
    await expectAccessible(page, 'template dialog ar');
    await shot(ar, 'template-edit-ar');
    await ar.getByRole('button', { name: 'إلغاء' }).click();
    await boss.close();
  });

  it('offers the new template to a lawyer at once, with its 48-hour first deadline', async () => {
    const win = await clinic.signedIn('youssef', { at: clock.now() });
    const { page } = win;
    await page.evaluate((id) => (window.location.hash = `#/cases/${id}`), clinic.caseId);
    await page.getByRole('button', { name: 'Engager une procédure' }).click();
    const dialog = page.getByRole('dialog', { name: 'Nouvelle procédure' });
    await dialog.getByLabel('Procédure').selectOption({ label: LABOUR });
    await typeSegments(dialog.getByRole('group', { name: 'Date de notification', exact: true }), '06042026');
    await typeSegments(dialog.getByRole('group', { name: 'Heure', exact: true }), '1000');
    const previewBox = dialog.getByRole('region', { name: 'Échéances prévues' });
    await expect.poll(() => previewBox.textContent()).toMatch(/48\sheures\s·\séchéance mercredi 8 avril 2026/);
    expect(await previewBox.textContent()).toContain('Après « Demande de conciliation »');
    await win.close();
  });
});
