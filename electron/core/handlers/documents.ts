import { AppError } from '../errors';
import { markRecoveryProven } from '../recovery-check';
import type { HandlerGroup } from '../handler-types';
import { listActivities } from '../registry/activities';
import { deadlineLog, listProcedures } from '../registry/procedures';
import { hearingsBetween, openDeadlines, scope } from '../registry/work';
import { addDays, atLocal, endOfDay, localDay } from '../../../shared/deadlines/zone';
import { listHearings } from '../registry/hearings';
import { chooseLanguage, docContext, toPdfDocument } from '../documents/generate';
import { beneficiaryDetail } from '../registry/beneficiaries';
import { caseDetail } from '../registry/cases';
import { caseVisible } from '../registry/visibility';
import { referralSlipData } from '../referrals/slip';

/** Every generation is audited with the document's SHA-256 (never its content). */
export const documentHandlers: HandlerGroup<'documents' | 'vault'> = {
  async 'documents:intakeRecord'(input, { trx, session, state, target }) {
    const person = await beneficiaryDetail(trx, input.beneficiaryId, session);
    const language = chooseLanguage(input.language, person.fields.languages, session);
    const first = await trx
      .selectFrom('cases')
      .select(['reference', 'summary'])
      .where('beneficiary_id', '=', input.beneficiaryId)
      .where(caseVisible(session, true))
      .orderBy('intake_date')
      .orderBy('id')
      .executeTakeFirst();
    const ctx = await docContext(trx, session, language, state.now());
    const doc = await toPdfDocument({ kind: 'intakeRecord', ctx, data: { person, firstRequest: first ?? null } }, `intake-${person.id}`, state.renderLimits);
    target('beneficiary', person.id, { document: 'intakeRecord', sha256: doc.sha256, language });
    return doc;
  },

  async 'documents:caseSummary'(input, { trx, session, state, target }) {
    const detail = await caseDetail(trx, input.caseId, session);
    const person = await beneficiaryDetail(trx, detail.beneficiary.id, session);
    const language = chooseLanguage(input.language, person.fields.languages, session);
    const domains = await trx.selectFrom('domains').select(['id', 'label_ar', 'label_fr', 'label_en']).where('id', 'in', detail.fields.domainIds.length ? detail.fields.domainIds : [-1]).execute();
    const labels = domains.map((d) => (language === 'ar' ? d.label_ar : language === 'fr' ? d.label_fr : d.label_en));
    const ctx = await docContext(trx, session, language, state.now());
    // What the reader may see, no more: restricted activities only for those allowed to read them.
    const activities = (await listActivities(trx, { caseId: detail.id, limit: 5000, cursor: undefined }, session)).items.reverse();
    const procedures = await listProcedures(trx, detail.id, session, state.now());
    const hearings = await listHearings(trx, detail.id, session);
    const doc = await toPdfDocument({ kind: 'caseSummary', ctx, data: { case: detail, domains: labels, activities, procedures, hearings } }, detail.reference, state.renderLimits);
    target('case', detail.id, { document: 'caseSummary', sha256: doc.sha256, language });
    return doc;
  },

  async 'documents:deadlineSheet'(input, { trx, session, state, target }) {
    const { lawyer } = scope(session, input.lawyerId);
    const today = localDay(state.nowIso());
    const to = addDays(today, 14);
    const horizon = endOfDay(to).toDate().toISOString();
    const deadlines = await openDeadlines(trx, session, lawyer, { to: horizon }, today);
    const hearings = await hearingsBetween(trx, session, lawyer, atLocal(today, 0, 0).toDate().toISOString(), horizon, ['scheduled']);
    const name = lawyer === undefined ? null : ((await trx.selectFrom('accounts').select('full_name').where('id', '=', lawyer).executeTakeFirst())?.full_name ?? null);
    const language = input.language || session.language;
    const ctx = await docContext(trx, session, language, state.now());
    const doc = await toPdfDocument({ kind: 'deadlineSheet', ctx, data: { lawyer: name, from: today, to, deadlines, hearings } }, `deadlines-${today}`, state.renderLimits);
    target('account', lawyer ?? null, { document: 'deadlineSheet', sha256: doc.sha256, language, deadlines: deadlines.length, hearings: hearings.length });
    return doc;
  },

  async 'documents:deadlineLog'(input, { trx, session, state, target }) {
    const detail = await caseDetail(trx, input.caseId, session);
    const entries = await deadlineLog(trx, detail.id, session);
    const language = input.language || session.language;
    const ctx = await docContext(trx, session, language, state.now());
    const person = [detail.beneficiary.latinName, detail.beneficiary.arabicName].filter(Boolean).join(' — ');
    const doc = await toPdfDocument({ kind: 'deadlineLog', ctx, data: { reference: detail.reference, person, entries } }, `deadline-log-${detail.reference}`, state.renderLimits);
    target('case', detail.id, { document: 'deadlineLog', sha256: doc.sha256, language });
    return doc;
  },

  async 'documents:referralSlip'(input, { trx, session, state, target }) {
    const { data, language, caseId } = await referralSlipData(trx, input, session, state.now());
    const ctx = await docContext(trx, session, language, state.now());
    const doc = await toPdfDocument({ kind: 'referralSlip', ctx, data }, `referral-${data.reference}`, state.renderLimits);
    target('case', caseId, { document: 'referralSlip', referralId: input.referralId, sha256: doc.sha256, language, sections: input.sections });
    return doc;
  },

  async 'documents:attestation'(input, { trx, session, state, target }) {
    const person = await beneficiaryDetail(trx, input.beneficiaryId, session);
    let reference: string | null = null;
    if (input.caseId !== null) {
      const detail = await caseDetail(trx, input.caseId, session);
      if (detail.beneficiary.id !== person.id) throw new AppError('CONFLICT', 'case of another person');
      reference = detail.reference;
    }
    const language = chooseLanguage(input.language, person.fields.languages, session);
    const ctx = await docContext(trx, session, language, state.now());
    const name = (language === 'ar' ? person.fields.arabicName || person.fields.latinName : person.fields.latinName || person.fields.arabicName) ?? '';
    const data = { name, nationality: person.fields.nationality, date: input.date, purpose: input.purpose, signatory: input.signatory, reference };
    const doc = await toPdfDocument({ kind: 'attestation', ctx, data }, `attestation-${person.id}-${input.date}`, state.renderLimits);
    target('beneficiary', person.id, { document: 'attestation', sha256: doc.sha256, language });
    return doc;
  },

  async 'documents:recoverySheet'(input, { trx, session, state, target }) {
    // Only the current key: printing a mistyped or revoked key would give false safety.
    const key = state.vault.unwrapWithRecoveryKey(input.recoveryKey);
    if (!key) throw new AppError('INVALID_RECOVERY_KEY');
    key.fill(0);
    const language = input.language || session.language;
    const ctx = await docContext(trx, session, language, state.now());
    const doc = await toPdfDocument({ kind: 'recoverySheet', ctx, data: { recoveryKey: input.recoveryKey.trim().toUpperCase() } }, 'recovery-key', state.renderLimits);
    target('vault', 'recovery', { document: 'recoverySheet', sha256: doc.sha256, language });
    return doc;
  },

  async 'vault:rotateRecoveryKey'(_input, { state, trx, target }) {
    target('vault', 'recovery', { rotated: true });
    const recoveryKey = state.vault.rotateRecoveryKey();
    // Shown now, with its sheet to print: a new key counts as a proven one.
    await markRecoveryProven(trx, state.now());
    return { recoveryKey };
  },
};
