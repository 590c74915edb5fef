import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BeneficiaryInput } from '../../shared/contract/beneficiaries';
import { startPreview, type Preview, type PreviewWindow } from '../harness/preview';
import { person as basePerson } from '../helpers/registry-fixtures';
import { dateShown, documentDir, expectAccessible, shot, typeDate } from './helpers';

/**
 * The beneficiary registry and case files, end to end in Chromium: search before creating
 * (across Arabic and Latin script), registration with consent, opening a case, the global
 * search, what a lawyer sees, and merging duplicates — in Arabic and in French, by roles and
 * labels. The clinic and accounts are set up through the core to save time.
 */
const ADMIN_PASSWORD = 'Clinique-Rabat-2026!';
const INITIAL = 'Mot-De-Passe-Initial-1';
const INTAKE_PASSWORD = 'Accueil-Secret-2026!';
const LAWYER_PASSWORD = 'Avocat-Secret-2026!';
const REFERENCE = /[A-Z]{2,6}-\d{4}-\d{5}/;

let preview: Preview;
let admin: PreviewWindow;
let intake: PreviewWindow;
let lawyer: PreviewWindow;
let arabicCaseReference = '';
let frenchCaseReference = '';

async function invoke<T = unknown>(w: PreviewWindow, channel: string, input: unknown): Promise<T> {
  const result = await preview.core.invoke(w.clientId, channel, input);
  if (!result.ok) throw new Error(`${channel}: ${JSON.stringify(result.error)}`);
  return result.value as T;
}

/** Signs an account in through the core, sets its own password, and reloads the window. */
async function signIn(w: PreviewWindow, username: string, password: string): Promise<void> {
  await invoke(w, 'auth:login', { username, password: INITIAL });
  await invoke(w, 'auth:changePassword', { currentPassword: INITIAL, newPassword: password });
  await w.page.reload();
}

/** A registered man in Rabat in an irregular situation, unless the test says otherwise. */
function person(fields: Partial<BeneficiaryInput>) {
  return basePerson({ sex: 'male', city: 'Rabat', legalStatus: 'irregular', ...fields });
}

async function referenceOnCasePage(page: Page): Promise<string> {
  const heading = page.getByRole('heading', { level: 2, name: REFERENCE });
  await heading.waitFor();
  return REFERENCE.exec((await heading.textContent()) ?? '')![0];
}

beforeAll(async () => {
  preview = await startPreview();
  admin = await preview.openWindow();
  await invoke(admin, 'setup:initialize', {
    clinicName: 'Clinique juridique de Rabat',
    casePrefix: 'RBT',
    defaultLanguage: 'fr',
    admin: { fullName: 'Salma Bennani', username: 'salma', password: ADMIN_PASSWORD },
  });
  await invoke(admin, 'accounts:create', { username: 'amina', fullName: 'Amina Tazi', role: 'intake', language: 'fr', password: INITIAL });
  await invoke(admin, 'accounts:create', { username: 'youssef', fullName: 'Youssef Lamrani', role: 'lawyer', language: 'ar', password: INITIAL });
  // People already known to the clinic, each in one script only.
  await invoke(admin, 'beneficiaries:create', person({ latinName: 'Mohamed Diallo', nationality: 'GN', phone: '0612345678' }));
  await invoke(admin, 'beneficiaries:create', person({ arabicName: 'فاطمة الزهراء', sex: 'female', nationality: 'MA', legalStatus: 'moroccan' }));
  await admin.page.reload();
  await admin.page.getByRole('heading', { name: 'Tableau de bord' }).waitFor();
});
afterAll(async () => preview?.close());

