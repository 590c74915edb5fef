import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionInfo } from '../../shared/contract/session';
import type { SetupStatus } from '../../shared/contract/setup';
import type { Language } from '../../shared/domain/languages';
import { Banner } from './components/Banner';
import { call, onSessionLost } from './lib/api';
import { takeClinicReplaced, type ClinicReplaced } from './lib/clinic-replaced';
import { claimDrafts, dropAllDrafts } from './lib/drafts';
import { errorMessage } from './lib/errors';
import { applyLanguage } from './lib/i18n';
import { FolderProblemPage } from './pages/FolderProblemPage';
import { LockScreen } from './pages/LockScreen';
import { LoginPage } from './pages/LoginPage';
import { RecoverPage } from './pages/RecoverPage';
import { SetupPage } from './pages/SetupPage';
import { Shell } from './pages/Shell';
import { useFormats } from './lib/format';


/**
 * The top-level state machine: setup → sign in → shell ⇄ lock, or the damaged-folder screen
 * when the data folder holds a clinic that cannot be opened (setup never runs over it). Whenever the session is not
 * unlocked, the shell and every page under it are unmounted, so no record stays in the DOM
 * behind the lock screen; only what a person was typing is kept in memory (lib/drafts.ts)
 * for the same account's unlock, and dropped on sign-out.
 */
export function App() {
  const { t } = useTranslation();
  const [boot, setBoot] = useState<SetupStatus | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  // When the clinic was just put back from a backup (or a restore undone): the sign-in page says so.
  const [replaced, setReplaced] = useState<ClinicReplaced | null>(null);
  const [session, setSession] = useState<SessionInfo>({ state: 'none' });
  const [language, setLanguage] = useState<Language>('fr');
  const [recovering, setRecovering] = useState(false);
  const [fatal, setFatal] = useState<unknown>(null);

  const changeLanguage = useCallback((lng: Language) => {
    setLanguage(lng);
    applyLanguage(lng);
  }, []);

  const adopt = useCallback(
    (next: SessionInfo) => {
      // Unsaved work kept across a lock belongs to this window's account only (lib/drafts.ts).
      if (next.state === 'none') dropAllDrafts();
      if (next.state === 'unlocked') claimDrafts(next.account.id);
      setSession(next);
      setRecovering(false);
      if (next.state === 'unlocked') changeLanguage(next.account.language);
      if (next.state === 'locked') changeLanguage(next.language);
    },
    [changeLanguage],
  );

  const refresh = useCallback(async () => {
    try {
      const status = await call('setup:status', {});
      setBoot(status);
      const current = await call('auth:session', {});
      const note = takeClinicReplaced();
      if (note) setReplaced(note);
      if (current.state === 'none') changeLanguage(status.defaultLanguage);
      adopt(current);
    } catch (error) {
      setFatal(error);
    }
    // Deliberately independent of the language: switching language must not re-run boot.
  }, [adopt, changeLanguage]);

  useEffect(() => void refresh(), [refresh]);
  useEffect(() => onSessionLost(() => void refresh()), [refresh]);

  const lock = useCallback(async () => {
    await call('auth:lock', {}).catch(() => undefined);
    await refresh();
  }, [refresh]);

  const signOut = useCallback(async () => {
    dropAllDrafts();
    await call('auth:signOut', {}).catch(() => undefined);
    await refresh();
  }, [refresh]);

  if (fatal) return <p className="banner banner-error" role="alert">{errorMessage(t, fatal)}</p>;
  if (!boot) return <p className="loading">{t('common.loading')}</p>;
  if (boot.state === 'damaged' && session.state !== 'unlocked') {
    return (
      <FolderProblemPage
        status={boot}
        language={language}
        onLanguage={changeLanguage}
        onStatus={(next, message) => {
          setNotice(message ?? null);
          setBoot(next);
        }}
      />
    );
  }
  if (boot.state === 'new' && session.state !== 'unlocked') {
    return (
      <>
        <Banner kind="success">{notice}</Banner>
        <SetupPage
          language={language}
          onLanguage={changeLanguage}
          onDone={(s) => void refresh().then(() => adopt(s))}
          onRestored={(at) => {
            setReplaced({ kind: 'restored', at });
            void refresh();
          }}
        />
      </>
    );
  }
  if (session.state === 'unlocked') {
    return (
      <Shell
        session={session}
        onLanguage={(lng) => {
          changeLanguage(lng);
          void call('auth:setLanguage', { language: lng }).then(() => call('auth:session', {})).then(adopt, () => undefined);
        }}
        onLock={() => void lock()}
        onSignOut={() => void signOut()}
        onPasswordChanged={() => void refresh()}
      />
    );
  }
  if (session.state === 'locked') return <LockScreen fullName={session.fullName} onSession={adopt} />;
  if (recovering) return <RecoverPage onSession={adopt} onBack={() => setRecovering(false)} />;
  return (
    <>
      {replaced && <ReplacedNotice note={replaced} />}
      <LoginPage clinicName={language === 'ar' && boot.clinicNameAr ? boot.clinicNameAr : boot.clinicName} language={language} onLanguage={changeLanguage} onSession={adopt} onRecover={() => setRecovering(true)} />
    </>
  );
}

function ReplacedNotice({ note }: { note: ClinicReplaced }) {
  const { t } = useTranslation();
  const f = useFormats();
  return <Banner kind="success">{t(note.kind === 'restored' ? 'setup.restored' : 'restore.putBackNotice', { date: f.clinicDateTime(note.at) })}</Banner>;
}
