import { afterEach, describe, expect, it } from 'vitest';
import type { Result } from '../../../shared/contract';
import type { ReferralFieldsInput } from '../../../shared/contract/referrals';
import { caseFor, person, staff } from '../../helpers/registry-fixtures';
import { ADMIN, fakeClock, setUpCore, type TempCore } from '../../helpers/temp-core';
import { auditDetails } from '../../helpers/audit-details';

/** Issue #14: referrals in the core, on a real encrypted store: the consent gate, the life, the hints. */
let s: TempCore | undefined;
afterEach(async () => {
  await s?.cleanup();
  s = undefined;
});

const refused = <T>(r: Result<T>) => (r.ok ? null : r.error);

async function clinic() {
  const clock = fakeClock(new Date('2026-04-07T09:00:00Z'));
  const core = await setUpCore({ now: clock.now });
  s = core;
  const lawyer = await staff(core, 'youssef', 'youssef', 'lawyer', 'Youssef Lamrani');
  await staff(core, 'karim', 'karim', 'lawyer', 'Karim Lawyer');
  await staff(core, 'nadia', 'nadia', 'supervisor', 'Nadia Supervisor');
  const services = await core.ok('nadia', 'services:list', {});
  const medical = services.find((x) => x.code === 'medical_care')!.id;
  const partner = await core.ok('nadia', 'partners:save', {
    id: null,
    version: null,
    fields: {
      name: 'Maison de la santé', kind: 'health', serviceIds: [medical], places: ['Oujda'], languages: ['fr'], address: '', phone: '', email: '', openingHours: '',
      agreement: false, agreementFrom: '', agreementTo: '', givesFeedback: true, answerDays: 5, notes: '', contacts: [],
    },
  });
  // The person did not consent to referral sharing at intake.
  const awa = await core.ok('admin', 'beneficiaries:create', person({ latinName: 'Awa Diallo', consentReferralSharing: false }));
  const kase = await core.ok('admin', 'cases:create', caseFor(awa.id, { intakeDate: '2026-04-06', assignedLawyerId: lawyer }));
  /** Moves the clock on; sessions idle that long are locked, so each unlocks again. */
  const later = async (days: number) => {
    clock.advance(days * 24 * 3600_000);
    for (const [who, password] of [['youssef', 'Secret-Personnel-2026!'], ['karim', 'Secret-Personnel-2026!'], ['nadia', 'Secret-Personnel-2026!'], ['admin', ADMIN.password]] as const) {
      await core.ok(who, 'auth:lock', {});
      await core.ok(who, 'auth:unlock', { password });
    }
  };
  const fields = (over: Partial<ReferralFieldsInput> = {}): ReferralFieldsInput => ({
    serviceId: medical, partnerId: partner.id, internalAccountId: null, reason: 'Blessure à la main', request: 'Consultation', urgency: 'urgent',
    followUpDate: '', sharing: 'consent', consentNow: false, overrideReason: '', ...over,
  });
  return { s: core, later, medical, partner, awa, caseId: kase.id, fields };
}