describe('registry in Arabic (administrator)', () => {
  it('switches to Arabic and finds “Mohamed Diallo” by typing محمد ديالو', async () => {
    const page = admin.page;
    await page.getByLabel('Langue', { exact: true }).selectOption('ar');
    await page.getByRole('heading', { name: 'لوحة القيادة' }).waitFor();
    expect(await documentDir(page)).toBe('rtl');

    await page.getByRole('link', { name: 'المستفيدون' }).click();
    await page.getByRole('link', { name: 'تسجيل شخص' }).click();
    await page.getByRole('heading', { name: 'مستفيد جديد', level: 1 }).waitFor();
    await page.getByLabel('الاسم أو الهاتف أو رقم الوثيقة').fill('محمد ديالو');
    const candidates = page.getByRole('list', { name: 'أشخاص قد يكونون الشخص نفسه' });
    const diallo = candidates.getByRole('listitem').filter({ hasText: 'Mohamed Diallo' });
    await diallo.waitFor();
    await diallo.getByText('الاسم نفسه بالحروف الأخرى').waitFor();
    await expectAccessible(page, 'intake search ar');
    await shot(page, 'intake-search-ar');
  });

  it('registers a new person typed in Arabic script: the name lands in the Arabic field', async () => {
    const page = admin.page;
    await page.getByLabel('الاسم أو الهاتف أو رقم الوثيقة').fill('خديجة بنعلي');
    await page.getByText('لا يطابق أي شخص مسجل ما كتبته.').waitFor();
    await page.getByRole('button', { name: 'لا أحد منهم: تسجيل شخص جديد' }).click();
    const arabicName = page.getByLabel('الاسم بالحروف العربية');
    expect(await arabicName.inputValue()).toBe('خديجة بنعلي');
    expect(await arabicName.getAttribute('dir')).toBe('rtl');
    expect(await page.getByLabel('الاسم بالحروف اللاتينية').inputValue()).toBe('');
    // Without consent, the form says only an anonymous enquiry is possible.
    await page.getByRole('link', { name: 'تسجيل استفسار مجهول الهوية بدلًا من ذلك' }).waitFor();
    await expectAccessible(page, 'intake form ar');
    await shot(page, 'intake-form-ar');

    await page.getByLabel('الجنس', { exact: true }).selectOption({ label: 'أنثى' });
    await page.getByLabel('السن التقريبي (بالسنوات)').fill('34');
    await page.getByLabel('الجنسية', { exact: true }).fill('المغرب');
    await page.getByRole('checkbox', { name: 'الدارجة المغربية' }).check();
    await page.getByLabel('الهاتف', { exact: true }).fill('0661 22 33 44');
    await page.getByLabel('الوضعية القانونية').selectOption({ label: 'مواطن مغربي' });
    await page.getByRole('checkbox', { name: 'ناجية من العنف القائم على النوع' }).check();
    await page.getByRole('checkbox', { name: 'يوافق الشخص على احتفاظ العيادة بمعطياته لتتبع طلبه.' }).check();
    await page.getByRole('button', { name: 'تسجيل الشخص' }).click();
    await page.getByText('تم تسجيل الشخص.').waitFor();
    await page.getByRole('heading', { level: 2, name: 'خديجة بنعلي' }).waitFor();
    await page.getByText('حوالي 34 سنة').waitFor();
    await expectAccessible(page, 'beneficiary page ar');
    await shot(page, 'beneficiary-ar');
  });

  it('opens a case for Mohamed Diallo, assigned to the lawyer, and finds it from the global search', async () => {
    const page = admin.page;
    await page.getByRole('link', { name: 'المستفيدون' }).click();
    await page.getByRole('link', { name: 'تسجيل شخص' }).click();
    await page.getByLabel('الاسم أو الهاتف أو رقم الوثيقة').fill('0612345678');
    const diallo = page.getByRole('listitem').filter({ hasText: 'Mohamed Diallo' });
    await diallo.getByText('رقم الهاتف نفسه').waitFor();
    await diallo.getByRole('link', { name: 'فتح سجل Mohamed Diallo' }).click();
    await page.getByRole('heading', { level: 2, name: 'Mohamed Diallo' }).waitFor();
    await page.getByRole('link', { name: 'فتح ملف' }).click();
    await page.getByRole('heading', { name: 'فتح ملف', level: 1 }).waitFor();

    // Submitting empty: the domain and the summary are asked for, in Arabic.
    await page.getByRole('button', { name: 'فتح الملف' }).click();
    await page.getByText('اختر مجالًا واحدًا على الأقل.').waitFor();
    await page.getByRole('checkbox', { name: 'التوقيف والاحتجاز والترحيل' }).check();
    await page.getByLabel('ملخص الوقائع').fill('أوقف في طنجة يوم أمس، قرار ترحيل مبلغ له.');
    await page.getByLabel('درجة الاستعجال').selectOption({ label: 'مستعجلة' });
    await page.getByRole('checkbox', { name: 'احتجاز أو ترحيل' }).check();
    await page.getByLabel('المحامي المكلف').selectOption({ label: 'Youssef Lamrani' });
    await expectAccessible(page, 'case form ar');
    await shot(page, 'case-form-ar');
    await page.getByRole('button', { name: 'فتح الملف' }).click();
    arabicCaseReference = await referenceOnCasePage(page);
    await page.getByText(new RegExp(`^تم فتح الملف \u2068${arabicCaseReference}\u2069\\.$`)).waitFor();
    await page.getByText('Youssef Lamrani').first().waitFor();
    await page.getByRole('link', { name: 'Mohamed Diallo' }).waitFor();
    await page.getByRole('cell', { name: 'استقبال', exact: true }).waitFor();
    await expectAccessible(page, 'case page ar');
    await shot(page, 'case-ar');

    const search = page.getByRole('search', { name: 'البحث عن الأشخاص والملفات' });
    await search.getByLabel('البحث عن الأشخاص والملفات').fill(arabicCaseReference);
    await search.getByRole('button', { name: 'بحث' }).click();
    await page.getByRole('heading', { name: 'البحث', level: 1 }).waitFor();
    const found = page.getByRole('link', { name: new RegExp(arabicCaseReference) });
    await found.waitFor();
    await expectAccessible(page, 'search ar');
    await shot(page, 'search-ar');
    await found.click();
    expect(await referenceOnCasePage(page)).toBe(arabicCaseReference);
  });

  it('lists people and cases (virtualized, keyboard reachable) in Arabic', async () => {
    const page = admin.page;
    await page.getByRole('link', { name: 'الملفات', exact: true }).click();
    const cases = page.getByRole('list', { name: 'الملفات' });
    await cases.getByRole('link', { name: new RegExp(arabicCaseReference) }).waitFor();
    await page.getByLabel('درجة الاستعجال').selectOption({ label: 'حرجة' });
    await page.getByText('لا يطابق أي ملف هذه المعايير.').waitFor();
    await page.getByLabel('درجة الاستعجال').selectOption({ label: 'مستعجلة' });
    await cases.getByRole('link', { name: new RegExp(arabicCaseReference) }).waitFor();
    await expectAccessible(page, 'cases list ar');
    await shot(page, 'cases-ar');

    await page.getByRole('link', { name: 'المستفيدون' }).click();
    const people = page.getByRole('list', { name: 'الأشخاص المسجلون' });
    await people.getByRole('link', { name: /خديجة بنعلي/ }).waitFor();
    expect(await people.getByRole('listitem').count()).toBe(3);
    await people.getByRole('link').first().focus();
    expect(await page.evaluate(() => document.activeElement?.closest('[role="listitem"]') !== null)).toBe(true);
    await expectAccessible(page, 'beneficiaries list ar');
    await shot(page, 'beneficiaries-ar');
  });
});

