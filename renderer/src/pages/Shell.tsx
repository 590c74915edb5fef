import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { UnlockedSession } from '../../../shared/contract/session';
import type { Language } from '../../../shared/domain/languages';
import { Dialog } from '../components/Dialog';
import { GlobalSearch } from '../components/GlobalSearch';
import { LanguageSelect } from '../components/LanguageSelect';
import { useIdleLock } from '../lib/idle';
import { href, navigate, useRoute, type Page } from '../lib/route';
import { PageContent, pageTitleKey } from './PageContent';

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
  const route = useRoute();
  const heading = useRef<HTMLHeadingElement>(null);
  const secondsLeft = useIdleLock(session.idleLockMinutes, onLock);
  const shown: Page = session.mustChangePassword ? 'account' : route.page;
  const where = `${shown}/${route.sub ?? ''}?${route.params.toString()}`;
  // Moving focus to the new page's heading tells keyboard and screen-reader users where they are.
  useEffect(() => heading.current?.focus(), [where]);
  // A password to change comes first; staying on #/account afterwards keeps its confirmation in view.
  useEffect(() => {
    if (session.mustChangePassword && route.page !== 'account') navigate(href('account'));
  }, [session.mustChangePassword, route.page]);
  const role = session.account.role;
  // Supervisors reach the administration page too, for the domains of law.
  const nav = role === 'admin' || role === 'supervisor' ? [...NAV, 'audit' as const, 'administration' as const] : NAV;

  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t('shell.skipToContent')}
      </a>
      <header className="topbar">
        <span className="brand">{t('app.title')}</span>
        {!session.mustChangePassword && <GlobalSearch route={route} />}
        <div className="topbar-end">
          <span className="who">
            {t('shell.signedInAs')} <strong>{session.account.fullName}</strong> · {t(`roles.${role}`)}
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
          {t(pageTitleKey(shown, route))}
        </h1>
        <PageContent page={shown} route={route} session={session} onPasswordChanged={onPasswordChanged} />
      </main>
      <Dialog open={secondsLeft !== null} title={t('idle.title')} onClose={() => undefined}>
        <p>{t('idle.explain', { seconds: secondsLeft ?? 0 })}</p>
        <p className="muted">{t('idle.kept')}</p>
        <button type="button" className="primary">
          {t('idle.stay')}
        </button>
      </Dialog>
    </div>
  );
}
