import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { BeneficiaryDetail } from '../../../../shared/contract/beneficiaries';
import type { Role } from '../../../../shared/domain/roles';
import { Banner } from '../../components/Banner';
import { SelectField } from '../../components/Field';
import { PersonNames } from '../../components/PersonSummary';
import { call } from '../../lib/api';
import { useDomains } from '../../lib/domains';
import { dropDrafts, useFormDraft } from '../../lib/drafts';
import { applyServerError, errorMessage } from '../../lib/errors';
import { setFlash } from '../../lib/flash';
import { isolate, todayIso } from '../../lib/format';
import { useLawyers } from '../../lib/lawyers';
import { mayCall } from '../../lib/roles';
import { href, navigate } from '../../lib/route';
import { caseFormSchema, CaseFields, type CaseFormInput, type CaseFormOutput } from './CaseFields';

/** Opens a case for a registered person (#/cases/new?beneficiary=12). */
export function CaseCreatePage({ beneficiaryId, role }: { beneficiaryId: number | null; role: Role }) {
  const { t } = useTranslation();
  const { domains, error: domainsError } = useDomains();
  const canAssign = mayCall(role, 'cases:assign');
  const lawyers = useLawyers(canAssign);
  const [person, setPerson] = useState<BeneficiaryDetail | null>(null);
  const [banner, setBanner] = useState<string | null>(null);
  const form = useForm<CaseFormInput, unknown, CaseFormOutput>({
    resolver: zodResolver(caseFormSchema),
    defaultValues: {
      beneficiaryId: beneficiaryId ?? 0,
      intakeDate: todayIso(),
      channel: 'walk_in',
      domainIds: [],
      summary: '',
      urgency: 'normal',
      urgencyReasons: [],
      sensitive: false,
      assignedLawyerId: null,
    },
  });
  const draftKey = `case:new:${beneficiaryId ?? 0}`;
  useFormDraft(draftKey, form);

  useEffect(() => {
    if (beneficiaryId === null) return;
    call('beneficiaries:get', { id: beneficiaryId }).then(setPerson, (error: unknown) => setBanner(errorMessage(t, error)));
  }, [beneficiaryId, t]);

  const submit = form.handleSubmit(
    async (values) => {
      setBanner(null);
      try {
        const created = await call('cases:create', { ...values, assignedLawyerId: canAssign ? values.assignedLawyerId : null });
        dropDrafts(draftKey);
        if (role === 'intake' && created.fields.sensitive) {
          // Intake staff do not see sensitive cases, even their own: back to the person.
          setFlash(`${t('cases.created', { reference: isolate(created.reference) })} ${t('cases.createdSensitive')}`);
          navigate(href('beneficiaries', created.beneficiary.id));
        } else {
          setFlash(t('cases.created', { reference: isolate(created.reference) }));
          navigate(href('cases', created.id));
        }
      } catch (error) {
        setBanner(applyServerError(t, error, form.setError));
      }
    },
    () => setBanner(t('common.formHasErrors')),
  );

  if (beneficiaryId === null) return <Banner kind="error">{t('errors.NOT_FOUND')}</Banner>;
  return (
    <section className="panel wide" aria-labelledby="new-case-title">
      <h2 id="new-case-title">
        {person ? (
          <>
            {t('cases.forPerson')}{' '}
            <a href={href('beneficiaries', person.id)}>
              <PersonNames person={person.fields} />
            </a>
          </>
        ) : (
          t('common.loading')
        )}
      </h2>
      <Banner kind="error">{banner}</Banner>
      {domainsError ? <Banner kind="error">{errorMessage(t, domainsError)}</Banner> : null}
      <form onSubmit={(e) => void submit(e)} noValidate className="record-form">
        <CaseFields form={form} domains={domains} />
        {canAssign && lawyers !== null && (
          <SelectField
            label={t('cases.lawyer')}
            options={[{ value: '', label: t('cases.noLawyer') }, ...(lawyers ?? []).map((l) => ({ value: String(l.id), label: l.fullName }))]}
            error={form.formState.errors.assignedLawyerId?.message}
            {...form.register('assignedLawyerId', { setValueAs: (v: string | number | null) => (v === '' || v === null ? null : Number(v)) })}
          />
        )}
        <div className="row">
          <button type="submit" className="primary" disabled={form.formState.isSubmitting}>
            {t('cases.create')}
          </button>
          <a className="button" href={href('beneficiaries', beneficiaryId)} onClick={() => dropDrafts(draftKey)}>
            {t('common.cancel')}
          </a>
        </div>
      </form>
    </section>
  );
}