describe('registry in French (intake staff)', () => {
  it('finds “فاطمة الزهراء” by typing Fatima Zahra', async () => {
    intake = await preview.openWindow();
    await signIn(intake, 'amina', INTAKE_PASSWORD);
    const page = intake.page;
    await page.getByRole('heading', { name: 'Tableau de bord' }).waitFor();
    expect(await documentDir(page)).toBe('ltr');
    await page.getByRole('link', { name: 'Bénéficiaires' }).click();
    await page.getByRole('link', { name: 'Enregistrer une personne' }).click();
    await page.getByLabel('Nom, téléphone ou numéro de document').fill('Fatima Zahra');
    const fatima = page.getByRole('list', { name: 'Personnes qui pourraient être la même' }).getByRole('listitem').filter({ hasText: 'فاطمة الزهراء' });
    await fatima.getByText('Même nom dans l’autre écriture').waitFor();
    await expectAccessible(page, 'intake search fr');
    await shot(page, 'intake-search-fr');
  });

  it('registers a new person: consent is required, what was typed is kept, documents are added', async () => {
    const page = intake.page;
    await page.getByLabel('Nom, téléphone ou numéro de document').fill('Awa Ndiaye');
    await page.getByText('Aucune personne enregistrée ne correspond à la saisie.').waitFor();
    await page.getByRole('button', { name: 'Aucune d’entre elles : enregistrer une nouvelle personne' }).click();
    expect(await page.getByLabel('Nom en caractères latins').inputValue()).toBe('Awa Ndiaye');

    await page.getByLabel('Sexe').selectOption({ label: 'Femme' });
    await typeDate(page, 'Date de naissance', '08/03/1994');
    expect(await dateShown(page, 'Date de naissance')).toBe('08/03/1994');
    await page.getByLabel('Nationalité').fill('Sénégal');
    await page.getByLabel('Pays de naissance').fill('Sénégal');
    await page.getByRole('checkbox', { name: 'wolof' }).check();
    await page.getByRole('checkbox', { name: 'français' }).check();
    await page.getByLabel('Téléphone').fill('+221 77 123 45 67');
    await page.getByLabel('Ville').fill('Casablanca');
    await page.getByLabel('Situation administrative').selectOption({ label: 'Demandeur·se d’asile' });
    await page.getByRole('button', { name: 'Ajouter un document' }).click();
    await page.getByLabel('Type de document').selectOption({ label: 'Attestation du HCR' });
    await page.getByLabel('Numéro du document').fill('MAR-24C01234');
    await page.getByRole('button', { name: 'Ajouter un document' }).click();
    await page.getByLabel('Type de document').nth(1).selectOption({ label: 'Passeport' });
    await page.getByLabel('Numéro du document').nth(1).fill('A01234567');
    await page.getByLabel('Comment la personne a connu la clinique').selectOption({ label: 'Association partenaire' });

    // No consent yet: refused with the reason, the way to an anonymous enquiry, and nothing lost.
    await page.getByRole('button', { name: 'Enregistrer la personne' }).click();
    await page.getByText('Le consentement à la conservation des données est nécessaire pour enregistrer une personne.').waitFor();
    await page.getByRole('link', { name: 'Enregistrer plutôt une demande anonyme' }).waitFor();
    expect(await page.getByLabel('Numéro du document').nth(1).inputValue()).toBe('A01234567');
    await expectAccessible(page, 'intake form fr');
    await shot(page, 'intake-form-fr-error');

    await page.getByRole('checkbox', { name: 'La personne accepte que la clinique conserve ses données pour suivre sa demande.' }).check();
    await page.getByRole('button', { name: 'Enregistrer la personne' }).click();
    await page.getByText('La personne est enregistrée.').waitFor();
    await page.getByRole('heading', { level: 2, name: 'Awa Ndiaye' }).waitFor();
    await page.getByRole('cell', { name: 'MAR-24C01234' }).waitFor();
    await page.getByText('Sénégal').first().waitFor();
    await page.getByRole('cell', { name: 'Conservation des données' }).waitFor();
    await expectAccessible(page, 'beneficiary page fr');
    await shot(page, 'beneficiary-fr');
  });

  it('links a household member found through the search', async () => {
    const page = intake.page;
    await page.getByRole('button', { name: 'Lier un membre du foyer' }).click();
    const dialog = page.getByRole('dialog', { name: 'Lier un membre du foyer' });
    await dialog.getByLabel('Trouver la personne').fill('Mohamed Diallo');
    await dialog.getByRole('button', { name: 'Choisir Mohamed Diallo' }).click();
    await dialog.getByLabel('Lien').selectOption({ label: 'Conjoint·e' });
    await dialog.getByRole('button', { name: 'Lier', exact: true }).click();
    await page.getByText('Membre du foyer lié.').waitFor();
    const household = page.getByRole('region', { name: 'Membres du foyer' });
    await household.getByRole('cell', { name: 'Conjoint·e' }).waitFor();
    await household.getByRole('button', { name: 'Délier Mohamed Diallo' }).waitFor();
  });

  it('opens a case (intake cannot assign) and finds it by reference from the top bar', async () => {
    const page = intake.page;
    await page.getByRole('link', { name: 'Ouvrir un dossier' }).click();
    await page.getByRole('heading', { name: 'Ouvrir un dossier', level: 1 }).waitFor();
    expect(await page.getByLabel('Avocat·e référent·e').count()).toBe(0);
    expect(await dateShown(page, 'Date d’accueil')).toMatch(/^\d{2}\/\d{2}\/\d{4}$/);
    await page.getByRole('checkbox', { name: 'Asile et statut de réfugié' }).check();
    await page.getByRole('checkbox', { name: 'Accès aux soins' }).check();
    await page.getByLabel('Résumé des faits').fill('Demande d’asile déposée auprès du HCR ; besoin d’un accompagnement pour l’accès aux soins.');
    await expectAccessible(page, 'case form fr');
    await page.getByRole('button', { name: 'Ouvrir le dossier' }).click();
    frenchCaseReference = await referenceOnCasePage(page);
    expect(frenchCaseReference).not.toBe(arabicCaseReference);
    await page.getByText(`Dossier \u2068${frenchCaseReference}\u2069 ouvert.`).waitFor();
    await page.getByText('Non attribué').first().waitFor();
    // Intake staff neither assign nor move the status.
    expect(await page.getByRole('button', { name: 'Changer le statut' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /attribuer/i }).count()).toBe(0);
    await expectAccessible(page, 'case page fr');
    await shot(page, 'case-fr');

    await page.getByRole('searchbox', { name: 'Rechercher des personnes et des dossiers' }).fill(frenchCaseReference);
    await page.getByRole('searchbox', { name: 'Rechercher des personnes et des dossiers' }).press('Enter');
    await page.getByText(`Résultats pour « \u2068${frenchCaseReference}\u2069 »`).waitFor();
    await page.getByRole('link', { name: new RegExp(frenchCaseReference) }).click();
    expect(await referenceOnCasePage(page)).toBe(frenchCaseReference);

    // Words of the summary find it too.
    await page.getByRole('searchbox', { name: 'Rechercher des personnes et des dossiers' }).fill('accompagnement');
    await page.getByRole('searchbox', { name: 'Rechercher des personnes et des dossiers' }).press('Enter');
    await page.getByRole('link', { name: new RegExp(frenchCaseReference) }).waitFor();
    await expectAccessible(page, 'search fr');
    await shot(page, 'search-fr');
  });

  it('lists people and cases in French', async () => {
    const page = intake.page;
    await page.getByRole('link', { name: 'Dossiers', exact: true }).click();
    const cases = page.getByRole('list', { name: 'Dossiers' });
    await cases.getByRole('link', { name: new RegExp(frenchCaseReference) }).waitFor();
    // Intake staff see the cases they opened, not the administrator's.
    expect(await cases.getByRole('link', { name: new RegExp(arabicCaseReference) }).count()).toBe(0);
    await expectAccessible(page, 'cases list fr');
    await shot(page, 'cases-fr');

    await page.getByRole('link', { name: 'Bénéficiaires' }).click();
    const people = page.getByRole('list', { name: 'Personnes enregistrées' });
    await people.getByRole('link', { name: /Awa Ndiaye/ }).waitFor();
    await page.getByLabel('Nationalité').fill('Sénégal');
    await page.waitForFunction(() => document.querySelectorAll('[role="list"] [role="listitem"]').length === 1);
    await expectAccessible(page, 'beneficiaries list fr');
    await shot(page, 'beneficiaries-fr');
  });

  it('records an anonymous enquiry', async () => {
    const page = intake.page;
    await page.getByRole('link', { name: 'Demandes anonymes' }).click();
    await page.getByRole('heading', { name: 'Demandes anonymes', level: 1 }).waitFor();
    await page.getByLabel('Canal').selectOption({ label: 'Téléphone' });
    await page.getByLabel('Domaine').selectOption({ label: 'Séjour et régularisation' });
    await page.getByLabel('Question').fill('Quels documents pour renouveler une carte de séjour ?');
    await page.getByLabel('Réponse donnée').fill('Liste remise ; orientation vers le bureau des étrangers.');
    await page.getByRole('button', { name: 'Enregistrer la demande' }).click();
    await page.getByText('Demande enregistrée.').waitFor();
    await page.getByRole('cell', { name: 'Quels documents pour renouveler une carte de séjour ?' }).waitFor();
    await expectAccessible(page, 'enquiries fr');
    await shot(page, 'enquiries-fr');
  });
});

