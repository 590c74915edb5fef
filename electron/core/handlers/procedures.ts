import type { HandlerGroup } from '../handler-types';
import { holidaysBetween } from '../registry/holidays';
import { saveTemplate } from '../registry/templates';
import { acknowledgeStep, completeStep, listProcedures, listTemplates, overrideDue, startProcedure } from '../registry/procedures';

/** Procedures and their deadlines (issue #12); audit entries name the case. */
export const procedureHandlers: HandlerGroup<'procedures'> = {
  async 'procedures:templates'(input, { trx, target }) {
    target('procedureTemplate', null);
    return listTemplates(trx, input.withRetired === true);
  },

  async 'procedures:holidays'(input, { trx, target }) {
    target('holiday', null, { from: input.from, to: input.to });
    return holidaysBetween(trx, input.from, input.to);
  },

  async 'procedures:list'(input, { trx, session, state, target }) {
    target('case', input.caseId, { kind: 'procedures' });
    return listProcedures(trx, input.caseId, session, state.now());
  },

  async 'procedures:start'(input, { trx, session, state, target }) {
    target('case', input.caseId, { templateId: input.fields.templateId });
    const id = await startProcedure(trx, input.caseId, input.fields, session, state.now());
    target('case', input.caseId, { procedureId: id, templateId: input.fields.templateId });
    return (await listProcedures(trx, input.caseId, session, state.now(), id))[0]!;
  },

  async 'procedures:completeStep'(input, { trx, session, state, target }) {
    const { procedureId, caseId } = await completeStep(trx, input.stepId, input.fields, session, state.now());
    target('case', caseId, { procedureId, stepId: input.stepId });
    return (await listProcedures(trx, caseId, session, state.now(), procedureId))[0]!;
  },

  async 'procedures:overrideDue'(input, { trx, session, state, target }) {
    const { procedureId, caseId } = await overrideDue(trx, input.stepId, input.fields, session, state.now());
    // The reason stays in the deadline log beside the step, not in the audit log.
    target('case', caseId, { procedureId, stepId: input.stepId });
    return (await listProcedures(trx, caseId, session, state.now(), procedureId))[0]!;
  },

  async 'procedures:saveTemplate'(input, { trx, session, state, target }) {
    const template = await saveTemplate(trx, input.templateId, input.fields, session, state.now());
    target('procedureTemplate', template.id, { code: template.code, version: template.version, active: template.active });
    return template;
  },

  async 'procedures:acknowledge'(input, { trx, session, state, target }) {
    const { procedureId, caseId } = await acknowledgeStep(trx, input.stepId, session);
    target('case', caseId, { procedureId, stepId: input.stepId });
    return (await listProcedures(trx, caseId, session, state.now(), procedureId))[0]!;
  },
};
