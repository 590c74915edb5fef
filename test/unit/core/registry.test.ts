import { afterEach, describe, expect, it } from 'vitest';
import { caseFor, person, staff } from '../../helpers/registry-fixtures';
import { fakeClock, setUpCore, type TempCore } from '../../helpers/temp-core';

let t: TempCore | undefined;
afterEach(async () => {
  await t?.cleanup();
  t = undefined;
});

const code = (r: { ok: boolean; error?: { code: string } }) => (r.ok ? null : (r.error?.code ?? null));

describe('beneficiary registry', () => {
  it('registers a person with documents and consent, and keeps the consent history', async () => {
    const s = await setUpCore();
    t = s;
    const created = await s.ok('admin', 'beneficiaries:create', person({
      latinName: 'Mamadou Diallo',
      arabicName: 'مامادو ديالو',
      sex: 'male',
      nationality: 'GN',
      phone: '06 12 34 56 78',
      documents: [{ type: 'passport', number: 'R1234567', expiry: '2030-01-31' }],
      specificNeeds: ['serious_medical'],
    }));
    expect(created.fields.documents).toEqual([{ type: 'passport', number: 'R1234567', expiry: '2030-01-31' }]);
    expect(created.consents.map((c) => [c.scope, c.given])).toEqual([['data_keeping', true], ['referral_sharing', false]]);
    const updated = await s.ok('admin', 'beneficiaries:update', { id: created.id, fields: { ...created.fields, consentReferralSharing: true } });
    expect(updated.consents.map((c) => [c.scope, c.given])).toEqual([['data_keeping', true], ['referral_sharing', false], ['referral_sharing', true]]);
    expect(updated.consents.every((c) => c.recordedBy === 'Salma Admin')).toBe(true);
  });

  it('refuses a record without consent to keep data or without any name, with field errors', async () => {
    const s = await setUpCore();
    t = s;
    const noConsent = await s.call('admin', 'beneficiaries:create', person({ latinName: 'Awa Ndiaye', consentDataKeeping: false }));
    expect(noConsent.ok ? null : noConsent.error.fields).toEqual([{ path: 'consentDataKeeping', message: 'validation.consentRequired' }]);
    const noName = await s.call('admin', 'beneficiaries:create', person());
    expect(noName.ok ? null : noName.error.fields).toEqual([{ path: 'latinName', message: 'validation.nameRequired' }]);
    const badPhone = await s.call('admin', 'beneficiaries:create', person({ latinName: 'Awa', phone: 'abc' }));
    expect(badPhone.ok ? null : badPhone.error.fields).toEqual([{ path: 'phone', message: 'validation.phoneFormat' }]);
    expect((await s.ok('admin', 'beneficiaries:list', { limit: 10 })).items).toEqual([]);
  });

  it('finds candidates by phone, document number and by name in the other script, saying why', async () => {
    const s = await setUpCore();
    t = s;
    const mohamed = await s.ok('admin', 'beneficiaries:create', person({ latinName: 'Mohamed Diallo', phone: '0612345678', documents: [{ type: 'passport', number: 'AB123456', expiry: '' }] }));
    const fatima = await s.ok('admin', 'beneficiaries:create', person({ arabicName: 'فاطمة الزهراء بنعلي' }));
    await s.ok('admin', 'beneficiaries:create', person({ latinName: 'Amine Tazi' }));
    const byArabic = await s.ok('admin', 'beneficiaries:candidates', { name: 'محمد ديالو', phone: '', documentNumber: '' });
    expect(byArabic.map((c) => [c.beneficiary.id, c.reasons])).toEqual([[mohamed.id, ['name_other_script']]]);
    const byLatin = await s.ok('admin', 'beneficiaries:candidates', { name: 'Fatima Zahra', phone: '', documentNumber: '' });
    expect(byLatin.map((c) => [c.beneficiary.id, c.reasons])).toEqual([[fatima.id, ['name_other_script']]]);
    const bySpelling = await s.ok('admin', 'beneficiaries:candidates', { name: 'Muhammad Dialo', phone: '', documentNumber: '' });
    expect(bySpelling[0]?.reasons).toEqual(['name_spelling']);
    const byPhone = await s.ok('admin', 'beneficiaries:candidates', { name: '', phone: '+212 6 12 34 56 78', documentNumber: '' });
    expect(byPhone.map((c) => [c.beneficiary.id, c.reasons])).toEqual([[mohamed.id, ['phone']]]);
    const byDocument = await s.ok('admin', 'beneficiaries:candidates', { name: 'Mohammed', phone: '', documentNumber: 'ab 123 456' });
    expect(byDocument.map((c) => [c.beneficiary.id, c.reasons])).toEqual([[mohamed.id, ['document', 'name_spelling']]]);
    expect(await s.ok('admin', 'beneficiaries:candidates', { name: 'Karim', phone: '', documentNumber: '' })).toEqual([]);
  });
});

