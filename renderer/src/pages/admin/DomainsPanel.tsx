import { zodResolver } from '@hookform/resolvers/zod';
import { useCallback, useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { saveDomainInputSchema, type Domain } from '../../../../shared/contract/registry';
import { Banner } from '../../components/Banner';
import { CodedLabelFields } from '../../components/CodedLabelFields';
import { Dialog } from '../../components/Dialog';
import { CheckboxField } from '../../components/Field';
import { call } from '../../lib/api';
import { applyServerError, errorMessage } from '../../lib/errors';
import { useFormats } from '../../lib/format';
import { FormActions } from '../../components/FormActions';
import { TableHead } from '../../components/TableHead';
import { FormRules } from '../../lib/form-rules';
import { PanelSection } from '../../components/PanelSection';

type Input = z.input<typeof saveDomainInputSchema>;
type Output = z.output<typeof saveDomainInputSchema>;

/** Supervisors and administrators: the domains of law offered on cases and enquiries. */
export function DomainsPanel() {
  const { t } = useTranslation();
  const f = useFormats();
  const [domains, setDomains] = useState<Domain[]>([]);
  const [note, setNote] = useState<{ kind: 'error' | 'success'; text: string } | null>(null);
  const [editing, setEditing] = useState<Domain | 'new' | null>(null);
  const load = useCallback(async () => {
    try {
      setDomains(await call('domains:list', {}));
    } catch (error) {
      setNote({ kind: 'error', text: errorMessage(t, error) });
    }
  }, [t]);
  useEffect(() => void load(), [load]);

  return (
    <PanelSection title={t('domains.title')} action={{ label: t('domains.add'), onClick: () => setEditing('new') }} explain={t('domains.explain')} wide>
      {note && <Banner kind={note.kind}>{note.text}</Banner>}
      <div className="table-scroll">
        <table>
          <TableHead columns={[t('domains.code'), t('domains.ar'), t('domains.fr'), t('domains.en'), t('admin.status'), t('admin.actions')]} />
          <tbody>
            {domains.map((d) => (
              <tr key={d.id}>
                <td dir="ltr" className="cell-ltr">
                  {d.code}
                </td>
                <td lang="ar" dir="rtl">
                  {d.ar}
                </td>
                <td dir="ltr" lang="fr">{d.fr}</td>
                <td dir="ltr" lang="en">{d.en}</td>
                <td>{d.active ? t('admin.active') : t('domains.inactive')}</td>
                <td>
                  <button type="button" onClick={() => setEditing(d)} aria-label={t('domains.editName', { name: f.domain(d) })}>
                    {t('domains.edit')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {editing && (
        <DomainDialog
          domain={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={(list) => {
            setDomains(list);
            setEditing(null);
            setNote({ kind: 'success', text: t('domains.saved') });
          }}
        />
      )}
    </PanelSection>
  );
}

function DomainDialog({ domain, onClose, onSaved }: { domain: Domain | null; onClose: () => void; onSaved: (list: Domain[]) => void }) {
  const { t } = useTranslation();
  const [banner, setBanner] = useState<string | null>(null);
  const form = useForm<Input, unknown, Output>({
    resolver: zodResolver(saveDomainInputSchema),
    defaultValues: domain ? { id: domain.id, code: domain.code, ar: domain.ar, fr: domain.fr, en: domain.en, active: domain.active } : { id: null, code: '', ar: '', fr: '', en: '', active: true },
  });
  const err = form.formState.errors;
  const submit = form.handleSubmit(async (values) => {
    setBanner(null);
    try {
      onSaved(await call('domains:save', values));
    } catch (error) {
      setBanner(applyServerError(t, error, form.setError));
    }
  });
  return (
    <Dialog open title={domain ? t('domains.editName', { name: domain.code }) : t('domains.add')} onClose={onClose}>
      <Banner kind="error">{banner}</Banner>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <FormRules schema={saveDomainInputSchema}>
          <CodedLabelFields register={(name) => form.register(name)} errors={err} />
          <CheckboxField label={t('domains.active')} {...form.register('active')} />
          <FormActions label={t('common.save')} busy={form.formState.isSubmitting} onCancel={onClose} />
        </FormRules>
      </form>
    </Dialog>
  );
}
