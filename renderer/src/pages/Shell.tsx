import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { UnlockedSession } from '../../../shared/contract/session';
import type { Language } from '../../../shared/domain/languages';
import { LanguageSelect } from '../components/LanguageSelect';
import { useIdleLock } from '../lib/idle';
import { useRoute, type Page } from '../lib/route';
import { AccountPage } from './AccountPage';
import { AdminPage } from './AdminPage';
import { PlaceholderPage } from './PlaceholderPage';

const NAV: readonly Page[] = ['dashboard', 'beneficiaries', 'cases', 'referrals', 'calendar', 'reports', 'partners'];

interface Props {
  session: UnlockedSession;
  onLanguage: (language: Language) => void;
  onLock: () => void;
  onSignOut: () => void;
  onPasswordChanged: () => void;
}

export function Shell({ session, onLanguage, onLock, onSignOut, onPasswordChanged }: Props) {
  const { t } = useTranslation();
  const page = useRoute();
  const heading = useRef<HTMLHeadingElement>(null);
  useIdleLock(session.idleLockMinutes, onLock);
  // Moving focus to the new page's heading tells keyboard and screen-reader users where they are.
  useEffect(() => heading.current?.focus(), [page]);
  const nav = session.account.role === 'admin' ? [...NAV, 'administration' as const] : NAV;
  const shown: Page = session.mustChangePassword ? 'account' : page;

  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t('shell.skipToContent')}
      </a>
      <header className="topbar">
        <span className="brand">{t('app.title')}</span>
        <div className="topbar-end">
          <span className="who">
            {t('shell.signedInAs')} <strong>{session.account.fullName}</strong> · {t(`roles.${session.account.role}`)}
          </span>
          <LanguageSelect value={session.account.language} onChange={onLanguage} />
          <button type="button" onClick={onLock}>
            {t('shell.lock')}
          </button>
          <button type="button" onClick={onSignOut}>
            {t('shell.signOut')}
          </button>
        </div>
      </header>
      <nav className="sidebar" aria-label={t('shell.nav')}>
        <ul>
          {[...nav, 'account' as const].map((p) => (
            <li key={p}>
              <a href={`#/${p}`} aria-current={p === shown ? 'page' : undefined}>
                {t(`nav.${p}`)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <main className="content" id="main" tabIndex={-1}>
        <h1 ref={heading} tabIndex={-1}>
          {t(`nav.${shown}`)}
        </h1>
        {shown === 'account' ? (
          <AccountPage mustChange={session.mustChangePassword} onChanged={onPasswordChanged} />
        ) : shown === 'administration' && session.account.role === 'admin' ? (
          <AdminPage self={session.account.id} />
        ) : shown === 'dashboard' ? (
          <PlaceholderPage text={`${t('pages.dashboard.welcome', { name: session.account.fullName })} ${t('pages.dashboard.empty')}`} />
        ) : (
          <PlaceholderPage text={t(`pages.${shown === 'administration' ? 'dashboard' : shown}.empty`)} />
        )}
      </main>
    </div>
  );
}
