import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditFilters } from '../../../../shared/contract/audit';
import { Banner } from '../../components/Banner';
import { call } from '../../lib/api';
import { errorMessage } from '../../lib/errors';
import { useFormats } from '../../lib/format';

/**
 * Exports what the filters show as a CSV file, in the interface language. The core writes
 * the export in the log; the file is handed to the browser as a download (Electron asks
 * where to save it) from a blob: URL released right after.
 */
export function AuditExport({ filters }: { filters: AuditFilters }) {
  const { t } = useTranslation();
  const f = useFormats();
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<{ kind: 'error' | 'success'; text: string } | null>(null);
  const run = async () => {
    setBusy(true);
    setNote(null);
    try {
      const r = await call('audit:export', { ...filters, language: f.language });
      const url = URL.createObjectURL(new Blob([r.csv], { type: 'text/csv;charset=utf-8' }));
      const a = document.createElement('a');
      a.href = url;
      a.download = r.fileName;
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 0);
      const text = t('auditLog.exported', { rows: f.number(r.rows), file: r.fileName });
      setNote({ kind: 'success', text: r.truncated ? `${text} ${t('auditLog.exportTruncated', { rows: f.number(r.rows) })}` : text });
    } catch (error) {
      setNote({ kind: 'error', text: errorMessage(t, error) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <button type="button" onClick={() => void run()} disabled={busy}>
        {busy ? t('auditLog.exporting') : t('auditLog.export')}
      </button>
      {note && <Banner kind={note.kind}>{note.text}</Banner>}
    </>
  );
}
