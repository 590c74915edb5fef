import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPreview, type Preview, type PreviewWindow } from '../harness/preview';
import { documentDir, expectAccessible, shot } from './helpers';

/**
 * The foundation, end to end: the real core and the real renderer in Chromium, driven by
 * roles and labels in French and Arabic, as a person would use them.
 */
const ADMIN_PASSWORD = 'Clinique-Rabat-2026!';
const LAWYER_PASSWORD = 'Avocat-Temporaire-1';
const LAWYER_OWN_PASSWORD = 'Mon-Secret-Avocat-9';

let preview: Preview;
let win: PreviewWindow;
let page: Page;

beforeAll(async () => {
  preview = await startPreview();
  win = await preview.openWindow();
  page = win.page;
});
afterAll(async () => preview?.close());

describe('foundation in real Chromium', () => {
  it('first-run setup: a field error keeps what was typed, then the recovery key must be confirmed', async () => {
    await page.getByRole('heading', { name: 'Installer la clinique' }).waitFor();
    expect(await documentDir(page)).toBe('ltr');
    await expectAccessible(page, 'setup fr');
    await page.getByLabel('Langue', { exact: true }).selectOption('ar');
    await page.getByRole('heading', { name: 'إعداد العيادة' }).waitFor();
    expect(await documentDir(page)).toBe('rtl');
    await expectAccessible(page, 'setup ar');
    await shot(page, 'setup-ar');
    await page.getByLabel('اللغة', { exact: true }).selectOption('fr');
    await page.getByRole('heading', { name: 'Installer la clinique' }).waitFor();

    await page.getByLabel('Nom de la clinique en caractères latins').fill('Clinique juridique de Rabat');
    await page.getByLabel('Nom de la clinique en caractères arabes').fill('العيادة القانونية بالرباط');
    await page.getByLabel('Préfixe des références de dossier').fill('rbt');
    await page.getByLabel('Nom complet').fill('Salma Bennani');
    await page.getByLabel('Identifiant').fill('salma');
    await page.getByLabel('Mot de passe', { exact: true }).fill('court');
    await page.getByLabel('Confirmer le mot de passe').fill('court');
    await page.getByRole('button', { name: 'Créer la clinique' }).click();
    await page.getByText('Au moins 12 caractères.').waitFor();
    await shot(page, 'setup-fr-error');
    expect(await page.getByLabel('Nom de la clinique en caractères latins').inputValue()).toBe('Clinique juridique de Rabat');
    expect(await page.getByLabel('Identifiant').inputValue()).toBe('salma');

    await page.getByLabel('Mot de passe', { exact: true }).fill(ADMIN_PASSWORD);
    await page.getByLabel('Confirmer le mot de passe').fill(ADMIN_PASSWORD);
    await page.getByRole('button', { name: 'Créer la clinique' }).click();
    await page.getByRole('heading', { name: 'Votre clé de récupération' }).waitFor();
    await expectAccessible(page, 'recovery key fr');
    await shot(page, 'recovery-key-fr');
    const key = (await page.getByLabel('Votre clé de récupération').textContent()) ?? '';
    expect(key).toMatch(/^([0-9A-Z]{4}-){7}[0-9A-Z]{4}$/);
    const proceed = page.getByRole('button', { name: 'Continuer' });
    expect(await proceed.isDisabled()).toBe(true);
    await page.getByLabel('Pour confirmer, saisissez le premier groupe de la clé').fill('ZZZZ');
    await page.getByText('Cela ne correspond pas au premier groupe de la clé.').waitFor();
    await page.getByLabel('Pour confirmer, saisissez le premier groupe de la clé').fill(key.slice(0, 4).toLowerCase());
    expect(await proceed.isDisabled()).toBe(true);
    await page.getByLabel('J’ai imprimé ou copié la clé de récupération et je l’ai rangée en lieu sûr.').check();
    await proceed.click();
    await page.getByRole('heading', { name: 'Tableau de bord' }).waitFor();
    await page.getByText('Salma Bennani').first().waitFor();
    await expectAccessible(page, 'shell fr');
    await shot(page, 'shell-fr');
  });

  it('the administrator creates a lawyer account', async () => {
    await page.getByRole('link', { name: 'Administration' }).click();
    await page.getByRole('heading', { name: 'Comptes' }).waitFor();
    await page.getByRole('button', { name: 'Nouveau compte' }).click();
    const dialog = page.getByRole('dialog', { name: 'Nouveau compte' });
    await dialog.getByLabel('Nom complet').fill('Youssef Lamrani');
    await dialog.getByLabel('Identifiant').fill('youssef');
    await dialog.getByLabel('Rôle').selectOption({ label: 'Avocat·e' });
    await dialog.getByLabel('Langue').selectOption('ar');
    await dialog.getByLabel('Mot de passe initial').fill('faible');
    await dialog.getByRole('button', { name: 'Créer le compte' }).click();
    await dialog.getByText('Au moins 12 caractères.').waitFor();
    expect(await dialog.getByLabel('Nom complet').inputValue()).toBe('Youssef Lamrani');
    await dialog.getByLabel('Mot de passe initial').fill(LAWYER_PASSWORD);
    await dialog.getByRole('button', { name: 'Créer le compte' }).click();
    await page.getByText('Compte youssef créé.').waitFor();
    await page.getByRole('cell', { name: 'Youssef Lamrani' }).waitFor();
    await expectAccessible(page, 'administration fr');
    await shot(page, 'administration-fr');
  });

  it('locks by hand: nothing of the page stays; a wrong password is refused; the right one unlocks', async () => {
    await page.getByRole('button', { name: 'Verrouiller' }).click();
    await page.getByRole('heading', { name: 'Verrouillé' }).waitFor();
    expect(await page.getByRole('navigation').count()).toBe(0);
    expect(await page.content()).not.toContain('Youssef Lamrani');
    await expectAccessible(page, 'lock fr');
    await page.getByLabel('Mot de passe').fill('pas le bon');
    await page.getByRole('button', { name: 'Déverrouiller' }).click();
    await page.getByText('Identifiant ou mot de passe incorrect.').waitFor();
    await page.getByLabel('Mot de passe').fill(ADMIN_PASSWORD);
    await page.getByRole('button', { name: 'Déverrouiller' }).click();
    // Back where the person was, with the page's data read again from the core.
    await page.getByRole('heading', { name: 'Administration', level: 1 }).waitFor();
    await page.getByRole('cell', { name: 'Youssef Lamrani' }).waitFor();
  });

  it('signs in in Arabic (right to left, keyboard only), shows the wrong-password message, and the new account must choose its password', async () => {
    await page.getByRole('button', { name: 'Se déconnecter' }).click();
    await page.getByRole('heading', { name: 'Connexion' }).waitFor();
    await page.getByText('Clinique juridique de Rabat').waitFor();
    await expectAccessible(page, 'login fr');
    await page.getByLabel('Langue', { exact: true }).selectOption('ar');
    await page.getByRole('heading', { name: 'تسجيل الدخول' }).waitFor();
    expect(await documentDir(page)).toBe('rtl');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('ar');
    // The clinic's name in the screen's script (issue #10, item 8).
    await page.getByText('العيادة القانونية بالرباط').waitFor();
    await expectAccessible(page, 'login ar');

    await page.getByLabel('اسم المستخدم').fill('youssef');
    await page.getByLabel('كلمة المرور').fill('ليست كلمة المرور');
    await page.getByLabel('كلمة المرور').press('Enter');
    await page.getByText('اسم المستخدم أو كلمة المرور غير صحيحة.').waitFor();
    await shot(page, 'login-ar-error');

    // Keyboard only: the password field has the focus after the error; type and press Enter.
    await page.keyboard.type(LAWYER_PASSWORD);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'تغيير كلمة المرور', level: 2 }).waitFor();
    await page.getByText('حدّد مدير النظام كلمة مرورك').waitFor();
    expect(await documentDir(page)).toBe('rtl');
    await page.getByLabel('كلمة المرور الحالية').fill(LAWYER_PASSWORD);
    await page.getByLabel('كلمة المرور الجديدة', { exact: true }).fill(LAWYER_OWN_PASSWORD);
    await page.getByLabel('تأكيد كلمة المرور الجديدة').fill(LAWYER_OWN_PASSWORD);
    await page.getByRole('button', { name: 'تغيير كلمة المرور' }).click();
    await page.getByText('تم تغيير كلمة المرور.').waitFor();
    await page.getByRole('link', { name: 'لوحة القيادة' }).click();
    await page.getByText('مرحبًا، Youssef Lamrani.').waitFor();
    // A lawyer has no administration entry.
    expect(await page.getByRole('link', { name: 'الإدارة' }).count()).toBe(0);
    await expectAccessible(page, 'shell ar');
    await shot(page, 'shell-ar');
  });

  it('moves through the shell with the keyboard alone', async () => {
    // Focus starts on the page heading; Tab runs through the page's own controls and wraps
    // to the skip link, the first stop of the window.
    const skip = page.getByRole('link', { name: 'الانتقال إلى المحتوى' });
    let onSkip = false;
    for (let i = 0; i < 30 && !onSkip; i += 1) {
      await page.keyboard.press('Tab');
      onSkip = await skip.evaluate((el) => el === document.activeElement);
    }
    expect(onSkip).toBe(true);
    // Tab through the top bar to the first navigation link, then follow it with Enter.
    for (let i = 0; i < 12; i += 1) {
      await page.keyboard.press('Tab');
      const name = await page.evaluate(() => document.activeElement?.textContent ?? '');
      if (name === 'المستفيدون') break;
    }
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'المستفيدون' }).waitFor();
  });

  it('locks by itself after the idle time', async () => {
    const idle = await preview.openWindow({ beforeLoad: (p) => p.clock.install() });
    const p = idle.page;
    await p.getByRole('heading', { name: 'Connexion' }).waitFor();
    await p.getByLabel('Identifiant').fill('salma');
    await p.getByLabel('Mot de passe').fill(ADMIN_PASSWORD);
    await p.getByRole('button', { name: 'Se connecter' }).click();
    await p.getByRole('heading', { name: 'Tableau de bord' }).waitFor();
    await p.clock.fastForward('05:01');
    await p.getByRole('heading', { name: 'Verrouillé' }).waitFor();
    const session = await preview.core.invoke(idle.clientId, 'auth:session', {});
    expect(session.ok && (session.value as { state: string }).state).toBe('locked');
    await idle.close();
  });
});
