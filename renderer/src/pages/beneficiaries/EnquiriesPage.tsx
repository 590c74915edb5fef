import { zodResolver } from '@hookform/resolvers/zod';
import { useCallback, useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { enquiryInputSchema } from '../../../../shared/contract/registry';
import { INTAKE_CHANNELS } from '../../../../shared/domain/case';
import type { Role } from '../../../../shared/domain/roles';
import { Banner } from '../../components/Banner';
import { SelectField, TextAreaField } from '../../components/Field';
import { call } from '../../lib/api';
import { applyServerError, errorMessage } from '../../lib/errors';
import { useDomains } from '../../lib/domains';
import { useFormDraft } from '../../lib/drafts';
import { useFormats } from '../../lib/format';
import { mayCall } from '../../lib/roles';
import type { ChannelOutput } from '../../../../shared/contract';
import { TableHead } from '../../components/TableHead';
import { FormRules } from '../../lib/form-rules';
import { TypedText } from '../../components/TypedText';

type Input = z.input<typeof enquiryInputSchema>;
type Output = z.output<typeof enquiryInputSchema>;
type Enquiry = ChannelOutput<'enquiries:list'>[number];

/** Anonymous enquiries: a question answered without recording who asked. Counted, never named. */
export function EnquiriesPage({ role }: { role: Role }) {
  const { t } = useTranslation();
  const f = useFormats();
  const { domains, error: domainsError } = useDomains();
  const [enquiries, setEnquiries] = useState<Enquiry[]>([]);
  const [note, setNote] = useState<{ kind: 'error' | 'success'; text: string } | null>(null);
  const form = useForm<Input, unknown, Output>({
    resolver: zodResolver(enquiryInputSchema),
    defaultValues: { channel: 'walk_in', question: '', answer: '' },
  });
  useFormDraft('enquiry:new', form);
  const err = form.formState.errors;

  const load = useCallback(async () => {
    try {
      setEnquiries(await call('enquiries:list', { limit: 50 }));
    } catch (error) {
      setNote({ kind: 'error', text: errorMessage(t, error) });
    }
  }, [t]);
  useEffect(() => void load(), [load]);

  const submit = form.handleSubmit(
    async (values) => {
      setNote(null);
      try {
        await call('enquiries:create', values);
        // The next enquiry is often on the same channel and domain: keep them.
        form.reset({ channel: values.channel, domainId: values.domainId, question: '', answer: '' });
        setNote({ kind: 'success', text: t('enquiries.created') });
        await load();
      } catch (error) {
        setNote({ kind: 'error', text: applyServerError(t, error, form.setError) });
      }
    },
    () => setNote({ kind: 'error', text: t('common.formHasErrors') }),
  );
  const domainName = (id: number) => {
    const d = domains.find((x) => x.id === id);
    return d ? f.domain(d) : String(id);
  };

  return (
    <>
      {mayCall(role, 'enquiries:create') && (
        <section className="panel wide" aria-labelledby="enquiry-form-title">
          <h2 id="enquiry-form-title">{t('enquiries.new')}</h2>
          <p className="explain">{t('enquiries.explain')}</p>
          {note && <Banner kind={note.kind}>{note.text}</Banner>}
          {domainsError ? <Banner kind="error">{errorMessage(t, domainsError)}</Banner> : null}
          <form onSubmit={(e) => void submit(e)} noValidate>
            <FormRules schema={enquiryInputSchema}>
              <SelectField
                label={t('enquiries.channel')}
                options={INTAKE_CHANNELS.map((c) => ({ value: c, label: t(`enums.channel.${c}`) }))}
                error={err.channel?.message}
                {...form.register('channel')}
              />
              <SelectField
                label={t('enquiries.domain')}
                options={[{ value: '', label: t('common.choose') }, ...domains.filter((d) => d.active).map((d) => ({ value: String(d.id), label: f.domain(d) }))]}
                error={err.domainId?.message}
                {...form.register('domainId', { setValueAs: (v: string) => (v === '' ? undefined : Number(v)) })}
              />
              <TextAreaField label={t('enquiries.question')} error={err.question?.message} {...form.register('question')} />
              <TextAreaField label={t('enquiries.answer')} error={err.answer?.message} {...form.register('answer')} />
              <button type="submit" className="primary" disabled={form.formState.isSubmitting}>
                {t('enquiries.submit')}
              </button>
            </FormRules>
          </form>
        </section>
      )}
      <section className="panel wide" aria-labelledby="enquiries-title">
        <h2 id="enquiries-title">{t('enquiries.recent')}</h2>
        {!mayCall(role, 'enquiries:create') && note && <Banner kind={note.kind}>{note.text}</Banner>}
        {enquiries.length === 0 ? (
          <p className="empty">{t('enquiries.none')}</p>
        ) : (
          <div className="table-scroll">
            <table>
              <TableHead columns={[t('enquiries.at'), t('enquiries.channel'), t('enquiries.domain'), t('enquiries.question'), t('enquiries.answer'), t('enquiries.by')]} />
              <tbody>
                {enquiries.map((q) => (
                  <tr key={q.id}>
                    <td>{f.dateTime(q.at)}</td>
                    <td>{t(`enums.channel.${q.channel}`, { defaultValue: q.channel })}</td>
                    <td>{domainName(q.domainId)}</td>
                    <td className="text-cell">
                      <TypedText text={q.question} />
                    </td>
                    <td className="text-cell">
                      <TypedText text={q.answer} />
                    </td>
                    <td>{q.by}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}
