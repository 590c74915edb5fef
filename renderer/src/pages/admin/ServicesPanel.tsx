import { zodResolver } from '@hookform/resolvers/zod';
import { useCallback, useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { saveServiceInputSchema, type Service } from '../../../../shared/contract/partners';
import { Banner } from '../../components/Banner';
import { CodedLabelFields } from '../../components/CodedLabelFields';
import { Dialog } from '../../components/Dialog';
import { CheckboxField, SelectField } from '../../components/Field';
import { FormActions } from '../../components/FormActions';
import { PanelSection } from '../../components/PanelSection';
import { TableHead } from '../../components/TableHead';
import { call } from '../../lib/api';
import { useDomains } from '../../lib/domains';
import { applyServerError, errorMessage } from '../../lib/errors';
import { FormRules } from '../../lib/form-rules';
import { useFormats } from '../../lib/format';

type Input = z.input<typeof saveServiceInputSchema>;
type Output = z.output<typeof saveServiceInputSchema>;

/** Supervisors and administrators: the services partners offer, each under a domain of law. */
export function ServicesPanel() {
  const { t } = useTranslation();
  const f = useFormats();
  const { domains } = useDomains();
  const [services, setServices] = useState<Service[]>([]);
  const [note, setNote] = useState<{ kind: 'error' | 'success'; text: string } | null>(null);
  const [editing, setEditing] = useState<Service | 'new' | null>(null);
  const load = useCallback(async () => {
    try {
      setServices(await call('services:list', {}));
    } catch (error) {
      setNote({ kind: 'error', text: errorMessage(t, error) });
    }
  }, [t]);
  useEffect(() => void load(), [load]);
  const domainName = (id: number | null) => {
    const d = id === null ? undefined : domains.find((x) => x.id === id);
    return d ? f.domain(d) : t('services.anyDomain');
  };

  return (
    <PanelSection title={t('services.title')} action={{ label: t('services.add'), onClick: () => setEditing('new') }} explain={t('services.explain')} wide>
      {note && <Banner kind={note.kind}>{note.text}</Banner>}
      <div className="table-scroll">
        <table>
          <TableHead columns={[t('domains.ar'), t('domains.fr'), t('domains.en'), t('services.domain'), t('admin.status'), t('admin.actions')]} />
          <tbody>
            {services.map((s) => (
              <tr key={s.id}>
                <td lang="ar" dir="rtl">
                  {s.ar}
                </td>
                <td dir="ltr" lang="fr">{s.fr}</td>
                <td dir="ltr" lang="en">{s.en}</td>
                <td>{domainName(s.domainId)}</td>
                <td>{s.active ? t('admin.active') : t('domains.inactive')}</td>
                <td>
                  <button type="button" onClick={() => setEditing(s)} aria-label={t('services.editName', { name: f.domain(s) })}>
                    {t('domains.edit')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {editing && (
        <ServiceDialog
          service={editing === 'new' ? null : editing}
          domains={domains.map((d) => ({ value: String(d.id), label: f.domain(d) }))}
          onClose={() => setEditing(null)}
          onSaved={(list) => {
            setServices(list);
            setEditing(null);
            setNote({ kind: 'success', text: t('services.saved') });
          }}
        />
      )}
    </PanelSection>
  );
}

function ServiceDialog({ service, domains, onClose, onSaved }: { service: Service | null; domains: { value: string; label: string }[]; onClose: () => void; onSaved: (list: Service[]) => void }) {
  const { t } = useTranslation();
  const [banner, setBanner] = useState<string | null>(null);
  const form = useForm<Input, unknown, Output>({
    resolver: zodResolver(saveServiceInputSchema),
    defaultValues: service
      ? { id: service.id, code: service.code, ar: service.ar, fr: service.fr, en: service.en, domainId: service.domainId, active: service.active }
      : { id: null, code: '', ar: '', fr: '', en: '', domainId: null, active: true },
  });
  const err = form.formState.errors;
  const submit = form.handleSubmit(async (values) => {
    setBanner(null);
    try {
      onSaved(await call('services:save', values));
    } catch (error) {
      setBanner(applyServerError(t, error, form.setError));
    }
  });
  return (
    <Dialog open title={service ? t('services.editName', { name: service.code }) : t('services.add')} onClose={onClose}>
      <Banner kind="error">{banner}</Banner>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <FormRules schema={saveServiceInputSchema}>
          <CodedLabelFields register={(name) => form.register(name)} errors={err} />
          <SelectField
            label={t('services.domain')}
            options={[{ value: '', label: t('services.anyDomain') }, ...domains]}
            error={err.domainId?.message}
            {...form.register('domainId', { setValueAs: (v: unknown) => (v === '' || v === null || v === undefined ? null : Number(v)) })}
          />
          <CheckboxField label={t('domains.active')} {...form.register('active')} />
          <FormActions label={t('common.save')} busy={form.formState.isSubmitting} onCancel={onClose} />
        </FormRules>
      </form>
    </Dialog>
  );
}
