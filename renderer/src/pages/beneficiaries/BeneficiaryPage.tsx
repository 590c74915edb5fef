import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BeneficiaryDetail } from '../../../../shared/contract/beneficiaries';
import type { Role } from '../../../../shared/domain/roles';
import { Banner } from '../../components/Banner';
import { PersonNames } from '../../components/PersonSummary';
import { call } from '../../lib/api';
import { dropDrafts, useDraftState } from '../../lib/drafts';
import { errorMessage } from '../../lib/errors';
import { setFlash, takeFlash } from '../../lib/flash';
import { isolate, useFormats } from '../../lib/format';
import { mayCall } from '../../lib/roles';
import { href, navigate } from '../../lib/route';
import { DocumentActions } from '../../components/DocumentActions';
import { AttestationDialog } from './AttestationDialog';
import { BeneficiaryDetails } from './BeneficiaryDetails';
import { BeneficiaryForm } from './BeneficiaryForm';
import { HouseholdSection } from './HouseholdSection';
import { MergeDialog } from './MergeDialog';

type Note = { kind: 'error' | 'success'; text: string } | null;

/** One person: the record, their cases, household, and (for supervisors) merging a duplicate. */
export function BeneficiaryPage({ id, role, signatory }: { id: number; role: Role; signatory: string }) {
  const { t } = useTranslation();
  const f = useFormats();
  const [detail, setDetail] = useState<BeneficiaryDetail | null>(null);
  const [note, setNote] = useState<Note>(() => {
    const flash = takeFlash();
    return flash ? { kind: 'success', text: flash } : null;
  });
  const [editing, setEditing] = useDraftState(`person:${id}:editing`, false);
  const [merging, setMerging] = useState(false);
  const [attesting, setAttesting] = useState(false);

  const load = useCallback(async () => {
    try {
      setDetail(await call('beneficiaries:get', { id }));
    } catch (error) {
      setNote({ kind: 'error', text: errorMessage(t, error) });
    }
  }, [id, t]);
  useEffect(() => {
    setDetail(null);
    void load();
  }, [load]);

  if (!detail) return note ? <Banner kind={note.kind}>{note.text}</Banner> : <p className="loading">{t('common.loading')}</p>;
  const canEdit = mayCall(role, 'beneficiaries:update') && detail.mergedInto === null;

  if (editing) {
    return (
      <section className="panel wide" aria-labelledby="edit-person-title">
        <h2 id="edit-person-title">{t('beneficiaries.editTitle')}</h2>
        <BeneficiaryForm
          initial={detail.fields}
          draftKey={`person:${id}:form`}
          submitLabel={t('common.save')}
          serverPathPrefix="fields."
          onCancel={() => {
            dropDrafts(`person:${id}:`);
            setEditing(false);
          }}
          onSubmit={async (fields) => {
            setDetail(await call('beneficiaries:update', { id: detail.id, fields }));
            dropDrafts(`person:${id}:`);
            setEditing(false);
            setNote({ kind: 'success', text: t('beneficiaries.saved') });
          }}
        />
      </section>
    );
  }

  return (
    <>
      <section className="panel wide record-head" aria-labelledby="person-title">
        <h2 id="person-title" className="record-title">
          <PersonNames person={detail.fields} />
        </h2>
        <p className="muted">
          {t('beneficiaries.recordNo', { id: detail.id })} · {t('beneficiaries.createdBy', { date: f.dateTime(detail.createdAt), name: isolate(detail.createdBy) })}
        </p>
        {note && <Banner kind={note.kind}>{note.text}</Banner>}
        {detail.mergedInto !== null && (
          <div className="banner banner-info">
            <p>{t('beneficiaries.mergedInto')}</p>
            <a href={href('beneficiaries', detail.mergedInto)}>{t('beneficiaries.openMerged')}</a>
          </div>
        )}
        <div className="row">
          {canEdit && (
            <button type="button" onClick={() => setEditing(true)}>
              {t('beneficiaries.edit')}
            </button>
          )}
          {mayCall(role, 'cases:create') && detail.mergedInto === null && (
            <a className="button primary" href={href('cases', 'new', { beneficiary: detail.id })}>
              {t('beneficiaries.openCase')}
            </a>
          )}
          <DocumentActions label={t('documents.intakeRecord')} generate={(language) => call('documents:intakeRecord', { beneficiaryId: detail.id, language })} />
          <button type="button" onClick={() => setAttesting(true)}>
            {t('documents.attestation')}
          </button>
          {mayCall(role, 'beneficiaries:merge') && detail.mergedInto === null && (
            <button type="button" onClick={() => setMerging(true)}>
              {t('beneficiaries.merge')}
            </button>
          )}
          {mayCall(role, 'audit:list') && <a href={href('audit', null, { beneficiary: detail.id })}>{t('auditLog.recordLogPerson')}</a>}
        </div>
        <BeneficiaryDetails detail={detail} />
      </section>
      <section className="panel wide" aria-labelledby="person-cases-title">
        <h2 id="person-cases-title">{t('beneficiaries.cases')}</h2>
        {detail.cases.length === 0 ? (
          <p className="empty">{t('beneficiaries.noCases')}</p>
        ) : (
          <ul className="plain-list">
            {detail.cases.map((c) => (
              <li key={c.id}>
                <a href={href('cases', c.id)}>
                  <bdi dir="ltr" className="reference">
                    {c.reference}
                  </bdi>
                </a>{' '}
                · {f.date(c.intakeDate)} · {t(`enums.caseStatus.${c.status}`, { defaultValue: c.status })}
              </li>
            ))}
          </ul>
        )}
      </section>
      <HouseholdSection
        detail={detail}
        canEdit={mayCall(role, 'beneficiaries:linkHousehold') && detail.mergedInto === null}
        onChanged={(d, text) => {
          setDetail(d);
          setNote({ kind: 'success', text });
        }}
      />
      {attesting && <AttestationDialog detail={detail} signatory={signatory} onClose={() => setAttesting(false)} />}
      {merging && (
        <MergeDialog
          current={detail}
          onClose={() => setMerging(false)}
          onMerged={(kept) => {
            setMerging(false);
            if (kept.id === detail.id) {
              setDetail(kept);
              setNote({ kind: 'success', text: t('merge.done') });
            } else {
              setFlash(t('merge.done'));
              navigate(href('beneficiaries', kept.id));
            }
          }}
        />
      )}
    </>
  );
}
