import { useFieldArray } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { DOCUMENT_TYPES } from '../../../../shared/domain/beneficiary';
import { SelectField, TextField } from '../../components/Field';
import type { BeneficiaryForm } from './form-types';
import { FormDateField } from '../../components/DateField';

/** Identity documents: as many rows as the person has (passport, UNHCR certificate…). */
export function DocumentFields({ form }: { form: BeneficiaryForm }) {
  const { t } = useTranslation();
  const { fields, append, remove } = useFieldArray({ control: form.control, name: 'documents' });
  const err = form.formState.errors.documents;
  return (
    <fieldset>
      <legend>{t('person.documents')}</legend>
      {fields.length === 0 && <p className="empty">{t('person.noDocuments')}</p>}
      {fields.map((row, i) => (
        <fieldset key={row.id} className="document-row">
          <legend>{t('person.documentN', { n: i + 1 })}</legend>
          <div className="form-grid">
            <SelectField
              label={t('person.documentType')}
              options={DOCUMENT_TYPES.map((d) => ({ value: d, label: t(`enums.documentType.${d}`) }))}
              error={err?.[i]?.type?.message}
              {...form.register(`documents.${i}.type`)}
            />
            <TextField label={t('person.documentNumber')} dir="ltr" autoComplete="off" error={err?.[i]?.number?.message} {...form.register(`documents.${i}.number`)} />
            <FormDateField control={form.control} name={`documents.${i}.expiry`} label={t('person.documentExpiry')} />
          </div>
          <button type="button" onClick={() => remove(i)}>
            {t('person.removeDocument', { n: i + 1 })}
          </button>
        </fieldset>
      ))}
      <button type="button" onClick={() => append({ type: 'passport', number: '', expiry: '' })}>
        {t('person.addDocument')}
      </button>
    </fieldset>
  );
}
