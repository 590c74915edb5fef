import { z } from 'zod';
import { idSchema } from './common';
import { channel } from './define';
import { multiLineText, nonEmpty, optionalDateSchema, singleLineText } from './fields';

export const taskFieldsSchema = z.strictObject({
  title: nonEmpty(singleLineText(300)),
  dueDate: optionalDateSchema,
  /** Who does it; null: the person creating it. */
  assigneeId: idSchema.nullable(),
  notes: multiLineText(2000),
});
export type TaskFieldsInput = z.input<typeof taskFieldsSchema>;

export const taskSchema = z.object({
  id: z.number().int(),
  caseId: z.number().int().nullable(),
  reference: z.string().nullable(),
  title: z.string(),
  dueDate: z.string(),
  assigneeId: z.number().int(),
  assignee: z.string(),
  notes: z.string(),
  status: z.enum(['open', 'done']),
  doneAt: z.string().nullable(),
  createdBy: z.string(),
  /** Against today: a task due today is not overdue. */
  state: z.enum(['done', 'open', 'soon', 'today', 'overdue']),
});
export type Task = z.infer<typeof taskSchema>;

const everyone = ['intake', 'lawyer', 'supervisor', 'admin'] as const;

export const taskChannels = {
  /** A case's tasks, or (without caseId) the open tasks assigned to this account. */
  'tasks:list': channel({ input: z.strictObject({ caseId: idSchema.optional() }), output: z.array(taskSchema), access: everyone }),
  'tasks:create': channel({ input: z.strictObject({ caseId: idSchema.nullable(), fields: taskFieldsSchema }), output: taskSchema, access: everyone }),
  /** Done, or open again. */
  'tasks:setDone': channel({ input: z.strictObject({ id: idSchema, done: z.boolean() }), output: taskSchema, access: everyone }),
};