describe('a lawyer sees only assigned cases', () => {
  it('lists only the case assigned to them and moves its status', async () => {
    lawyer = await preview.openWindow();
    await signIn(lawyer, 'youssef', LAWYER_PASSWORD);
    const page = lawyer.page;
    await page.getByRole('heading', { name: 'لوحة القيادة' }).waitFor();
    // The case given to them heads their home page until they open it.
    const fresh = page.getByRole('list', { name: 'ملفات أُسندت إليكم للتو (1)' });
    await fresh.getByRole('link', { name: new RegExp(arabicCaseReference) }).waitFor();
    await expectAccessible(page, 'lawyer home ar');
    await shot(page, 'lawyer-home-ar');
    await page.getByRole('link', { name: 'الملفات', exact: true }).click();
    const cases = page.getByRole('list', { name: 'الملفات' });
    await cases.getByRole('link', { name: new RegExp(arabicCaseReference) }).waitFor();
    expect(await cases.getByRole('listitem').count()).toBe(1);
    expect(await cases.getByRole('link', { name: new RegExp(frenchCaseReference) }).count()).toBe(0);
    // The global search does not reveal the other case either.
    await page.getByRole('searchbox', { name: 'البحث عن الأشخاص والملفات' }).fill(frenchCaseReference);
    await page.getByRole('searchbox', { name: 'البحث عن الأشخاص والملفات' }).press('Enter');
    await page.getByText('لم يتم العثور على أي ملف.').waitFor();

    await page.getByRole('link', { name: 'الملفات', exact: true }).click();
    await page.getByRole('list', { name: 'الملفات' }).getByRole('link', { name: new RegExp(arabicCaseReference) }).click();
    await referenceOnCasePage(page);
    expect(await page.getByRole('button', { name: /إسناد/ }).count()).toBe(0);
    await page.getByText(/أُسند إلى .Youssef Lamrani. من طرف .Salma Bennani./).waitFor();
    await page.getByRole('button', { name: 'تغيير الحالة' }).click();
    const dialog = page.getByRole('dialog', { name: 'تغيير الحالة' });
    await dialog.getByLabel('الحالة الجديدة').selectOption({ label: 'مفتوح' });
    await dialog.getByLabel('ملاحظة').fill('تمت دراسة الملف، سيتم إعداد الطعن.');
    await expectAccessible(page, 'status dialog ar');
    await dialog.getByRole('button', { name: 'تغيير الحالة' }).click();
    await page.getByText('تم تغيير الحالة.').waitFor();
    const history = page.getByRole('region', { name: 'سجل الحالات' });
    await history.getByRole('cell', { name: 'تمت دراسة الملف، سيتم إعداد الطعن.' }).waitFor();

    // Closing asks for the reason and the outcome.
    await page.getByRole('button', { name: 'تغيير الحالة' }).click();
    await dialog.getByLabel('الحالة الجديدة').selectOption({ label: 'مغلق' });
    await dialog.getByRole('button', { name: 'تغيير الحالة' }).click();
    expect(await dialog.getByText('هذا الحقل إلزامي.').count()).toBe(2);
    await dialog.getByLabel('سبب الإغلاق').selectOption({ label: 'أحيل إلى شريك' });
    await dialog.getByLabel('النتيجة').selectOption({ label: 'لا ينطبق' });
    await dialog.getByRole('button', { name: 'تغيير الحالة' }).click();
    await history.getByRole('cell', { name: 'أحيل إلى شريك — لا ينطبق' }).waitFor();
    await expectAccessible(page, 'case page lawyer ar');
    await shot(page, 'case-lawyer-ar');
  });
});

