import { readFileSync } from 'node:fs';
import { readWorkbook } from '../../electron/core/spreadsheet/read-workbook';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PreviewWindow } from '../harness/preview';
import { startClinic, type Clinic } from './clinic-fixture';
import { documentDir, expectAccessible, shot } from './helpers';

/**
 * Issue #14 from the interface: a supervisor adds a partner in Arabic (a field error first,
 * nothing lost), finds it by service, place and language, edits it in French; a lawyer
 * reads the directory but is offered no editing.
 */
let clinic: Clinic;
let nadia: PreviewWindow;

beforeAll(async () => {
  clinic = await startClinic();
  nadia = await clinic.signedIn('nadia', { viewport: { width: 1280, height: 1000 } });
});
afterAll(async () => {
  await clinic?.preview.close();
});

describe('partner directory', () => {
  it('adds a partner in Arabic, keeps what was typed on a refusal, then finds and edits it in French', async () => {
    const { page } = nadia;
    await page.getByRole('button', { name: 'Se déconnecter' }).waitFor();
    await page.getByRole('banner').getByLabel('Langue').selectOption('ar');
    await page.getByRole('navigation').getByRole('link', { name: 'الشركاء' }).click();
    await page.getByRole('link', { name: 'إضافة شريك' }).click();
    expect(await documentDir(page)).toBe('rtl');

    await page.getByLabel('الاسم', { exact: true }).fill('جمعية عين غزال');
    await page.getByLabel('النوع').selectOption('health');
    await page.getByRole('group', { name: 'الخدمات المقدَّمة' }).getByLabel('العلاج الطبي').check();
    await page.getByLabel('المدن والجهات المشمولة').fill('وجدة، Berkane');
    await page.getByRole('group', { name: 'اللغات المتحدَّث بها' }).getByLabel('الفرنسية').check();
    await page.getByLabel('الهاتف', { exact: true }).fill('0536 12 34 56');
    await page.getByLabel('البريد الإلكتروني', { exact: true }).fill('0612345678');
    await page.getByRole('button', { name: 'إضافة جهة اتصال' }).click();
    await page.getByLabel('اسم جهة الاتصال').fill('سميرة بناني');
    await page.getByRole('button', { name: 'حفظ' }).click();
    await page.getByText('هذا ليس عنوان بريد إلكتروني', { exact: false }).first().waitFor();
    expect(await page.getByLabel('الاسم', { exact: true }).inputValue()).toBe('جمعية عين غزال');
    await expectAccessible(page, 'partner form ar');
    await shot(page, 'partner-form-ar');

    await page.getByLabel('البريد الإلكتروني', { exact: true }).first().fill('contact@ainghazal.ma');
    await page.getByRole('button', { name: 'حفظ' }).click();
    await page.getByText('تم حفظ الشريك «جمعية عين غزال».').waitFor();
    await page.getByRole('heading', { name: 'جمعية عين غزال' }).waitFor();
    await page.getByText('Berkane', { exact: false }).first().waitFor();
    await expectAccessible(page, 'partner page ar');
    await shot(page, 'partner-page-ar');

    // The directory, filtered by service, place (a prefix, any case) and language.
    await page.getByRole('link', { name: 'العودة إلى الدليل' }).click();
    await page.getByLabel('الخدمة').selectOption({ label: 'العلاج الطبي' });
    await page.getByLabel('المدينة أو الجهة').fill('berk');
    await page.getByRole('status').getByText('عدد الشركاء: 1').waitFor();
    await page.getByLabel('لغة التواصل').selectOption('es');
    await page.getByText('لا يوجد شريك مطابق.').waitFor();
    await page.getByLabel('لغة التواصل').selectOption('fr');
    await page.getByRole('link', { name: 'جمعية عين غزال' }).waitFor();
    await expectAccessible(page, 'partners list ar');
    await shot(page, 'partners-list-ar');

    // In French: open it, change the answer time, deactivate it.
    await page.getByRole('banner').getByLabel('اللغة').selectOption('fr');
    await page.getByRole('link', { name: 'جمعية عين غزال' }).click();
    await page.getByRole('button', { name: 'Modifier' }).click();
    await page.getByLabel('Délai de réponse attendu').fill('14');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await page.getByText('Partenaire « جمعية عين غزال » enregistré.').waitFor();
    await page.getByText('14 jours').waitFor();
    await page.getByRole('button', { name: 'Désactiver' }).click();
    await page.getByText('Partenaire désactivé', { exact: false }).waitFor();
    await expectAccessible(page, 'partner page fr');
    await shot(page, 'partner-page-fr');

    // The directory exported (XLSX, headed in French), saved and read back.
    await page.getByRole('link', { name: 'Retour à l’annuaire' }).click();
    await page.getByRole('button', { name: 'Exporter (XLSX)' }).click();
    const save = page.getByRole('link', { name: /^Enregistrer partners-.*-fr\.xlsx$/ });
    const [download] = await Promise.all([page.waitForEvent('download'), save.click()]);
    const book = await readWorkbook(readFileSync(await download.path()));
    expect(book.worksheets[0]!.getRow(1).getCell(1).value).toBe('Nom');
    expect(book.worksheets[0]!.getRow(2).getCell(1).value).toBe('جمعية عين غزال');
    await page.getByText('Ce fichier n’est pas protégé par l’application.', { exact: false }).waitFor();

    // The services offered are the supervisors' list, under Administration.
    await page.getByRole('navigation').getByRole('link', { name: 'Administration' }).click();
    const services = page.getByRole('region', { name: 'Services des partenaires' });
    await services.getByRole('button', { name: 'Ajouter un service' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Code').fill('aide_juridique');
    await dialog.getByLabel('Nom en arabe').fill('المساعدة القانونية');
    await dialog.getByLabel('Nom en français').fill('Aide juridique');
    await dialog.getByLabel('Nom en anglais').fill('Legal aid');
    await dialog.getByLabel('Domaine').selectOption({ label: 'Asile et statut de réfugié' });
    await dialog.getByRole('button', { name: 'Enregistrer' }).click();
    await services.getByText('Service enregistré.').waitFor();
    await services.getByRole('cell', { name: 'Aide juridique', exact: true }).waitFor();
    await expectAccessible(page, 'services panel fr');
    await shot(services, 'services-panel-fr');
  });

  it('shows a lawyer the directory without editing', async () => {
    const youssef = await clinic.signedIn('youssef');
    const { page } = youssef;
    await page.getByRole('button', { name: 'Se déconnecter' }).waitFor();
    await page.getByRole('navigation').getByRole('link', { name: 'Partenaires' }).click();
    await page.getByLabel('Montrer aussi les partenaires désactivés').check();
    await page.getByRole('link', { name: 'جمعية عين غزال' }).click();
    await page.getByRole('heading', { name: 'جمعية عين غزال' }).waitFor();
    expect(await page.getByRole('button', { name: 'Modifier' }).count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Ajouter un partenaire' }).count()).toBe(0);
  });
});