describe('household', () => {
  it('shows a link from both sides, with the relation inverted, and refuses a duplicate', async () => {
    const s = await setUpCore();
    t = s;
    const mother = await s.ok('admin', 'beneficiaries:create', person({ latinName: 'Awa Ndiaye' }));
    const son = await s.ok('admin', 'beneficiaries:create', person({ latinName: 'Modou Ndiaye' }));
    const linked = await s.ok('admin', 'beneficiaries:linkHousehold', { id: mother.id, relatedId: son.id, relation: 'child' });
    expect(linked.household.map((h) => [h.beneficiary.id, h.relation])).toEqual([[son.id, 'child']]);
    const fromSon = await s.ok('admin', 'beneficiaries:get', { id: son.id });
    expect(fromSon.household.map((h) => [h.beneficiary.id, h.relation])).toEqual([[mother.id, 'parent']]);
    expect(code(await s.call('admin', 'beneficiaries:linkHousehold', { id: son.id, relatedId: mother.id, relation: 'parent' }))).toBe('CONFLICT');
    const unlinked = await s.ok('admin', 'beneficiaries:unlinkHousehold', { id: son.id, linkId: fromSon.household[0]!.linkId });
    expect(unlinked.household).toEqual([]);
  });
});

describe('cases', () => {
  it('keeps a retired domain on the cases that have it, and refuses it on new ones', async () => {
    const s = await setUpCore();
    t = s;
    const p = await s.ok('admin', 'beneficiaries:create', person({ latinName: 'Salif Keita' }));
    const c = await s.ok('admin', 'cases:create', caseFor(p.id, { domainIds: [1, 2] }));
    const domains = await s.ok('admin', 'domains:list', {});
    const d2 = domains.find((d) => d.id === 2)!;
    await s.ok('admin', 'domains:save', { ...d2, active: false });
    expect(code(await s.call('admin', 'cases:update', { id: c.id, fields: { ...c.fields, summary: 'Mise à jour' } }))).toBeNull();
    expect(code(await s.call('admin', 'cases:create', caseFor(p.id, { domainIds: [2] })))).toBe('VALIDATION');
  });

  it('gives unique, gapless references under concurrent creation; a failed creation gives its number back', async () => {
    const s = await setUpCore();
    t = s;
    const p = await s.ok('admin', 'beneficiaries:create', person({ latinName: 'Ousmane Sow' }));
    const failed = await s.call('admin', 'cases:create', caseFor(p.id, { domainIds: [999] }));
    expect(code(failed)).toBe('VALIDATION');
    const created = await Promise.all(Array.from({ length: 40 }, () => s.ok('admin', 'cases:create', caseFor(p.id))));
    const refs = created.map((c) => c.reference).sort();
    const year = new Date().getUTCFullYear();
    expect(refs).toEqual(Array.from({ length: 40 }, (_, i) => `RBT-${year}-${String(i + 1).padStart(5, '0')}`));
  });

  it('moves status only along allowed transitions and keeps the history', async () => {
    const s = await setUpCore();
    t = s;
    const p = await s.ok('admin', 'beneficiaries:create', person({ latinName: 'Aminata Traoré' }));
    const c = await s.ok('admin', 'cases:create', caseFor(p.id));
    const move = (status: 'open' | 'pending' | 'closed' | 'reopened' | 'intake', extra = {}) =>
      s.call('admin', 'cases:setStatus', { id: c.id, status, note: `to ${status}`, closureReason: '', outcome: '', ...extra });
    expect(code(await move('pending'))).toBe('CONFLICT');
    expect(code(await move('open'))).toBeNull();
    expect(code(await move('pending'))).toBeNull();
    expect(code(await move('closed'))).toBe('VALIDATION');
    expect(code(await move('closed', { closureReason: 'resolved', outcome: 'favourable' }))).toBeNull();
    const reopened = await move('reopened');
    expect(code(reopened)).toBeNull();
    const detail = await s.ok('admin', 'cases:get', { id: c.id });
    expect(detail.history.map((h) => [h.from, h.to])).toEqual([[null, 'intake'], ['intake', 'open'], ['open', 'pending'], ['pending', 'closed'], ['closed', 'reopened']]);
    expect(detail.history[3]).toMatchObject({ closureReason: 'resolved', outcome: 'favourable', note: 'to closed', by: 'Salma Admin' });
    expect(detail.status).toBe('reopened');
  });

  it('pages with a keyset cursor, sorted and filtered, without duplicates', async () => {
    const s = await setUpCore();
    t = s;
    const p = await s.ok('admin', 'beneficiaries:create', person({ latinName: 'Moussa Keita', nationality: 'ML' }));
    const q = await s.ok('admin', 'beneficiaries:create', person({ latinName: 'Youssef Haddad', nationality: 'SY' }));
    for (let day = 1; day <= 7; day += 1) await s.ok('admin', 'cases:create', caseFor(p.id, { intakeDate: `2026-10-0${day}`, urgency: day % 2 ? 'urgent' : 'normal' }));
    await s.ok('admin', 'cases:create', caseFor(q.id, { intakeDate: '2026-10-05' }));
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await s.ok('admin', 'cases:list', { nationality: 'ML', limit: 3, ...(cursor ? { cursor } : {}) });
      seen.push(...page.items.map((i) => i.intakeDate));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual(['2026-10-07', '2026-10-06', '2026-10-05', '2026-10-04', '2026-10-03', '2026-10-02', '2026-10-01']);
    const urgent = await s.ok('admin', 'cases:list', { urgency: 'urgent', sort: 'intake_asc', limit: 50 });
    expect(urgent.items.map((i) => i.intakeDate)).toEqual(['2026-10-01', '2026-10-03', '2026-10-05', '2026-10-07']);
    expect(code(await s.call('admin', 'cases:list', { cursor: 'not-a-cursor', limit: 3 }))).toBe('VALIDATION');
  });
});