describe('supervision (administrator, French)', () => {
  it('merges a duplicate after a side-by-side review, then undoes it', async () => {
    const page = admin.page;
    await invoke<{ id: number }>(admin, 'beneficiaries:create', person({ latinName: 'Mohammed Dialo', nationality: 'GN', phone: '0699887766' }));
    await page.getByLabel('اللغة', { exact: true }).selectOption('fr');
    await page.getByRole('link', { name: 'Bénéficiaires' }).click();
    await page.getByRole('list', { name: 'Personnes enregistrées' }).getByRole('link', { name: /^Mohamed Diallo/ }).click();
    await page.getByRole('heading', { level: 2, name: 'Mohamed Diallo' }).waitFor();
    await page.getByRole('button', { name: 'Fusionner un doublon' }).click();
    const dialog = page.getByRole('dialog', { name: 'Fusionner une fiche en double' });
    await dialog.getByLabel('Trouver la personne').fill('Mohammed Dialo');
    await dialog.getByRole('button', { name: 'Choisir Mohammed Dialo' }).click();
    await dialog.getByRole('columnheader', { name: /Fiche conservée/ }).waitFor();
    await dialog.getByRole('cell', { name: 'Mohammed Dialo' }).waitFor();
    // Field by field: the kept record's name stays, the duplicate's phone number is taken.
    expect(await dialog.getByRole('radio', { name: 'Mohamed Diallo' }).isChecked()).toBe(true);
    await dialog.getByRole('radio', { name: '0699887766' }).check();
    await expectAccessible(page, 'merge review fr');
    await shot(page, 'merge-review-fr');
    await dialog.getByRole('button', { name: 'Fusionner les deux fiches' }).click();
    await page.getByText('Les fiches ont été fusionnées.').waitFor();
    // The duplicate's spelling stays known on the kept record.
    await page.getByText('Mohammed Dialo', { exact: false }).first().waitFor();
    await page.getByText('0699887766').first().waitFor();

    await page.getByRole('link', { name: 'Bénéficiaires' }).click();
    const merges = page.getByRole('region', { name: 'Fusions récentes' });
    await merges.getByRole('link', { name: 'Mohammed Dialo' }).waitFor();
    await merges.getByRole('button', { name: 'Annuler la fusion de Mohammed Dialo' }).click();
    await page.getByText('La fusion a été annulée : les deux fiches existent de nouveau.').waitFor();
    await merges.getByText(/Annulée le/).waitFor();
    // The record is back in the registry.
    await page.getByRole('list', { name: 'Personnes enregistrées' }).getByRole('link', { name: /^Mohammed Dialo/ }).waitFor();
    await expectAccessible(page, 'merges fr');
    await shot(page, 'merges-fr');
  });

  it('adds a domain of law, offered at once on the case form', async () => {
    const page = admin.page;
    await page.getByRole('link', { name: 'Administration' }).click();
    await page.getByRole('button', { name: 'Ajouter un domaine' }).click();
    const dialog = page.getByRole('dialog', { name: 'Ajouter un domaine' });
    await dialog.getByLabel('Code').fill('Apatridie');
    await dialog.getByLabel('Nom en arabe').fill('انعدام الجنسية');
    await dialog.getByLabel('Nom en français').fill('Apatridie');
    await dialog.getByLabel('Nom en anglais').fill('Statelessness');
    await dialog.getByRole('button', { name: 'Enregistrer' }).click();
    await dialog.getByText('Lettres latines minuscules, chiffres et tirets bas, commençant par une lettre (2 à 31 caractères).').waitFor();
    await dialog.getByLabel('Code').fill('statelessness');
    await dialog.getByRole('button', { name: 'Enregistrer' }).click();
    await page.getByText('Domaine enregistré.').waitFor();
    await page.getByRole('cell', { name: 'انعدام الجنسية' }).waitFor();
    await expectAccessible(page, 'domains fr');
    await shot(page, 'domains-fr');

    await page.getByRole('link', { name: 'Bénéficiaires' }).click();
    await page.getByRole('list', { name: 'Personnes enregistrées' }).getByRole('link', { name: /Awa Ndiaye/ }).click();
    await page.getByRole('link', { name: 'Ouvrir un dossier' }).click();
    await page.getByRole('checkbox', { name: 'Apatridie' }).waitFor();
    // Administrators (and supervisors) may assign the case when opening it.
    await page.getByLabel('Avocat·e référent·e').selectOption({ label: 'Youssef Lamrani' });
  });
});

