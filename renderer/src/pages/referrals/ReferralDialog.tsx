import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { PartnerSummary } from '../../../../shared/contract/partners';
import { referralFieldsSchema, type ReferralFieldsInput } from '../../../../shared/contract/referrals';
import { URGENCIES } from '../../../../shared/domain/case';
import { WRITER_SHARING } from '../../../../shared/domain/referral';
import { Banner } from '../../components/Banner';
import { FormDateField } from '../../components/DateField';
import { FieldMessage } from '../../components/FieldMessage';
import { Dialog } from '../../components/Dialog';
import { CheckboxField, SelectField, TextAreaField, TextField } from '../../components/Field';
import { call } from '../../lib/api';
import { dropDrafts, useFormDraft } from '../../lib/drafts';
import { applyServerError } from '../../lib/errors';
import { FormRules } from '../../lib/form-rules';
import { isolate, useFormats } from '../../lib/format';
import { useLawyers } from '../../lib/lawyers';
import { useServices } from '../../lib/services';

type Output = z.output<typeof referralFieldsSchema>;
type Preparation = Awaited<ReturnType<typeof prepare>>;
const prepare = (caseId: number, serviceId: number, partnerId: number | null) => call('referrals:prepare', { caseId, serviceId, partnerId });

/**
 * Refers the case's person (issue #14): a service, then a partner offering it (or a colleague),
 * what is asked, and on what ground their data may leave the clinic. Earlier referrals of the
 * person or their household for that service are shown before anything is sent.
 */
