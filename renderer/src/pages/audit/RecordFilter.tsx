import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../components/Dialog';
import { PersonPicker } from '../../components/PersonPicker';
import { isolate, personName } from '../../lib/format';

export interface RecordChoice {
  kind: 'beneficiary' | 'case';
  id: number;
  /** As people name it; '' until known (a record chosen by link is named from its entries). */
  name: string;
}

/** The one record the log is narrowed to (a person or a case), shown as a removable filter. */
export function RecordFilter({ record, onChange }: { record: RecordChoice | null; onChange: (r: RecordChoice | null) => void }) {
  const { t } = useTranslation();
  const [picking, setPicking] = useState(false);
  const label = record ? t(record.kind === 'case' ? 'auditLog.chipCase' : 'auditLog.chipPerson', { name: record.name ? isolate(record.name) : `#${record.id}` }) : '';
  return (
    <div className="row record-filter">
      {record ? (
        <span className="chip">
          <span>{label}</span>
          <button type="button" className="chip-remove" aria-label={t('auditLog.remove', { name: label })} onClick={() => onChange(null)}>
            ×
          </button>
        </span>
      ) : (
        <button type="button" onClick={() => setPicking(true)}>
          {t('auditLog.pickPerson')}
        </button>
      )}
      <Dialog open={picking} title={t('auditLog.pickPerson')} onClose={() => setPicking(false)}>
        <PersonPicker
          onPick={(p) => {
            onChange({ kind: 'beneficiary', id: p.id, name: personName(p) });
            setPicking(false);
          }}
        />
        <div className="row">
          <button type="button" onClick={() => setPicking(false)}>
            {t('common.cancel')}
          </button>
        </div>
      </Dialog>
    </div>
  );
}