describe('who sees which case', () => {
  it('applies the role rules, including the sensitive flag, in pages, lists and search', async () => {
    const s = await setUpCore();
    t = s;
    const intake = await staff(s, 'intake', 'nadia', 'intake', 'Nadia Accueil');
    const lawyerA = await staff(s, 'lawyerA', 'karima', 'lawyer', 'Karima Avocate');
    await staff(s, 'lawyerB', 'omar', 'lawyer', 'Omar Avocat');
    await staff(s, 'sup', 'hind', 'supervisor', 'Hind Coordinatrice');
    const p = await s.ok('intake', 'beneficiaries:create', person({ latinName: 'Blessing Okafor', phone: '0611223344' }));
    const open = await s.ok('intake', 'cases:create', caseFor(p.id, { summary: 'Renouvellement carte de séjour' }));
    const secret = await s.ok('intake', 'cases:create', caseFor(p.id, { summary: 'Violence conjugale signalement', sensitive: true }));
    // Intake staff cannot assign: the lawyer they sent is ignored.
    expect(open.assignedLawyerId).toBeNull();
    await s.ok('sup', 'cases:assign', { id: secret.id, lawyerId: lawyerA });
    expect(code(await s.call('intake', 'cases:assign', { id: open.id, lawyerId: lawyerA }))).toBe('FORBIDDEN');
    expect(code(await s.call('lawyerA', 'cases:assign', { id: open.id, lawyerId: lawyerA }))).toBe('FORBIDDEN');

    const visible = async (client: string) => (await s.ok(client, 'cases:list', { limit: 50 })).items.map((c) => c.reference).sort();
    expect(await visible('intake')).toEqual([open.reference]);
    expect(await visible('lawyerA')).toEqual([secret.reference]);
    expect(await visible('lawyerB')).toEqual([]);
    expect(await visible('sup')).toEqual([open.reference, secret.reference].sort());

    // A hidden case is "not found", never "forbidden": nothing tells it exists.
    expect(code(await s.call('intake', 'cases:get', { id: secret.id }))).toBe('NOT_FOUND');
    expect(code(await s.call('lawyerB', 'cases:get', { id: secret.id }))).toBe('NOT_FOUND');
    expect(code(await s.call('lawyerB', 'cases:setStatus', { id: secret.id, status: 'open', note: '', closureReason: '', outcome: '' }))).toBe('NOT_FOUND');
    for (const query of ['Violence', secret.reference, 'Blessing', '0611223344']) {
      const found = await s.ok('intake', 'search:global', { query });
      expect(found.cases.map((c) => c.id), query).not.toContain(secret.id);
    }
    const supFound = await s.ok('sup', 'search:global', { query: 'violence' });
    expect(supFound.cases.map((c) => c.id)).toEqual([secret.id]);
    const record = await s.ok('intake', 'beneficiaries:get', { id: p.id });
    expect(record.cases.map((c) => c.id)).toEqual([open.id]);

    // Intake staff do not change case status; the assigned lawyer does.
    expect(code(await s.call('intake', 'cases:setStatus', { id: open.id, status: 'open', note: '', closureReason: '', outcome: '' }))).toBe('FORBIDDEN');
    expect(code(await s.call('lawyerA', 'cases:setStatus', { id: secret.id, status: 'open', note: '', closureReason: '', outcome: '' }))).toBeNull();
    expect(intake).toBeGreaterThan(1);
  });

  it('finds cases from the global search by reference, summary words and phone', async () => {
    const s = await setUpCore();
    t = s;
    const p = await s.ok('admin', 'beneficiaries:create', person({ latinName: 'Ibrahim Coulibaly', arabicName: 'إبراهيم كوليبالي', phone: '0700112233' }));
    const c = await s.ok('admin', 'cases:create', caseFor(p.id, { summary: 'Refus d’inscription scolaire pour ses deux enfants' }));
    for (const query of [c.reference, c.reference.toLowerCase(), c.reference.slice(-5), 'inscription scol', '07 00 11 22 33', 'ابراهيم']) {
      const found = await s.ok('admin', 'search:global', { query });
      expect(found.cases.map((x) => x.id), query).toContain(c.id);
    }
  });
});

