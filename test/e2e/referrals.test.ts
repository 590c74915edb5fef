import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { groupLines, logicalLineText, readPdfText } from '../unit/pdf/pdf-text';
import type { PreviewWindow } from '../harness/preview';
import { startClinic, type Clinic } from './clinic-fixture';
import { documentDir, expectAccessible, shot } from './helpers';

/**
 * Issue #14 from the interface: a lawyer refers the person of a case in Arabic; without a
 * ground to share their data the referral is refused, and with the person's consent given
 * today it goes; the partner's answer is recorded. An earlier referral left unanswered past
 * its follow-up day shows under "waiting on partners", in French.
 */
let clinic: Clinic;
let youssef: PreviewWindow;
// The core's clock runs 20 days ahead once the first referral is written: it is then overdue.
let ahead = 0;

beforeAll(async () => {
  clinic = await startClinic({ now: () => new Date(Date.now() + ahead) });
  await clinic.invoke('setup-nadia', 'auth:login', { username: 'nadia', password: 'Personnel-Nador-2026!' });
  const services = await clinic.invoke<{ id: number; code: string }[]>('setup-nadia', 'services:list', {});
  const medical = services.find((s) => s.code === 'medical_care')!.id;
  const partner = await clinic.invoke<{ id: number }>('setup-nadia', 'partners:save', {
    id: null,
    version: null,
    fields: {
      name: 'Maison de la santé de Nador', kind: 'health', serviceIds: [medical], places: ['Nador'], languages: ['fr', 'ar'], address: '', phone: '', email: '',
      openingHours: '', agreement: false, agreementFrom: '', agreementTo: '', givesFeedback: true, answerDays: 7, notes: '', contacts: [],
    },
  });
  await clinic.invoke('setup-nadia', 'referrals:create', {
    caseId: clinic.caseId,
    send: true,
    fields: { serviceId: medical, partnerId: partner.id, internalAccountId: null, reason: 'Suivi médical', request: '', urgency: 'normal', followUpDate: '', sharing: 'anonymous', consentNow: false, overrideReason: '' },
  });
  await clinic.invoke('setup-nadia', 'auth:signOut', {});
  ahead = 20 * 24 * 3600_000;
  youssef = await clinic.signedIn('youssef', { viewport: { width: 1280, height: 1000 } });
});
afterAll(async () => {
  await clinic?.preview.close();
});

