import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelOutput } from '../../../../shared/contract';
import { Banner } from '../../components/Banner';
import { call } from '../../lib/api';
import { errorMessage } from '../../lib/errors';
import { isolate, personName, useFormats } from '../../lib/format';
import { PersonNames } from '../../components/PersonSummary';
import { href } from '../../lib/route';
import { TableHead } from '../../components/TableHead';

type Merge = ChannelOutput<'beneficiaries:merges'>[number];

/** Supervisor: the latest merges, each undoable for 30 days. */
export function MergesPanel({ onUnmerged }: { onUnmerged: () => void }) {
  const { t } = useTranslation();
  const f = useFormats();
  const [merges, setMerges] = useState<Merge[]>([]);
  const [note, setNote] = useState<{ kind: 'error' | 'success'; text: string } | null>(null);
  const [now, setNow] = useState(() => Date.now());

  const load = useCallback(async () => {
    try {
      setMerges(await call('beneficiaries:merges', {}));
      setNow(Date.now());
    } catch (error) {
      setNote({ kind: 'error', text: errorMessage(t, error) });
    }
  }, [t]);
  useEffect(() => void load(), [load]);

  const undo = async (m: Merge) => {
    setNote(null);
    try {
      await call('beneficiaries:unmerge', { mergeId: m.id });
      setNote({ kind: 'success', text: t('merge.unmerged') });
      onUnmerged();
      await load();
    } catch (error) {
      setNote({ kind: 'error', text: errorMessage(t, error) });
    }
  };

  return (
    <section className="panel wide" aria-labelledby="merges-title">
      <h2 id="merges-title">{t('merge.recent')}</h2>
      {note && <Banner kind={note.kind}>{note.text}</Banner>}
      {merges.length === 0 ? (
        <p className="empty">{t('merge.noRecent')}</p>
      ) : (
        <table>
          <TableHead columns={[t('merge.at'), t('merge.by'), t('merge.keptRecord'), t('merge.mergedRecord'), t('merge.state')]} />
          <tbody>
            {merges.map((m) => {
              const undoable = m.undoneAt === null && now < Date.parse(m.undoableUntil);
              return (
                <tr key={m.id}>
                  <td>{f.dateTime(m.at)}</td>
                  <td>{m.by}</td>
                  <td>
                    <a href={href('beneficiaries', m.keptId)}>
                      <PersonNames person={m.kept} />
                    </a>
                    {m.caseReferences.length > 0 && (
                      <div className="muted">{t('merge.movedCases', { references: isolate(m.caseReferences.join(', ')) })}</div>
                    )}
                  </td>
                  <td>
                    <a href={href('beneficiaries', m.mergedId)}>
                      <PersonNames person={m.merged} />
                    </a>
                  </td>
                  <td>
                    {m.undoneAt !== null ? (
                      t('merge.undone', { date: f.dateTime(m.undoneAt) })
                    ) : undoable ? (
                      <div className="cell-actions">
                        <span className="muted">{t('merge.undoUntil', { date: f.dateTime(m.undoableUntil) })}</span>
                        <button type="button" onClick={() => void undo(m)} aria-label={t('merge.undoMerge', { name: personName(m.merged) })}>
                          {t('merge.undo')}
                        </button>
                      </div>
                    ) : (
                      t('merge.final')
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
