import type { HandlerGroup } from '../handler-types';
import { createReferral, moveReferral, prepareReferral, referralsOfCase, waitingReferrals } from '../referrals/referrals';

/**
 * Referrals (issue #14), traced against their case. The audit entry of a referral made on a
 * written override carries the override's reason: a supervisor reviewing sharings without
 * consent finds them there.
 */
export const referralHandlers: HandlerGroup<'referrals'> = {
  async 'referrals:forCase'(input, { trx, session, state, target }) {
    target('case', input.caseId, { kind: 'referrals' });
    return referralsOfCase(trx, input.caseId, session, state.now());
  },

  async 'referrals:prepare'(input, { trx, session, state, target }) {
    target('case', input.caseId, { kind: 'referral-preparation', serviceId: input.serviceId, partnerId: input.partnerId });
    return prepareReferral(trx, input.caseId, input.serviceId, input.partnerId, session, state.now());
  },

  async 'referrals:create'(input, { trx, session, state, target }) {
    const referral = await createReferral(trx, input.caseId, input.send, input.fields, session, state.now());
    target('case', input.caseId, {
      referralId: referral.id,
      partnerId: referral.partner?.id ?? null,
      internalTo: referral.internalTo?.id ?? null,
      serviceId: referral.serviceId,
      status: referral.status,
      sharing: referral.sharing,
      ...(referral.sharing === 'override' ? { overrideReason: referral.overrideReason } : {}),
    });
    return referral;
  },

  async 'referrals:setStatus'(input, { trx, session, state, target }) {
    const { referral, from } = await moveReferral(trx, input, session, state.now());
    target('case', referral.caseId, { referralId: referral.id, from, to: referral.status });
    return referral;
  },

  async 'referrals:waiting'(_input, { trx, session, state, target }) {
    target('referral', null, { kind: 'waiting' });
    return waitingReferrals(trx, session, state.now());
  },
};
