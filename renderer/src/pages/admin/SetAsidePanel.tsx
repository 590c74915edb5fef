import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SetAsideClinicView } from '../../../../shared/contract/restore';
import { Banner } from '../../components/Banner';
import { Dialog } from '../../components/Dialog';
import { PanelSection } from '../../components/PanelSection';
import { TableHead } from '../../components/TableHead';
import { announceSessionLost, call } from '../../lib/api';
import { noteClinicReplaced } from '../../lib/clinic-replaced';
import { errorMessage } from '../../lib/errors';
import { useFormats } from '../../lib/format';
import { megabytesText } from './BackupStatusView';

/**
 * Administrators: the clinics a restore set aside, newest first, each of which can be put
 * back (undoing the restore). Putting one back signs everyone out and sets the clinic in use
 * aside in turn, so that too can be undone. Nothing here deletes anything.
 */
export function SetAsidePanel() {
  const { t } = useTranslation();
  const f = useFormats();
  const [list, setList] = useState<SetAsideClinicView[] | null>(null);
  const [banner, setBanner] = useState<string | null>(null);
  const [asked, setAsked] = useState<SetAsideClinicView | null>(null);
  const [busy, setBusy] = useState(false);
  const load = useCallback(async () => {
    try {
      setList(await call('restore:setAside', {}));
    } catch (error) {
      setBanner(errorMessage(t, error));
    }
  }, [t]);
  useEffect(() => void load(), [load]);

  const putBack = async (clinic: SetAsideClinicView) => {
    setBusy(true);
    setBanner(null);
    try {
      await call('restore:undo', { name: clinic.name, confirm: true });
      noteClinicReplaced({ kind: 'putBack', at: clinic.at });
      announceSessionLost();
    } catch (error) {
      setAsked(null);
      setBanner(errorMessage(t, error));
      setBusy(false);
    }
  };
  if (!list || list.length === 0) return null;
  return (
    <PanelSection title={t('restore.setAsideTitle')} explain={t('restore.setAsideExplain')} wide>
      <Banner kind="error">{banner}</Banner>
      <table>
        <TableHead columns={[t('restore.setAsideAt'), t('restore.setAsideWhy'), t('backups.size'), t('admin.actions')]} />
        <tbody>
          {list.map((clinic) => (
            <tr key={clinic.name}>
              <td>{f.clinicDateTime(clinic.at)}</td>
              <td>{t(`restore.setAsideKind.${clinic.kind ?? 'unknown'}`)}</td>
              <td>{megabytesText(f, t, clinic.bytes)}</td>
              <td>
                <button type="button" onClick={() => setAsked(clinic)} aria-label={t('restore.putBackOf', { date: f.clinicDateTime(clinic.at) })}>
                  {t('restore.putBack')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <Dialog open={asked !== null} title={t('restore.putBack')} onClose={() => !busy && setAsked(null)}>
        {asked && <p>{t('restore.putBackConfirm', { date: f.clinicDateTime(asked.at) })}</p>}
        <div className="row">
          <button type="button" className="danger" disabled={busy} onClick={() => asked && void putBack(asked)}>
            {busy ? t('restore.working') : t('restore.putBack')}
          </button>
          <button type="button" disabled={busy} onClick={() => setAsked(null)}>
            {t('common.cancel')}
          </button>
        </div>
      </Dialog>
    </PanelSection>
  );
}
