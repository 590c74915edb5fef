import type { HandlerGroup } from '../handler-types';
import { activityHistory, activityView, createActivity, listActivities, updateActivity } from '../registry/activities';

/**
 * Follow-up activities (issue #12). The audit entry names the case (its reference is what a
 * supervisor reads) and the activity's id in its details.
 */
export const activityHandlers: HandlerGroup<'activities'> = {
  async 'activities:list'(input, { trx, session, target }) {
    target('case', input.caseId, { kind: 'activities' });
    return listActivities(trx, input, session);
  },

  async 'activities:create'(input, { trx, session, state, target }) {
    target('case', input.caseId, { activity: 'new' });
    const activity = await createActivity(trx, input.caseId, input.fields, session, state.now());
    target('case', input.caseId, { activityId: activity.id, kind: activity.kind, restricted: activity.restricted });
    return activity;
  },

  async 'activities:update'(input, { trx, session, state, target }) {
    const before = await activityView(trx, input.id, session);
    target('case', before.caseId, { activityId: input.id });
    return updateActivity(trx, input.id, input.revision, input.fields, session, state.now());
  },

  async 'activities:history'(input, { trx, session, target }) {
    const activity = await activityView(trx, input.id, session);
    target('case', activity.caseId, { activityId: input.id, kind: 'history' });
    return activityHistory(trx, input.id, session);
  },
};
