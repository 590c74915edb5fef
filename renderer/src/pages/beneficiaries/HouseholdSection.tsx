import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { contract } from '../../../../shared/contract';
import type { BeneficiaryDetail, BeneficiarySummary } from '../../../../shared/contract/beneficiaries';
import { RELATIONS } from '../../../../shared/domain/beneficiary';
import { Banner } from '../../components/Banner';
import { Dialog } from '../../components/Dialog';
import { SelectField } from '../../components/Field';
import { PersonPicker } from '../../components/PersonPicker';
import { PersonNames } from '../../components/PersonSummary';
import { call } from '../../lib/api';
import { applyServerError, errorMessage } from '../../lib/errors';
import { personName } from '../../lib/format';
import { href } from '../../lib/route';
import { TableHead } from '../../components/TableHead';
import { FormRules } from '../../lib/form-rules';

const linkSchema = contract['beneficiaries:linkHousehold'].input;
type LinkInput = z.input<typeof linkSchema>;
type LinkOutput = z.output<typeof linkSchema>;

/** Household members and dependants: links to other registered people, with the relation. */
export function HouseholdSection({ detail, canEdit, onChanged }: { detail: BeneficiaryDetail; canEdit: boolean; onChanged: (d: BeneficiaryDetail, message: string) => void }) {
  const { t } = useTranslation();
  const [adding, setAdding] = useState(false);
  const [banner, setBanner] = useState<string | null>(null);

  const unlink = async (linkId: number) => {
    setBanner(null);
    try {
      onChanged(await call('beneficiaries:unlinkHousehold', { id: detail.id, linkId }), t('beneficiaries.unlinked'));
    } catch (error) {
      setBanner(errorMessage(t, error));
    }
  };

  return (
    <section className="panel wide" aria-labelledby="household-title">
      <div className="panel-top">
        <h2 id="household-title">{t('beneficiaries.household')}</h2>
        {canEdit && (
          <button type="button" onClick={() => setAdding(true)}>
            {t('beneficiaries.addMember')}
          </button>
        )}
      </div>
      <Banner kind="error">{banner}</Banner>
      {detail.household.length === 0 ? (
        <p className="empty">{t('beneficiaries.noHousehold')}</p>
      ) : (
        <table>
          <TableHead columns={[t('cases.person'), t('beneficiaries.relation'), ...(canEdit ? [t('admin.actions')] : [])]} />
          <tbody>
            {detail.household.map((m) => (
              <tr key={m.linkId}>
                <td>
                  <a href={href('beneficiaries', m.beneficiary.id)}>
                    <PersonNames person={m.beneficiary} />
                  </a>
                </td>
                <td>{t(`enums.relation.${m.relation}`)}</td>
                {canEdit && (
                  <td>
                    <button type="button" onClick={() => void unlink(m.linkId)} aria-label={t('beneficiaries.unlinkName', { name: personName(m.beneficiary) })}>
                      {t('beneficiaries.unlink')}
                    </button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {adding && (
        <LinkDialog
          detail={detail}
          onClose={() => setAdding(false)}
          onLinked={(d) => {
            setAdding(false);
            onChanged(d, t('beneficiaries.linked'));
          }}
        />
      )}
    </section>
  );
}

function LinkDialog({ detail, onClose, onLinked }: { detail: BeneficiaryDetail; onClose: () => void; onLinked: (d: BeneficiaryDetail) => void }) {
  const { t } = useTranslation();
  const [chosen, setChosen] = useState<BeneficiarySummary | null>(null);
  const [banner, setBanner] = useState<string | null>(null);
  const form = useForm<LinkInput, unknown, LinkOutput>({ resolver: zodResolver(linkSchema), defaultValues: { id: detail.id, relation: 'other' } });
  const submit = form.handleSubmit(async (values) => {
    setBanner(null);
    try {
      onLinked(await call('beneficiaries:linkHousehold', values));
    } catch (error) {
      setBanner(applyServerError(t, error, form.setError));
    }
  });
  const linkedIds = new Set(detail.household.map((m) => m.beneficiary.id));
  return (
    <Dialog open title={t('beneficiaries.addMember')} onClose={onClose} wide>
      <Banner kind="error">{banner}</Banner>
      {chosen ? (
        <form onSubmit={(e) => void submit(e)} noValidate>
          <FormRules schema={linkSchema}>
            <p className="chosen">
              {t('beneficiaries.chosen')}{' '}
              <strong>
                <PersonNames person={chosen} />
              </strong>
            </p>
            <SelectField
              label={t('beneficiaries.relation')}
              options={RELATIONS.map((r) => ({ value: r, label: t(`enums.relation.${r}`) }))}
              error={form.formState.errors.relation?.message}
              {...form.register('relation')}
            />
            <div className="row">
              <button type="submit" className="primary" disabled={form.formState.isSubmitting}>
                {t('beneficiaries.link')}
              </button>
              <button type="button" onClick={() => setChosen(null)}>
                {t('common.back')}
              </button>
              <button type="button" onClick={onClose}>
                {t('common.cancel')}
              </button>
            </div>
          </FormRules>
        </form>
      ) : (
        <>
          <PersonPicker
            exclude={detail.id}
            onPick={(p) => {
              if (linkedIds.has(p.id)) return;
              setChosen(p);
              form.setValue('relatedId', p.id);
            }}
          />
          <div className="row">
            <button type="button" onClick={onClose}>
              {t('common.cancel')}
            </button>
          </div>
        </>
      )}
    </Dialog>
  );
}
