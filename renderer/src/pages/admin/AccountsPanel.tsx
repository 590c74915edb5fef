import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Account } from '../../../../shared/contract/accounts';
import { Banner } from '../../components/Banner';
import { Dialog } from '../../components/Dialog';
import { call } from '../../lib/api';
import { errorMessage } from '../../lib/errors';
import { CreateAccountDialog } from './CreateAccountDialog';
import { PasswordDialog } from './PasswordDialog';
import { TableHead } from '../../components/TableHead';
import { PanelSection } from '../../components/PanelSection';

type Pending = { kind: 'reset' | 'reactivate' | 'deactivate'; account: Account } | null;

export function AccountsPanel({ self }: { self: number }) {
  const { t } = useTranslation();
  const [accounts, setAccounts] = useState<Account[]>([]);
  const [banner, setBanner] = useState<{ kind: 'error' | 'success'; text: string } | null>(null);
  const [creating, setCreating] = useState(false);
  const [pending, setPending] = useState<Pending>(null);

  const reload = useCallback(async () => {
    try {
      setAccounts(await call('accounts:list', {}));
    } catch (error) {
      setBanner({ kind: 'error', text: errorMessage(t, error) });
    }
  }, [t]);
  useEffect(() => void reload(), [reload]);

  const done = (text: string) => {
    setPending(null);
    setBanner({ kind: 'success', text });
    void reload();
  };

  const deactivate = async (account: Account) => {
    try {
      await call('accounts:deactivate', { accountId: account.id });
      done(t('admin.deactivated', { username: account.username }));
    } catch (error) {
      setPending(null);
      setBanner({ kind: 'error', text: errorMessage(t, error) });
    }
  };

  return (
    <PanelSection title={t('admin.accounts')} action={{ label: t('admin.newAccount'), onClick: () => setCreating(true) }}>
      {banner && <Banner kind={banner.kind}>{banner.text}</Banner>}
      <table>
        <TableHead columns={[t('admin.fullName'), t('admin.username'), t('admin.role'), t('admin.status'), t('admin.actions')]} />
        <tbody>
          {accounts.map((a) => (
            <tr key={a.id}>
              <td>{a.fullName}</td>
              <td dir="ltr" className="cell-ltr">{a.username}</td>
              <td>{t(`roles.${a.role}`)}</td>
              <td>{a.active ? t('admin.active') : t('admin.inactive')}</td>
              <td className="actions">
                {a.active ? (
                  <>
                    <button type="button" onClick={() => setPending({ kind: 'reset', account: a })}>
                      {t('admin.resetPassword')}
                    </button>
                    {a.id !== self && (
                      <button type="button" onClick={() => setPending({ kind: 'deactivate', account: a })}>
                        {t('admin.deactivate')}
                      </button>
                    )}
                  </>
                ) : (
                  <button type="button" onClick={() => setPending({ kind: 'reactivate', account: a })}>
                    {t('admin.reactivate')}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <CreateAccountDialog
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(a) => {
          setCreating(false);
          done(t('admin.created', { username: a.username }));
        }}
      />
      {pending && pending.kind !== 'deactivate' && (
        <PasswordDialog
          account={pending.account}
          channel={pending.kind === 'reset' ? 'accounts:resetPassword' : 'accounts:reactivate'}
          title={t(pending.kind === 'reset' ? 'admin.resetPassword' : 'admin.reactivate')}
          onClose={() => setPending(null)}
          onDone={(a) => done(t(pending.kind === 'reset' ? 'admin.resetDone' : 'admin.reactivated', { username: a.username }))}
        />
      )}
      <Dialog open={pending?.kind === 'deactivate'} title={t('admin.deactivate')} onClose={() => setPending(null)}>
        <p>{t('admin.confirmDeactivate', { username: pending?.account.username ?? '' })}</p>
        <div className="row">
          <button type="button" className="danger" onClick={() => pending && void deactivate(pending.account)}>
            {t('admin.deactivate')}
          </button>
          <button type="button" onClick={() => setPending(null)}>
            {t('common.cancel')}
          </button>
        </div>
      </Dialog>
    </PanelSection>
  );
}
