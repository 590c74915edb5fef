import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { Controller, useFieldArray, useForm, type UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { partnerFieldsSchema, type PartnerDetail, type PartnerFields, type PartnerFieldsInput } from '../../../../shared/contract/partners';
import { SPOKEN_LANGUAGES } from '../../../../shared/domain/beneficiary';
import { PARTNER_KINDS } from '../../../../shared/domain/partner';
import { Banner } from '../../components/Banner';
import { CheckboxGroup } from '../../components/CheckboxGroup';
import { FormDateField } from '../../components/DateField';
import { CheckboxField, SelectField, TextAreaField, TextField } from '../../components/Field';
import { FormActions } from '../../components/FormActions';
import { call } from '../../lib/api';
import { dropDrafts, useFormDraft } from '../../lib/drafts';
import { applyServerError } from '../../lib/errors';
import { FormRules } from '../../lib/form-rules';
import { useFormats } from '../../lib/format';
import { useServices } from '../../lib/services';

type Form = UseFormReturn<PartnerFieldsInput, unknown, PartnerFields>;

const EMPTY: PartnerFieldsInput = {
  name: '',
  kind: 'association',
  serviceIds: [],
  places: [],
  languages: [],
  address: '',
  phone: '',
  email: '',
  openingHours: '',
  agreement: false,
  agreementFrom: '',
  agreementTo: '',
  givesFeedback: false,
  answerDays: null,
  notes: '',
  contacts: [],
};

function fieldsOf(p: PartnerDetail): PartnerFieldsInput {
  return {
    name: p.name,
    kind: p.kind,
    serviceIds: p.serviceIds,
    places: p.places,
    languages: p.languages as PartnerFieldsInput['languages'],
    address: p.address,
    phone: p.phone,
    email: p.email,
    openingHours: p.openingHours,
    agreement: p.agreement,
    agreementFrom: p.agreementFrom,
    agreementTo: p.agreementTo,
    givesFeedback: p.givesFeedback,
    answerDays: p.answerDays,
    notes: p.notes,
    contacts: p.contacts,
  };
}

/** The first message in a field's errors: the list itself, or one of its items (`places.2`). */
function firstMessage(e: unknown): string | undefined {
  if (!e || typeof e !== 'object') return undefined;
  if ('message' in e && typeof e.message === 'string' && e.message) return e.message;
  if (Array.isArray(e)) {
    for (const item of e as unknown[]) {
      const m = firstMessage(item);
      if (m) return m;
    }
  }
  return undefined;
}

/** Places are typed on one line, separated by commas (Latin or Arabic) or semicolons. */
export const splitPlaces = (text: string): string[] =>
  text
    .split(/[,،;؛]/)
    .map((p) => p.trim())
    .filter(Boolean);

/**
 * Adds a partner (`partner` null) or changes one. A save refused because someone else saved
 * the partner meanwhile (CONFLICT) keeps what was typed; the banner says to reload.
 */
export function PartnerForm({ partner, onSaved, onCancel }: { partner: PartnerDetail | null; onSaved: (saved: PartnerDetail) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const f = useFormats();
  const { services } = useServices();
  const [banner, setBanner] = useState<string | null>(null);
  const form: Form = useForm<PartnerFieldsInput, unknown, PartnerFields>({
    resolver: zodResolver(partnerFieldsSchema),
    defaultValues: partner ? fieldsOf(partner) : EMPTY,
  });
  const draftKey = `partner:${partner?.id ?? 'new'}`;
  useFormDraft(draftKey, form);
  const err = form.formState.errors;
  const [placesText, setPlacesText] = useState(() => (partner?.places ?? []).join(', '));

  const submit = form.handleSubmit(
    async (fields) => {
      setBanner(null);
      try {
        const saved = await call('partners:save', { id: partner?.id ?? null, version: partner?.version ?? null, fields });
        dropDrafts(draftKey);
        onSaved(saved);
      } catch (error) {
        setBanner(applyServerError(t, error, form.setError, '', 'fields.'));
      }
    },
    () => setBanner(t('common.formHasErrors')),
  );
  const placesError = firstMessage(err.places);

  return (
    <form onSubmit={(e) => void submit(e)} noValidate className="partner-form">
      <Banner kind="error">{banner}</Banner>
      <FormRules schema={partnerFieldsSchema}>
        <div className="form-grid">
          <TextField label={t('partners.name')} dir="auto" autoComplete="off" error={err.name?.message} {...form.register('name')} />
          <SelectField label={t('partners.kind')} options={PARTNER_KINDS.map((k) => ({ value: k, label: t(`enums.partnerKind.${k}`) }))} error={err.kind?.message} {...form.register('kind')} />
        </div>
        <Controller
          control={form.control}
          name="serviceIds"
          render={({ field }) => (
            <CheckboxGroup
              ref={field.ref}
              name="serviceIds"
              legend={t('partners.services')}
              columns
              options={services.filter((s) => s.active || field.value.includes(s.id)).map((s) => ({ value: s.id, label: f.domain(s) }))}
              value={field.value}
              onChange={field.onChange}
              error={err.serviceIds?.message}
            />
          )}
        />
        <TextField
          label={t('partners.places')}
          hint={t('partners.placesHint')}
          dir="auto"
          autoComplete="off"
          value={placesText}
          error={placesError}
          name="places"
          onChange={(e) => {
            setPlacesText(e.target.value);
            form.setValue('places', splitPlaces(e.target.value), { shouldDirty: true });
          }}
        />
        <Controller
          control={form.control}
          name="languages"
          render={({ field }) => (
            <CheckboxGroup
              ref={field.ref}
              name="languages"
              legend={t('partners.languages')}
              columns
              options={SPOKEN_LANGUAGES.map((l) => ({ value: l, label: f.spokenLanguage(l) }))}
              value={field.value}
              onChange={field.onChange}
              error={err.languages?.message}
            />
          )}
        />
        <div className="form-grid">
          <TextField label={t('partners.phone')} dir="ltr" autoComplete="off" error={err.phone?.message} {...form.register('phone')} />
          <TextField label={t('partners.email')} dir="ltr" type="email" autoComplete="off" error={err.email?.message} {...form.register('email')} />
          <TextField label={t('partners.openingHours')} dir="auto" autoComplete="off" error={err.openingHours?.message} {...form.register('openingHours')} />
          <TextField
            label={t('partners.answerDays')}
            hint={t('partners.answerDaysHint')}
            inputMode="numeric"
            autoComplete="off"
            error={err.answerDays?.message}
            {...form.register('answerDays', { setValueAs: (v: unknown) => (v === '' || v === null || v === undefined ? null : Number(v)) })}
          />
        </div>
        <TextAreaField label={t('partners.address')} dir="auto" error={err.address?.message} {...form.register('address')} />
        <fieldset>
          <legend>{t('partners.agreementTitle')}</legend>
          <CheckboxField label={t('partners.agreement')} {...form.register('agreement')} />
          <div className="form-grid">
            <FormDateField control={form.control} name="agreementFrom" label={t('partners.agreementFrom')} />
            <FormDateField control={form.control} name="agreementTo" label={t('partners.agreementTo')} />
          </div>
          <CheckboxField label={t('partners.givesFeedback')} {...form.register('givesFeedback')} />
        </fieldset>
        <ContactFields form={form} />
        <TextAreaField label={t('partners.notes')} dir="auto" error={err.notes?.message} {...form.register('notes')} />
        <FormActions label={t('common.save')} busy={form.formState.isSubmitting} onCancel={onCancel} />
      </FormRules>
    </form>
  );
}

/** People to reach at the partner: as many as it has. */
function ContactFields({ form }: { form: Form }) {
  const { t } = useTranslation();
  const { fields, append, remove } = useFieldArray({ control: form.control, name: 'contacts' });
  const err = form.formState.errors.contacts;
  return (
    <fieldset>
      <legend>{t('partners.contacts')}</legend>
      {fields.length === 0 && <p className="empty">{t('partners.noContacts')}</p>}
      {fields.map((row, i) => (
        <fieldset key={row.id} className="document-row">
          <legend>{t('partners.contactN', { n: i + 1 })}</legend>
          <div className="form-grid">
            <TextField label={t('partners.contactName')} dir="auto" autoComplete="off" error={err?.[i]?.name?.message} {...form.register(`contacts.${i}.name`)} />
            <TextField label={t('partners.contactRole')} dir="auto" autoComplete="off" error={err?.[i]?.role?.message} {...form.register(`contacts.${i}.role`)} />
            <TextField label={t('partners.phone')} dir="ltr" autoComplete="off" error={err?.[i]?.phone?.message} {...form.register(`contacts.${i}.phone`)} />
            <TextField label={t('partners.email')} dir="ltr" type="email" autoComplete="off" error={err?.[i]?.email?.message} {...form.register(`contacts.${i}.email`)} />
          </div>
          <button type="button" onClick={() => remove(i)}>
            {t('partners.removeContact', { n: i + 1 })}
          </button>
        </fieldset>
      ))}
      <button type="button" onClick={() => append({ name: '', role: '', phone: '', email: '' })}>
        {t('partners.addContact')}
      </button>
    </fieldset>
  );
}