describe('editing (administrator, French)', () => {
  it('assigns the lawyer, edits the case and the person’s record', async () => {
    const page = admin.page;
    await page.getByRole('searchbox', { name: 'Rechercher des personnes et des dossiers' }).fill(frenchCaseReference);
    await page.getByRole('searchbox', { name: 'Rechercher des personnes et des dossiers' }).press('Enter');
    await page.getByRole('link', { name: new RegExp(frenchCaseReference) }).click();
    await referenceOnCasePage(page);

    await page.getByRole('button', { name: 'Attribuer à un·e avocat·e' }).click();
    const dialog = page.getByRole('dialog', { name: 'Attribuer à un·e avocat·e' });
    await dialog.getByLabel('Avocat·e référent·e').selectOption({ label: 'Youssef Lamrani' });
    await dialog.getByRole('button', { name: 'Enregistrer' }).click();
    await page.getByText('Attribution enregistrée.').waitFor();
    await page.getByRole('button', { name: 'Réattribuer' }).waitFor();

    await page.getByRole('button', { name: 'Modifier le dossier' }).click();
    await page.getByLabel('Urgence', { exact: true }).selectOption({ label: 'Critique' });
    await page.getByRole('checkbox', { name: 'Urgence médicale' }).check();
    await page.getByRole('checkbox', { name: 'Asile et statut de réfugié' }).uncheck();
    await page.getByRole('checkbox', { name: 'Accès aux soins' }).uncheck();
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await page.getByText('Choisissez au moins un domaine.').waitFor();
    await page.getByRole('checkbox', { name: 'Accès aux soins' }).check();
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await page.getByText('Dossier mis à jour.').waitFor();
    await page.getByText('Urgence : Critique').waitFor();
    await page.getByText('Urgence médicale').waitFor();

    await page.getByRole('link', { name: 'Awa Ndiaye' }).click();
    await page.getByRole('button', { name: 'Modifier', exact: true }).click();
    await page.getByLabel('Téléphone').fill('pas un numéro');
    await page.getByLabel('Ville').fill('Tanger');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await page.getByText(/Ce n’est pas un numéro de téléphone/).waitFor();
    await page.getByLabel('Téléphone').fill('+221 77 123 45 67');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await page.getByText('La fiche a été mise à jour.').waitFor();
    await page.getByText('Tanger').waitFor();
  });
});