describe('referrals from a case', () => {
  it('refuses sharing without consent, sends with consent given today, records the answer (Arabic)', async () => {
    const { page } = youssef;
    await page.getByRole('button', { name: 'Se déconnecter' }).waitFor();
    await page.getByRole('banner').getByLabel('Langue').selectOption('ar');
    await page.getByRole('link', { name: clinic.reference }).first().click();
    const panel = page.getByRole('region', { name: 'الإحالات' });
    await panel.getByText('بدون رد').waitFor(); // the earlier one, past its follow-up day
    await panel.getByRole('button', { name: 'إحالة الشخص' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('الخدمة المطلوبة').selectOption({ label: 'العلاج الطبي' });
    // The earlier referral for the same service is pointed out before anything is sent.
    await dialog.getByText('سبقت الإحالة من أجل هذه الخدمة').waitFor();
    await dialog.getByLabel('الشريك', { exact: true }).selectOption({ label: 'Maison de la santé de Nador' });
    await dialog.getByLabel('سبب الإحالة').fill('ألم في اليد بعد حادث شغل');
    await dialog.getByRole('button', { name: 'إرسال الإحالة' }).click();
    await dialog.getByText('لا توجد موافقة مسجَّلة تغطي هذه المشاركة', { exact: false }).waitFor();
    expect(await dialog.getByLabel('سبب الإحالة').inputValue()).toBe('ألم في اليد بعد حادث شغل');
    expect(await documentDir(page)).toBe('rtl');
    await expectAccessible(page, 'referral dialog ar');
    await shot(dialog, 'referral-dialog-ar');

    await dialog.getByLabel('يوافق الشخص اليوم', { exact: false }).check();
    await dialog.getByRole('button', { name: 'إرسال الإحالة' }).click();
    await panel.getByText('تم إرسال الإحالة.').waitFor();
    await panel.getByText('ألم في اليد بعد حادث شغل').waitFor();
    await panel.getByRole('button', { name: 'تم تأكيد التوصل' }).first().click();
    await page.getByRole('dialog').getByLabel('ملاحظة').fill('اتصلت المساعدة الاجتماعية');
    await page.getByRole('dialog').getByRole('button', { name: 'تم تأكيد التوصل' }).click();
    await panel.getByText('الإحالة: تم تأكيد التوصل.').waitFor();
    await expectAccessible(page, 'referrals panel ar');
    await shot(panel, 'referrals-panel-ar');

    // The slip, in French from the Arabic interface, with the reason ticked: saved and read back.
    const item = panel.getByRole('listitem').filter({ hasText: 'ألم في اليد بعد حادث شغل' });
    await item.getByText('ورقة الإحالة (PDF)').first().click();
    await item.getByLabel('سبب الإحالة').check();
    await item.getByLabel('لغة الوثيقة: ورقة الإحالة (PDF)').selectOption('fr');
    await item.getByRole('button', { name: 'ورقة الإحالة (PDF)' }).click();
    const preview = page.getByRole('dialog');
    await preview.locator('iframe').waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), preview.getByRole('link').first().click()]);
    const pdf = (await readPdfText(readFileSync(await download.path()))).flatMap((p) => groupLines(p).map((l) => logicalLineText(l, 'ltr'))).join('\n');
    expect(pdf).toContain('Fiche d’orientation');
    expect(pdf).toContain('Maison de la santé de Nador');
    expect(pdf).toContain('ألم في اليد بعد حادث شغل');
    expect(pdf).toContain('Coupon-réponse');
    expect(pdf).not.toContain('Moussa Kone'); // identity not ticked
    await preview.getByRole('button').last().click();
  });

  it('lists the unanswered referral under waiting on partners (French)', async () => {
    const { page } = youssef;
    await page.getByRole('banner').getByLabel('اللغة').selectOption('fr');
    await page.getByRole('navigation').getByRole('link', { name: 'Orientations' }).click();
    const group = page.getByRole('region', { name: 'Maison de la santé de Nador' });
    await group.getByRole('link', { name: clinic.reference }).waitFor();
    await group.getByText('13 jours').waitFor(); // 20 days on, 7 days to answer
    await page.getByRole('status').getByText('Orientations sans réponse : 1').waitFor();
    await expectAccessible(page, 'waiting on partners fr');
    await shot(page, 'referrals-waiting-fr');
    // Nadia wrote it, not Youssef: "only mine" leaves nothing.
    await page.getByLabel('Seulement mes orientations').check();
    await page.getByText('Aucune orientation n’attend de réponse en retard.').waitFor();
    await page.getByLabel('Seulement mes orientations').uncheck();

    // The partner's page: its figures and its referrals.
    await group.getByRole('link', { name: 'Maison de la santé de Nador' }).click();
    const figures = page.getByRole('region', { name: 'Orientations vers ce partenaire' });
    await figures.getByText('Orientations envoyées').waitFor();
    await figures.getByRole('cell', { name: 'Sans réponse' }).waitFor();
    await expectAccessible(page, 'partner figures fr');
    await shot(page, 'partner-figures-fr');
  });

  it('reminds its writer on the home page', async () => {
    const nadia = await clinic.signedIn('nadia');
    await nadia.page.getByRole('button', { name: 'Se déconnecter' }).waitFor();
    const card = nadia.page.getByRole('region', { name: 'Vos orientations sans réponse (1)' });
    await card.getByRole('link', { name: clinic.reference }).waitFor();
    await card.getByText('en retard de 13 jours', { exact: false }).waitFor();
    await card.getByRole('link', { name: 'Toutes les orientations en attente des partenaires (1)' }).waitFor();
    await expectAccessible(nadia.page, 'home with waiting referrals fr');
  });
});
