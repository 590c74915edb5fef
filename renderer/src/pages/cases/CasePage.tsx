import { zodResolver } from '@hookform/resolvers/zod';
import { useCallback, useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../../shared/contract/cases';
import { STATUS_TRANSITIONS } from '../../../../shared/domain/case';
import type { Role } from '../../../../shared/domain/roles';
import { Banner } from '../../components/Banner';
import { DocumentActions } from '../../components/DocumentActions';
import { call } from '../../lib/api';
import { useDomains } from '../../lib/domains';
import { dropDrafts, useDraftState, useFormDraft } from '../../lib/drafts';
import { applyServerError, errorMessage } from '../../lib/errors';
import { takeFlash } from '../../lib/flash';
import { mayCall } from '../../lib/roles';
import { href } from '../../lib/route';
import { AssignDialog } from './AssignDialog';
import { caseFormSchema, CaseFields, type CaseFormInput, type CaseFormOutput } from './CaseFields';
import { ActivitiesPanel } from './ActivitiesPanel';
import { ProceduresPanel } from './ProceduresPanel';
import { HearingsPanel } from './HearingsPanel';
import { TasksPanel } from './TasksPanel';
import { ReferralsPanel } from '../referrals/ReferralsPanel';
import { CaseSummaryView } from './CaseSummaryView';
import { StatusDialog } from './StatusDialog';
import { FormActions } from '../../components/FormActions';

type Note = { kind: 'error' | 'success'; text: string } | null;

/** One case file: reference, person, facts, status and its history, and what the role may do. */
export function CasePage({ id, role }: { id: number; role: Role }) {
  const { t } = useTranslation();
  const { domains } = useDomains();
  const [detail, setDetail] = useState<CaseDetail | null>(null);
  const [note, setNote] = useState<Note>(() => {
    const flash = takeFlash();
    return flash ? { kind: 'success', text: flash } : null;
  });
  // Kept across a lock, with the edit form's values (lib/drafts.ts).
  const [dialog, setDialogState] = useDraftState<'status' | 'assign' | 'edit' | null>(`case:${id}:dialog`, null);
  const setDialog = (next: 'status' | 'assign' | 'edit' | null) => {
    if (next === null) dropDrafts(`case:${id}:`);
    setDialogState(next);
  };

  const load = useCallback(async () => {
    try {
      setDetail(await call('cases:get', { id }));
    } catch (error) {
      setNote({ kind: 'error', text: errorMessage(t, error) });
    }
  }, [id, t]);
  useEffect(() => {
    setDetail(null);
    void load();
  }, [load]);

  if (!detail) return note ? <Banner kind={note.kind}>{note.text}</Banner> : <p className="loading">{t('common.loading')}</p>;
  const done = (d: CaseDetail, text: string) => {
    setDetail(d);
    setDialog(null);
    setNote({ kind: 'success', text });
  };

  if (dialog === 'edit') {
    return <CaseEditForm detail={detail} domains={domains} onCancel={() => setDialog(null)} onSaved={(d) => done(d, t('cases.saved'))} />;
  }
  const canMove = mayCall(role, 'cases:setStatus') && STATUS_TRANSITIONS[detail.status].length > 0;
  // Intake staff may correct a case they opened while it is still at intake (the core's rule).
  const canEdit = mayCall(role, 'cases:update') && (role !== 'intake' || detail.status === 'intake');
  return (
    <>
      <CaseSummaryView detail={detail} domains={domains} note={note}>
        {canMove && (
          <button type="button" className="primary" onClick={() => setDialog('status')}>
            {t('cases.changeStatus')}
          </button>
        )}
        {canEdit && (
          <button type="button" onClick={() => setDialog('edit')}>
            {t('cases.edit')}
          </button>
        )}
        <DocumentActions label={t('documents.caseSummary')} generate={(language) => call('documents:caseSummary', { caseId: detail.id, language })} />
        <DocumentActions label={t('documents.deadlineLog')} generate={(language) => call('documents:deadlineLog', { caseId: detail.id, language })} />
        {mayCall(role, 'cases:assign') && (
          <button type="button" onClick={() => setDialog('assign')}>
            {detail.assignedLawyerId === null ? t('cases.assign') : t('cases.reassign')}
          </button>
        )}
        {mayCall(role, 'audit:list') && <a href={href('audit', null, { case: detail.id })}>{t('auditLog.recordLogCase')}</a>}
      </CaseSummaryView>
      <ProceduresPanel caseId={detail.id} />
      <HearingsPanel caseId={detail.id} />
      <TasksPanel caseId={detail.id} />
      <ReferralsPanel caseId={detail.id} city={detail.beneficiary.city} />
      <ActivitiesPanel caseId={detail.id} />
      {dialog === 'status' && <StatusDialog detail={detail} onClose={() => setDialog(null)} onDone={(d) => done(d, t('cases.statusChanged'))} />}
      {dialog === 'assign' && <AssignDialog detail={detail} onClose={() => setDialog(null)} onDone={(d) => done(d, t('cases.assigned'))} />}
    </>
  );
}

function CaseEditForm({ detail, domains, onCancel, onSaved }: { detail: CaseDetail; domains: Parameters<typeof CaseFields>[0]['domains']; onCancel: () => void; onSaved: (d: CaseDetail) => void }) {
  const { t } = useTranslation();
  const [banner, setBanner] = useState<string | null>(null);
  // The create schema extends the case's fields schema: same rules, and the two extra fields are fixed here.
  const form = useForm<CaseFormInput, unknown, CaseFormOutput>({
    resolver: zodResolver(caseFormSchema),
    defaultValues: { ...detail.fields, beneficiaryId: detail.beneficiary.id, assignedLawyerId: detail.assignedLawyerId },
  });
  useFormDraft(`case:${detail.id}:edit`, form);
  const submit = form.handleSubmit(
    async ({ beneficiaryId: _b, assignedLawyerId: _l, ...fields }) => {
      setBanner(null);
      try {
        onSaved(await call('cases:update', { id: detail.id, fields }));
      } catch (error) {
        setBanner(applyServerError(t, error, form.setError, '', 'fields.'));
      }
    },
    () => setBanner(t('common.formHasErrors')),
  );
  return (
    <section className="panel wide" aria-labelledby="edit-case-title">
      <h2 id="edit-case-title">
        {t('cases.edit')}{' '}
        <bdi dir="ltr" className="reference">
          {detail.reference}
        </bdi>
      </h2>
      <Banner kind="error">{banner}</Banner>
      <form onSubmit={(e) => void submit(e)} noValidate className="record-form">
        <CaseFields form={form} domains={domains} />
        <FormActions label={t('common.save')} busy={form.formState.isSubmitting} onCancel={onCancel} />
      </form>
    </section>
  );
}
