import { useTranslation } from 'react-i18next';

/**
 * "Choose…" beside a path field, in the desktop build only (the system's picker, through the
 * preload); in the browser preview there is none and the path is typed.
 */
export function PathPicker({ kind, onPick }: { kind: 'folder' | 'backupFile'; onPick: (path: string) => void }) {
  const { t } = useTranslation();
  const desktop = window.clinicDesktop;
  if (!desktop) return null;
  const choose = async () => {
    const path = await (kind === 'folder' ? desktop.chooseFolder() : desktop.chooseBackupFile());
    if (path) onPick(path);
  };
  return (
    <div className="row">
      <button type="button" onClick={() => void choose()}>
        {t(kind === 'folder' ? 'backups.chooseFolder' : 'restore.chooseFile')}
      </button>
    </div>
  );
}
