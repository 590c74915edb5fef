import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TeamRow } from '../../../shared/contract/work';
import { SelectField } from '../components/Field';
import { call } from '../lib/api';
import { useFormats } from '../lib/format';

/**
 * Supervisors' view of the team (issue #12): caseload, overdue deadlines, deadlines of the
 * week and the oldest open case per lawyer; choosing a lawyer shows their work below.
 */
export function TeamPanel({ lawyerId, onLawyer }: { lawyerId: number | undefined; onLawyer: (id: number | undefined) => void }) {
  const { t } = useTranslation();
  const f = useFormats();
  const [rows, setRows] = useState<TeamRow[] | null>(null);
  useEffect(() => {
    call('work:team', {}).then(setRows, () => setRows([]));
  }, []);
  if (!rows || rows.length === 0) return null;
  return (
    <section className="panel wide" aria-labelledby="team-title">
      <h2 id="team-title">{t('work.team')}</h2>
      <div className="table-scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">{t('work.lawyer')}</th>
              <th scope="col">{t('work.openCases')}</th>
              <th scope="col">{t('work.overdueCol')}</th>
              <th scope="col">{t('work.dueThisWeek')}</th>
              <th scope="col">{t('work.oldestOpen')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.lawyerId}>
                <th scope="row">
                  <bdi>{r.name}</bdi>
                </th>
                <td>{f.number(r.openCases)}</td>
                <td>{r.overdue > 0 ? <span className="badge badge-step-overdue">{f.number(r.overdue)}</span> : f.number(0)}</td>
                <td>{f.number(r.dueThisWeek)}</td>
                <td>{r.oldestOpen ? f.date(r.oldestOpen) : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="filters">
        <SelectField
          label={t('work.viewOf')}
          value={lawyerId === undefined ? '' : String(lawyerId)}
          onChange={(e) => onLawyer(e.target.value ? Number(e.target.value) : undefined)}
          options={[{ value: '', label: t('work.everyone') }, ...rows.map((r) => ({ value: String(r.lawyerId), label: r.name }))]}
        />
      </div>
    </section>
  );
}