describe('referrals', () => {
  it('refuses a referral that shares data without consent; accepts consent given now, an override (audited) and an anonymous one', async () => {
    const { s, caseId, fields, partner, medical, awa } = await clinic();
    const before = await s.ok('youssef', 'referrals:prepare', { caseId, serviceId: medical, partnerId: partner.id });
    expect(before).toMatchObject({ consent: { covered: false }, defaultFollowUp: '2026-04-12', hints: [] }); // 5 days: the partner's answer time

    const denied = await s.call('youssef', 'referrals:create', { caseId, send: true, fields: fields() });
    expect(refused(denied)).toMatchObject({ code: 'VALIDATION', fields: [{ path: 'fields.sharing', message: 'validation.referralConsentMissing' }] });
    expect(await s.ok('youssef', 'referrals:forCase', { caseId })).toEqual([]);

    const withConsent = await s.ok('youssef', 'referrals:create', { caseId, send: true, fields: fields({ consentNow: true }) });
    expect(withConsent).toMatchObject({ status: 'sent', state: 'sent', sharing: 'consent', referredOn: '2026-04-07', followUpDate: '2026-04-12', createdBy: 'Youssef Lamrani', canUpdate: true });
    // The consent now on record, naming the partner and the service, covers the next one.
    expect((await s.ok('youssef', 'referrals:prepare', { caseId, serviceId: medical, partnerId: partner.id })).consent.covered).toBe(true);
    expect((await s.ok('youssef', 'referrals:create', { caseId, send: false, fields: fields() })).status).toBe('draft');
    // On the person's record it is a consent for that partner and service, not a general yes.
    const record = await s.ok('youssef', 'beneficiaries:get', { id: awa.id });
    expect(record.fields.consentReferralSharing).toBe(false);
    expect(record.consents.filter((c) => c.scope === 'referral_sharing').map((c) => [c.given, c.partner, c.service?.fr ?? null])).toEqual([
      [false, null, null],
      [true, 'Maison de la santé', 'Soins médicaux'],
    ]);

    const override = await s.ok('youssef', 'referrals:create', { caseId, send: true, fields: fields({ sharing: 'override', overrideReason: 'Enfant en danger immédiat' }) });
    expect(override).toMatchObject({ sharing: 'override', overrideReason: 'Enfant en danger immédiat' });
    const anonymous = await s.ok('youssef', 'referrals:create', { caseId, send: true, fields: fields({ sharing: 'anonymous' }) });
    expect(anonymous.sharing).toBe('anonymous');

    const created = (await auditDetails(s)).filter((a) => a.action === 'referrals:create' && a.outcome === 'ok');
    expect(created.map((a) => JSON.parse(a.details ?? '{}') as { sharing: string; overrideReason?: string })).toEqual([
      expect.objectContaining({ sharing: 'consent' }),
      expect.objectContaining({ sharing: 'consent' }),
      expect.objectContaining({ sharing: 'override', overrideReason: 'Enfant en danger immédiat' }),
      expect.objectContaining({ sharing: 'anonymous' }),
    ]);
    const noReason = await s.call('youssef', 'referrals:create', { caseId, send: true, fields: fields({ sharing: 'override', overrideReason: ' ' }) });
    expect(refused(noReason)).toMatchObject({ code: 'VALIDATION', fields: [{ path: 'fields.overrideReason' }] });
  });

  it('moves along the allowed life only, keeps each change, and refuses a stale or unauthorised move', async () => {
    const { s, caseId, fields, later } = await clinic();
    const r = await s.ok('youssef', 'referrals:create', { caseId, send: false, fields: fields({ sharing: 'anonymous' }) });
    const skip = await s.call('youssef', 'referrals:setStatus', { id: r.id, version: r.version, to: 'completed', note: '', declineReason: '', outcome: 'service_provided', outcomeNote: '' });
    expect(refused(skip)).toMatchObject({ code: 'VALIDATION', fields: [{ path: 'to', message: 'validation.referralMove' }] });
    // Another lawyer does not see the case: NOT_FOUND, nothing said about the referral.
    expect(refused(await s.call('karim', 'referrals:setStatus', { id: r.id, version: r.version, to: 'sent', note: '', declineReason: '', outcome: null, outcomeNote: '' }))?.code).toBe('NOT_FOUND');

    await later(1);
    const sent = await s.ok('youssef', 'referrals:setStatus', { id: r.id, version: r.version, to: 'sent', note: 'Par téléphone', declineReason: '', outcome: null, outcomeNote: '' });
    expect(sent).toMatchObject({ status: 'sent', referredOn: '2026-04-08', followUpDate: '2026-04-12' });
    const stale = await s.call('nadia', 'referrals:setStatus', { id: r.id, version: r.version, to: 'cancelled', note: '', declineReason: '', outcome: null, outcomeNote: '' });
    expect(refused(stale)?.code).toBe('CONFLICT');
    const noReason = await s.call('nadia', 'referrals:setStatus', { id: r.id, version: sent.version, to: 'declined', note: '', declineReason: '', outcome: null, outcomeNote: '' });
    expect(refused(noReason)).toMatchObject({ fields: [{ path: 'declineReason', message: 'validation.required' }] });
    const accepted = await s.ok('nadia', 'referrals:setStatus', { id: r.id, version: sent.version, to: 'accepted', note: '', declineReason: '', outcome: null, outcomeNote: '' });
    expect(accepted.answeredOn).toBe('2026-04-08');
    const done = await s.ok('youssef', 'referrals:setStatus', { id: r.id, version: accepted.version, to: 'completed', note: '', declineReason: '', outcome: 'partly_provided', outcomeNote: 'Pas de radiographie' });
    expect(done).toMatchObject({ status: 'completed', outcome: 'partly_provided', outcomeNote: 'Pas de radiographie' });
    expect(done.history.map((h) => `${h.status}:${h.by}`)).toEqual(['draft:Youssef Lamrani', 'sent:Youssef Lamrani', 'accepted:Nadia Supervisor', 'completed:Youssef Lamrani']);
    expect(done.history[1]!.note).toBe('Par téléphone');
  });

  it('shows an unanswered referral as "no answer" once its follow-up day passes, under waiting on partners', async () => {
    const { s, caseId, fields, later, partner } = await clinic();
    const r = await s.ok('youssef', 'referrals:create', { caseId, send: true, fields: fields({ sharing: 'anonymous' }) });
    expect((await s.ok('nadia', 'referrals:waiting', {})).items).toEqual([]);
    await later(6); // 13 April: the 12th has passed
    expect((await s.ok('youssef', 'referrals:forCase', { caseId }))[0]!.state).toBe('no_answer');
    const waiting = await s.ok('nadia', 'referrals:waiting', {});
    expect(waiting.items).toEqual([expect.objectContaining({ id: r.id, partner: { id: partner.id, name: 'Maison de la santé' }, followUpDate: '2026-04-12', daysLate: 1, owner: 'Youssef Lamrani', mine: false })]);
    expect((await s.ok('youssef', 'referrals:waiting', {})).items[0]!.mine).toBe(true);
    expect((await s.ok('karim', 'referrals:waiting', {})).items).toEqual([]); // not his case
    // A late answer moves it on.
    await s.ok('youssef', 'referrals:setStatus', { id: r.id, version: r.version, to: 'acknowledged', note: '', declineReason: '', outcome: null, outcomeNote: '' });
    expect((await s.ok('youssef', 'referrals:forCase', { caseId }))[0]!.state).toBe('no_answer'); // acknowledged, still past the date
  });

  it('warns of earlier referrals of the person and their household for the same service', async () => {
    const { s, caseId, fields, awa, medical, partner } = await clinic();
    await s.ok('youssef', 'referrals:create', { caseId, send: true, fields: fields({ sharing: 'anonymous' }) });
    const son = await s.ok('admin', 'beneficiaries:create', person({ latinName: 'Moussa Diallo' }));
    await s.ok('admin', 'beneficiaries:linkHousehold', { id: awa.id, relatedId: son.id, relation: 'child' });
    const sonCase = await s.ok('admin', 'cases:create', caseFor(son.id, { intakeDate: '2026-04-07', assignedLawyerId: null }));
    const hints = await s.ok('nadia', 'referrals:prepare', { caseId: sonCase.id, serviceId: medical, partnerId: partner.id });
    expect(hints.hints).toEqual([expect.objectContaining({ who: 'household', target: 'Maison de la santé', referredOn: '2026-04-07', state: 'sent' })]);
    const self = await s.ok('youssef', 'referrals:prepare', { caseId, serviceId: medical, partnerId: partner.id });
    expect(self.hints.map((h) => h.who)).toEqual(['self']);
  });

  it('refuses removing a partner that a referral names (deactivate instead)', async () => {
    const { s, caseId, fields, partner } = await clinic();
    await s.ok('youssef', 'referrals:create', { caseId, send: true, fields: fields({ sharing: 'anonymous' }) });
    expect(refused(await s.call('nadia', 'partners:remove', { id: partner.id }))?.code).toBe('CONFLICT');
    await s.ok('nadia', 'partners:setActive', { id: partner.id, active: false });
    // A deactivated partner is no longer offered for new referrals.
    expect(refused(await s.call('youssef', 'referrals:create', { caseId, send: true, fields: fields({ sharing: 'anonymous' }) }))).toMatchObject({ fields: [{ path: 'fields.partnerId' }] });
  });

  it('gives a partner its figures over every referral sent, and lists those on cases the session sees', async () => {
    const { s, caseId, fields, later, partner } = await clinic();
    const move = (id: number, version: number, to: 'accepted' | 'declined' | 'completed') =>
      s.ok('youssef', 'referrals:setStatus', { id, version, to, note: '', declineReason: to === 'declined' ? 'Plus de places' : '', outcome: to === 'completed' ? 'service_provided' : null, outcomeNote: '' });
    const a = await s.ok('youssef', 'referrals:create', { caseId, send: true, fields: fields({ sharing: 'anonymous' }) });
    const b = await s.ok('youssef', 'referrals:create', { caseId, send: true, fields: fields({ sharing: 'anonymous' }) });
    await s.ok('youssef', 'referrals:create', { caseId, send: true, fields: fields({ sharing: 'anonymous' }) }); // never answered
    await s.ok('youssef', 'referrals:create', { caseId, send: false, fields: fields({ sharing: 'anonymous' }) }); // a draft: not sent
    await later(1);
    await move(a.id, a.version, 'accepted');
    await later(2);
    await move(b.id, b.version, 'declined');
    await later(5); // 15 April: the third is past its follow-up day (12 April)
    const page = await s.ok('nadia', 'partners:referrals', { partnerId: partner.id });
    expect(page.figures).toEqual({ sent: 3, acceptedPercent: 33.3, medianDaysToAnswer: 2, noAnswerPercent: 33.3 });
    expect(page.items.map((r) => r.state)).toEqual(['draft', 'no_answer', 'declined', 'accepted']);
    // Karim sees none of these cases: the figures, counts only, are the same; the list is empty.
    const karim = await s.ok('karim', 'partners:referrals', { partnerId: partner.id });
    expect(karim).toMatchObject({ figures: page.figures, items: [] });
  });
});