export function ReferralDialog({ caseId, city, onClose, onDone }: { caseId: number; city: string; onClose: () => void; onDone: (sent: boolean) => void }) {
  const { t } = useTranslation();
  const f = useFormats();
  const { services } = useServices();
  const lawyers = useLawyers();
  const [banner, setBanner] = useState<string | null>(null);
  const [internal, setInternal] = useState(false);
  const [place, setPlace] = useState(city);
  const [partners, setPartners] = useState<PartnerSummary[]>([]);
  const [prep, setPrep] = useState<Preparation | null>(null);
  const form = useForm<ReferralFieldsInput, unknown, Output>({
    resolver: zodResolver(referralFieldsSchema),
    defaultValues: { partnerId: null, internalAccountId: null, reason: '', request: '', urgency: 'normal', followUpDate: '', sharing: 'consent', consentNow: false, overrideReason: '' },
  });
  const draftKey = `referral:new:${caseId}`;
  useFormDraft(draftKey, form);
  const err = form.formState.errors;
  const serviceId = form.watch('serviceId');
  const partnerId = form.watch('partnerId');
  const sharing = form.watch('sharing');

  // The partners offering the chosen service, in the person's city first (the writer may widen it).
  useEffect(() => {
    if (!serviceId || internal) return;
    let stale = false;
    call('partners:list', { serviceId, place }).then(
      (r) => !stale && setPartners(r.items),
      () => !stale && setPartners([]),
    );
    return () => {
      stale = true;
    };
  }, [serviceId, place, internal]);

  useEffect(() => {
    if (!serviceId) return;
    let stale = false;
    prepare(caseId, serviceId, internal ? null : partnerId).then(
      (p) => !stale && setPrep(p),
      () => !stale && setPrep(null),
    );
    return () => {
      stale = true;
    };
  }, [caseId, serviceId, partnerId, internal]);

  const submit = (send: boolean) =>
    form.handleSubmit(
      async (fields) => {
        setBanner(null);
        try {
          await call('referrals:create', { caseId, send, fields: internal ? { ...fields, partnerId: null } : { ...fields, internalAccountId: null } });
          dropDrafts(draftKey);
          onDone(send);
        } catch (error) {
          setBanner(applyServerError(t, error, form.setError, '', 'fields.'));
        }
      },
      () => setBanner(t('common.formHasErrors')),
    );

  const serviceOptions = [{ value: '', label: t('common.choose') }, ...services.filter((s) => s.active).map((s) => ({ value: String(s.id), label: f.domain(s) }))];
  const asId = { setValueAs: (v: unknown) => (v === '' || v === null || v === undefined ? null : Number(v)) };

  return (
    <Dialog open wide title={t('referrals.new')} onClose={onClose}>
      <Banner kind="error">{banner}</Banner>
      <form onSubmit={(e) => void submit(true)(e)} noValidate>
        <FormRules schema={referralFieldsSchema}>
          <SelectField label={t('referrals.service')} options={serviceOptions} error={err.serviceId?.message} {...form.register('serviceId', { setValueAs: (v: string) => (v === '' ? undefined : Number(v)) })} />
          {prep && prep.hints.length > 0 && (
            <div className="banner banner-warning" role="note">
              <p>{t('referrals.hintsTitle')}</p>
              <ul>
                {prep.hints.map((h) => (
                  <li key={h.referralId}>
                    {t(h.who === 'self' ? 'referrals.hintSelf' : 'referrals.hintHousehold', { target: isolate(h.target), date: f.date(h.referredOn), state: t(`enums.referralState.${h.state}`) })}
                  </li>
                ))}
              </ul>
            </div>
          )}
          <CheckboxField label={t('referrals.internal')} checked={internal} onChange={(e) => setInternal(e.target.checked)} />
          {internal ? (
            <SelectField
              label={t('referrals.colleague')}
              options={[{ value: '', label: t('common.choose') }, ...(lawyers ?? []).map((l) => ({ value: String(l.id), label: l.fullName }))]}
              error={err.internalAccountId?.message ?? err.partnerId?.message}
              {...form.register('internalAccountId', asId)}
            />
          ) : (
            <div className="form-grid">
              <TextField label={t('referrals.placeFilter')} dir="auto" value={place} onChange={(e) => setPlace(e.target.value)} autoComplete="off" />
              <SelectField
                label={t('referrals.partner')}
                options={[{ value: '', label: serviceId ? (partners.length ? t('common.choose') : t('referrals.noPartner')) : t('referrals.serviceFirst') }, ...partners.map((p) => ({ value: String(p.id), label: p.name }))]}
                error={err.partnerId?.message}
                {...form.register('partnerId', asId)}
              />
            </div>
          )}
          <TextAreaField label={t('referrals.reason')} error={err.reason?.message} {...form.register('reason')} />
          <TextAreaField label={t('referrals.request')} error={err.request?.message} {...form.register('request')} />
          <div className="form-grid">
            <SelectField label={t('referrals.urgency')} options={URGENCIES.map((u) => ({ value: u, label: t(`enums.urgency.${u}`) }))} error={err.urgency?.message} {...form.register('urgency')} />
            <FormDateField control={form.control} name="followUpDate" label={t('referrals.followUp')} hint={prep ? t('referrals.followUpDefault', { date: f.date(prep.defaultFollowUp) }) : undefined} />
          </div>
          {!internal && (
            <fieldset className="radio-group" aria-invalid={err.sharing ? true : undefined}>
              <legend>{t('referrals.sharing')}</legend>
              <Controller
                control={form.control}
                name="sharing"
                render={({ field }) => (
                  <>
                    {WRITER_SHARING.map((s) => (
                      <label className="checkbox" key={s}>
                        <input type="radio" name="referral-sharing" checked={field.value === s} onChange={() => field.onChange(s)} />
                        <span>{t(`enums.referralSharing.${s}`)}</span>
                      </label>
                    ))}
                  </>
                )}
              />
              {sharing === 'consent' &&
                (prep?.consent.covered ? (
                  <p className="hint">{t('referrals.consentOnRecord', { date: f.dateTime(prep.consent.recordedAt) })}</p>
                ) : (
                  <CheckboxField label={t('referrals.consentNow')} {...form.register('consentNow')} />
                ))}
              {sharing === 'override' && <TextAreaField label={t('referrals.overrideReason')} hint={t('referrals.overrideHint')} error={err.overrideReason?.message} {...form.register('overrideReason')} />}
              {sharing === 'anonymous' && <p className="hint">{t('referrals.anonymousHint')}</p>}
              {err.sharing?.message && <FieldMessage id="referral-sharing-error" error={err.sharing.message} />}
            </fieldset>
          )}
          <div className="row">
            <button type="submit" className="primary" disabled={form.formState.isSubmitting}>
              {t('referrals.send')}
            </button>
            <button type="button" disabled={form.formState.isSubmitting} onClick={() => void submit(false)()}>
              {t('referrals.saveDraft')}
            </button>
            <button type="button" onClick={onClose}>
              {t('common.cancel')}
            </button>
          </div>
        </FormRules>
      </form>
    </Dialog>
  );
}
