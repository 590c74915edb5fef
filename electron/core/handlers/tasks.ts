import type { HandlerGroup } from '../handler-types';
import { createTask, listTasks, setTaskDone } from '../registry/tasks';

/** Tasks (issue #12); a task on a case is traced against the case. */
export const taskHandlers: HandlerGroup<'tasks'> = {
  async 'tasks:list'(input, { trx, session, state, target }) {
    target(input.caseId === undefined ? 'account' : 'case', input.caseId ?? session.accountId, { kind: 'tasks' });
    return listTasks(trx, input.caseId, session, state.now());
  },

  async 'tasks:create'(input, { trx, session, state, target }) {
    const task = await createTask(trx, input.caseId, input.fields, session, state.now());
    target(task.caseId === null ? 'account' : 'case', task.caseId ?? task.assigneeId, { taskId: task.id, assigneeId: task.assigneeId });
    return task;
  },

  async 'tasks:setDone'(input, { trx, session, state, target }) {
    const task = await setTaskDone(trx, input.id, input.done, session, state.now());
    target(task.caseId === null ? 'account' : 'case', task.caseId ?? task.assigneeId, { taskId: task.id, done: input.done });
    return task;
  },
};