describe('long lists', () => {
  it('draws only the visible rows, fetches the next page on scrolling, and walks rows with Tab', async () => {
    const page = admin.page;
    for (let i = 1; i <= 130; i += 1) {
      await invoke(admin, 'beneficiaries:create', person({ latinName: `Personne Essai ${String(i).padStart(3, '0')}`, sex: i % 2 ? 'female' : 'male' }));
    }
    const total = (await invoke<{ items: unknown[] }>(admin, 'beneficiaries:list', { limit: 200 })).items.length;
    await page.getByRole('link', { name: 'Dossiers', exact: true }).click();
    await page.getByRole('link', { name: 'Bénéficiaires' }).click();
    const list = page.getByRole('list', { name: 'Personnes enregistrées' });
    await list.getByRole('link', { name: /Personne Essai 130/ }).waitFor();
    const items = list.getByRole('listitem');
    // A page is 50 rows; only about a screenful of them is in the DOM, and the end is not known yet.
    expect(await items.count()).toBeLessThan(30);
    expect(await items.first().getAttribute('aria-setsize')).toBe('-1');

    // Scrolling to the end fetches the following pages until the last one.
    const box = page.locator('.virtual-box');
    for (let i = 0; i < 10 && (await items.first().getAttribute('aria-setsize')) === '-1'; i += 1) {
      await box.evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
      await page.waitForTimeout(200);
    }
    expect(await items.first().getAttribute('aria-setsize')).toBe(String(total));
    await box.evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
    await list.getByRole('link', { name: /^Mohamed Diallo/ }).waitFor();
    expect(await items.count()).toBeLessThan(30);
    await shot(page, 'beneficiaries-long-fr');

    // Back to the top, then Tab from row to row: the box follows the focus and draws what comes next.
    await box.evaluate((el) => el.scrollTo({ top: 0 }));
    await list.getByRole('link', { name: /Personne Essai 130/ }).focus();
    for (let i = 0; i < 25; i += 1) await page.keyboard.press('Tab');
    const position = await page.evaluate(() => document.activeElement?.closest('[role="listitem"]')?.getAttribute('aria-posinset'));
    expect(position).toBe('26');
    expect(await page.evaluate(() => document.activeElement?.textContent ?? '')).toMatch(/Personne Essai 105/);
  });
});
