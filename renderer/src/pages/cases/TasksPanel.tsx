import { zodResolver } from '@hookform/resolvers/zod';
import { useCallback, useId, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { taskFieldsSchema, type Task, type TaskFieldsInput } from '../../../../shared/contract/tasks';
import { Banner } from '../../components/Banner';
import { FormDateField } from '../../components/DateField';
import { Dialog } from '../../components/Dialog';
import { SelectField, TextAreaField, TextField } from '../../components/Field';
import { FormActions } from '../../components/FormActions';
import { call } from '../../lib/api';
import { applyServerError, errorMessage } from '../../lib/errors';
import { useLoaded } from '../../lib/hooks';
import { FormRules } from '../../lib/form-rules';
import { isolate, useFormats } from '../../lib/format';
import { useLawyers } from '../../lib/lawyers';
import { href } from '../../lib/route';

/** A case's tasks (issue #12): what is to be done, by whom, by when. */
export function TasksPanel({ caseId }: { caseId: number }) {
  const { t } = useTranslation();
  const titleId = useId();
  const describe = useCallback((e: unknown) => errorMessage(t, e), [t]);
  const { value: tasks, error: loadError, reload } = useLoaded(
    useCallback(() => call('tasks:list', { caseId }), [caseId]),
    describe,
  );
  const [toggleError, setToggleError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const toggle = (task: Task) =>
    call('tasks:setDone', { id: task.id, done: task.status !== 'done' }).then(
      () => {
        setToggleError(null);
        reload();
      },
      (e: unknown) => setToggleError(describe(e)),
    );
  return (
    <section className="panel wide" aria-labelledby={titleId}>
      <div className="panel-head">
        <h2 id={titleId}>{t('tasks.title')}</h2>
        <button type="button" onClick={() => setAdding(true)}>
          {t('tasks.add')}
        </button>
      </div>
      <Banner kind="success">{notice}</Banner>
      <Banner kind="error">{toggleError ?? loadError}</Banner>
      {tasks === null ? <p className="loading">{t('common.loading')}</p> : tasks.length === 0 ? <p className="muted">{t('tasks.empty')}</p> : <TaskList tasks={tasks} onToggle={(task) => void toggle(task)} />}
      {adding && (
        <TaskDialog
          caseId={caseId}
          onClose={() => setAdding(false)}
          onDone={() => {
            setAdding(false);
            setNotice(t('tasks.added'));
            reload();
          }}
        />
      )}
    </section>
  );
}

/** Tasks as a list; `withCase` links each to its case (the home page). */
export function TaskList({ tasks, onToggle, withCase = false }: { tasks: Task[]; onToggle: (t: Task) => void; withCase?: boolean }) {
  const { t } = useTranslation();
  const f = useFormats();
  return (
    <ul className="result-list">
      {tasks.map((task) => (
        <li key={task.id} className="task">
          <span className="row-title">
            <bdi>{task.title}</bdi>
          </span>
          <span className="facts">
            {task.dueDate ? f.clinicDay(task.dueDate) : t('tasks.noDate')} · {t('tasks.forLine', { name: isolate(task.assignee) })}{' '}
            <span className={`badge badge-step-${task.state}`}>{t(`enums.stepState.${task.state}`)}</span>
            {withCase && task.caseId !== null && task.reference && (
              <>
                {' · '}
                <a href={href('cases', task.caseId)}>
                  <bdi dir="ltr" className="reference">
                    {task.reference}
                  </bdi>
                </a>
              </>
            )}
          </span>
          <button type="button" onClick={() => onToggle(task)}>
            {task.status === 'done' ? t('tasks.reopen') : t('tasks.markDone')}
            <span className="visually-hidden"> — {task.title}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}

function TaskDialog({ caseId, onClose, onDone }: { caseId: number; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const lawyers = useLawyers();
  const [banner, setBanner] = useState<string | null>(null);
  const form = useForm<TaskFieldsInput, unknown, z.output<typeof taskFieldsSchema>>({
    resolver: zodResolver(taskFieldsSchema),
    defaultValues: { title: '', dueDate: '', assigneeId: null, notes: '' },
  });
  const err = form.formState.errors;
  const submit = form.handleSubmit(
    async (fields) => {
      setBanner(null);
      try {
        await call('tasks:create', { caseId, fields });
        onDone();
      } catch (error) {
        setBanner(applyServerError(t, error, form.setError, '', 'fields.'));
      }
    },
    () => setBanner(t('common.formHasErrors')),
  );
  return (
    <Dialog open title={t('tasks.addTitle')} onClose={onClose}>
      <Banner kind="error">{banner}</Banner>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <FormRules schema={taskFieldsSchema}>
          <TextField label={t('tasks.what')} dir="auto" error={err.title?.message} {...form.register('title')} />
          <div className="form-grid">
            <FormDateField control={form.control} name="dueDate" label={t('tasks.dueDate')} />
            <SelectField
              label={t('tasks.assignee')}
              options={[{ value: '', label: t('tasks.me') }, ...(lawyers ?? []).map((l) => ({ value: String(l.id), label: l.fullName }))]}
              error={err.assigneeId?.message}
              {...form.register('assigneeId', { setValueAs: (v: string | number | null) => (v === '' || v === null ? null : Number(v)) })}
            />
          </div>
          <TextAreaField label={t('tasks.notes')} rows={2} dir="auto" error={err.notes?.message} {...form.register('notes')} />
          <FormActions label={t('tasks.add')} busy={form.formState.isSubmitting} onCancel={onClose} />
        </FormRules>
      </form>
    </Dialog>
  );
}
