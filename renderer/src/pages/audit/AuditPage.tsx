import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Account } from '../../../../shared/contract/accounts';
import type { AuditEntry, AuditFilters } from '../../../../shared/contract/audit';
import { AUDIT_CATEGORIES, AUDIT_OUTCOMES } from '../../../../shared/domain/audit';
import type { Role } from '../../../../shared/domain/roles';
import { auditPhrase } from '../../../../shared/i18n/audit-phrase';
import { catalogs } from '../../../../shared/i18n';
import { Banner } from '../../components/Banner';
import { DateField } from '../../components/DateField';
import { SelectField } from '../../components/Field';
import { TableHead } from '../../components/TableHead';
import { call } from '../../lib/api';
import { errorMessage } from '../../lib/errors';
import { useFormats } from '../../lib/format';
import { usePaged } from '../../lib/hooks';
import { AuditExport } from './AuditExport';
import { AuditVerify } from './AuditVerify';
import { RecordFilter, type RecordChoice } from './RecordFilter';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

interface Props {
  role: Role;
  /** From the link on a person's or a case's page: `#/audit?beneficiary=12` or `?case=7`. */
  beneficiaryId: number | null;
  caseId: number | null;
}

/**
 * The audit log for supervisors and administrators (issue #10, item 5): actions in words in
 * the interface language, filters by person, case, account, kind of action, result and
 * period, the whole log a page at a time, and the filtered view exported as CSV.
 */
export function AuditPage({ role, beneficiaryId, caseId }: Props) {
  const { t } = useTranslation();
  const f = useFormats();
  const initialRecord: RecordChoice | null = beneficiaryId ? { kind: 'beneficiary', id: beneficiaryId, name: '' } : caseId ? { kind: 'case', id: caseId, name: '' } : null;
  const [record, setRecord] = useState<RecordChoice | null>(initialRecord);
  const [accountId, setAccountId] = useState('');
  const [category, setCategory] = useState('');
  const [outcome, setOutcome] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [refreshed, setRefreshed] = useState(0);
  const [accounts, setAccounts] = useState<Account[]>([]);

  useEffect(() => {
    call('accounts:list', {}).then(setAccounts, () => setAccounts([]));
  }, []);

  const filters = useMemo<AuditFilters>(
    () => ({
      beneficiaryId: record?.kind === 'beneficiary' ? record.id : undefined,
      caseId: record?.kind === 'case' ? record.id : undefined,
      accountId: accountId ? Number(accountId) : undefined,
      category: (category || undefined) as AuditFilters['category'],
      outcome: (outcome || undefined) as AuditFilters['outcome'],
      // A half-typed date filters nothing until it is complete.
      from: ISO_DATE.test(from) ? from : undefined,
      to: ISO_DATE.test(to) ? to : undefined,
    }),
    [record, accountId, category, outcome, from, to],
  );
  const fetchPage = useCallback(
    (cursor: string | undefined) => call('audit:list', { ...filters, cursor, limit: 50 }),
    // `refreshed` starts the list over with the same filters (Refresh).
    [filters, refreshed],
  );
  const fetchCount = useCallback(() => call('audit:count', filters), [filters]);
  const paged = usePaged<AuditEntry>(fetchPage, fetchCount);

  // A record chosen by link is named from its entries once they arrive.
  const recordName = record?.name || paged.items.find((e) => e.subject)?.subject || '';
  const messages = catalogs[f.language];
  const all = { value: '', label: t('auditLog.all') };
  const clear = () => {
    setRecord(null);
    setAccountId('');
    setCategory('');
    setOutcome('');
    setFrom('');
    setTo('');
  };

  return (
    <section className="panel wide" aria-labelledby="audit-list-title">
      <div className="panel-top">
        <h2 id="audit-list-title">{t('auditLog.filters')}</h2>
        {role === 'admin' && <AuditVerify />}
      </div>
      <p className="explain">{t('auditLog.intro')}</p>
      <RecordFilter record={record ? { ...record, name: recordName } : null} onChange={setRecord} />
      <div className="filters" role="group" aria-label={t('auditLog.filters')}>
        <SelectField
          label={t('auditLog.account')}
          value={accountId}
          onChange={(e) => setAccountId(e.target.value)}
          options={[all, ...accounts.map((a) => ({ value: String(a.id), label: a.fullName }))]}
        />
        <SelectField
          label={t('auditLog.category')}
          value={category}
          onChange={(e) => setCategory(e.target.value)}
          options={[all, ...AUDIT_CATEGORIES.map((c) => ({ value: c, label: t(`auditLog.categories.${c}`) }))]}
        />
        <SelectField
          label={t('auditLog.outcome')}
          value={outcome}
          onChange={(e) => setOutcome(e.target.value)}
          options={[all, ...AUDIT_OUTCOMES.map((o) => ({ value: o, label: t(`admin.outcome.${o}`) }))]}
        />
        <DateField label={t('auditLog.from')} value={from} onChange={setFrom} />
        <DateField label={t('auditLog.to')} value={to} onChange={setTo} />
      </div>
      <div className="row">
        <button type="button" onClick={clear}>
          {t('auditLog.clear')}
        </button>
        <button type="button" onClick={() => setRefreshed((n) => n + 1)}>
          {t('auditLog.refresh')}
        </button>
        <AuditExport filters={filters} />
      </div>
      <p role="status" className="count">
        {paged.total === null ? '' : t('auditLog.total', { total: f.number(paged.total) })}
      </p>
      {paged.error ? <Banner kind="error">{errorMessage(t, paged.error)}</Banner> : null}
      <table className="audit-table">
        <TableHead columns={[t('admin.auditWhen'), t('admin.auditWho'), t('admin.auditAction'), t('admin.auditOutcome')]} />
        <tbody>
          {paged.items.map((e) => (
            <tr key={e.id} className={e.outcome === 'ok' ? undefined : 'audit-refused'}>
              <td className="nowrap">{f.dateTime(e.at)}</td>
              <td>{e.accountName ?? '—'}</td>
              <td>{auditPhrase(messages, e.action, e.subject, true)}</td>
              <td>{t(`admin.outcome.${e.outcome}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {!paged.loading && paged.items.length === 0 && <p className="empty">{t('auditLog.none')}</p>}
      {!paged.done && (
        <button type="button" onClick={paged.loadMore} disabled={paged.loading}>
          {paged.loading ? t('common.loading') : t('auditLog.more')}
        </button>
      )}
    </section>
  );
}