describe('merging duplicate records', () => {
  it('moves cases and documents to the kept record, can be undone within 30 days, and is audited', async () => {
    const clock = fakeClock(new Date());
    const s = await setUpCore({ now: clock.now });
    t = s;
    const keep = await s.ok('admin', 'beneficiaries:create', person({ latinName: 'Fatoumata Camara', phone: '0633445566' }));
    const dup = await s.ok('admin', 'beneficiaries:create', person({ arabicName: 'فاطماتا كمارا', documents: [{ type: 'unhcr_certificate', number: '123-45C678', expiry: '' }] }));
    const c = await s.ok('admin', 'cases:create', caseFor(dup.id));
    const { mergeId, kept } = await s.ok('admin', 'beneficiaries:merge', { keepId: keep.id, mergeId: dup.id });
    expect(kept.cases.map((x) => x.id)).toEqual([c.id]);
    expect(kept.fields.documents.map((d) => d.number)).toEqual(['123-45C678']);
    expect((await s.ok('admin', 'beneficiaries:list', { limit: 10 })).items.map((b) => b.id)).toEqual([keep.id]);
    // The merged spelling still finds the kept person.
    const found = await s.ok('admin', 'beneficiaries:candidates', { name: 'فاطماتا', phone: '', documentNumber: '' });
    expect(found.map((x) => x.beneficiary.id)).toEqual([keep.id]);
    expect(code(await s.call('admin', 'beneficiaries:merge', { keepId: keep.id, mergeId: dup.id }))).toBe('CONFLICT');

    const restored = await s.ok('admin', 'beneficiaries:unmerge', { mergeId });
    expect(restored.cases).toEqual([]);
    expect((await s.ok('admin', 'beneficiaries:get', { id: dup.id })).cases.map((x) => x.id)).toEqual([c.id]);
    expect(code(await s.call('admin', 'beneficiaries:unmerge', { mergeId }))).toBe('CONFLICT');

    const again = await s.ok('admin', 'beneficiaries:merge', { keepId: keep.id, mergeId: dup.id });
    clock.advance(31 * 86_400_000);
    expect(code(await s.call('admin', 'settings:get', {}))).toBe('LOCKED'); // idle for a month
    await s.ok('admin', 'auth:unlock', { password: 'Cle-Forte-2026!' });
    const late = await s.call('admin', 'beneficiaries:unmerge', { mergeId: again.mergeId });
    expect(code(late)).toBe('CONFLICT');
    const audit = (await s.ok('admin', 'audit:list', { limit: 50 })).items;
    expect(audit.filter((a) => a.action === 'beneficiaries:merge' && a.outcome === 'ok')).toHaveLength(2);
    expect(audit.some((a) => a.action === 'beneficiaries:unmerge' && a.outcome === 'ok')).toBe(true);
    expect(audit.filter((a) => a.action === 'beneficiaries:get').length).toBeGreaterThan(0);
  });

  it('is for supervisors and administrators only', async () => {
    const s = await setUpCore();
    t = s;
    await staff(s, 'intake', 'nadia', 'intake');
    const a = await s.ok('admin', 'beneficiaries:create', person({ latinName: 'A B' }));
    const b = await s.ok('admin', 'beneficiaries:create', person({ latinName: 'A C' }));
    expect(code(await s.call('intake', 'beneficiaries:merge', { keepId: a.id, mergeId: b.id }))).toBe('FORBIDDEN');
  });
});
