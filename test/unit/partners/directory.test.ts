import { readWorkbook } from '../../../electron/core/spreadsheet/read-workbook';
import { afterEach, describe, expect, it } from 'vitest';
import type { Result } from '../../../shared/contract';
import type { PartnerFieldsInput } from '../../../shared/contract/partners';
import { staff } from '../../helpers/registry-fixtures';
import { fakeClock, setUpCore, type TempCore } from '../../helpers/temp-core';

/** Issue #14: the partner directory and its services, in the core, on a real encrypted store. */
let s: TempCore | undefined;
afterEach(async () => {
  await s?.cleanup();
  s = undefined;
});

async function clinic() {
  s = await setUpCore({ now: fakeClock(new Date('2026-04-07T09:00:00Z')).now });
  await staff(s, 'youssef', 'youssef', 'lawyer', 'Youssef Lamrani');
  await staff(s, 'nadia', 'nadia', 'supervisor', 'Nadia Supervisor');
  await staff(s, 'imane', 'imane', 'intake', 'Imane Intake');
  const services = await s.ok('nadia', 'services:list', {});
  const service = (code: string): number => services.find((x) => x.code === code)!.id;
  return { s, service };
}

/** The refusal a call ended with, or null. */
const refused = <T>(r: Result<T>) => (r.ok ? null : r.error);

const partner = (over: Partial<PartnerFieldsInput> = {}): PartnerFieldsInput => ({
  name: 'Association Ain Ghazal',
  kind: 'association',
  serviceIds: [],
  places: ['Oujda'],
  languages: ['ar', 'fr'],
  address: '',
  phone: '',
  email: '',
  openingHours: '',
  agreement: false,
  agreementFrom: '',
  agreementTo: '',
  givesFeedback: true,
  answerDays: 7,
  notes: '',
  contacts: [],
  ...over,
});

describe('partner directory', () => {
  it('ships services tied to domains, which supervisors edit and everyone reads', async () => {
    const { s } = await clinic();
    const listed = await s.ok('imane', 'services:list', {});
    const shelter = listed.find((x) => x.code === 'shelter')!;
    const domains = await s.ok('imane', 'domains:list', {});
    expect(shelter.domainId).toBe(domains.find((d) => d.code === 'housing')!.id);
    const saved = await s.ok('nadia', 'services:save', { id: null, code: 'legal_aid', ar: 'المساعدة القانونية', fr: 'Aide juridique', en: 'Legal aid', domainId: null, active: true });
    expect(saved.find((x) => x.code === 'legal_aid')).toMatchObject({ fr: 'Aide juridique', domainId: null, active: true });
    expect(refused(await s.call('youssef', 'services:save', { id: null, code: 'other_aid', ar: 'مساعدة', fr: 'Aide', en: 'Aid', domainId: null, active: true }))?.code).toBe('FORBIDDEN');
    const clash = await s.call('nadia', 'services:save', { id: null, code: 'shelter', ar: 'إيواء', fr: 'Abri', en: 'Shelter', domainId: null, active: true });
    expect(refused(clash)).toMatchObject({ code: 'CONFLICT', fields: [{ path: 'code' }] });
    const badDomain = await s.call('nadia', 'services:save', { id: null, code: 'orphan', ar: 'يتيم', fr: 'Orphelin', en: 'Orphan', domainId: 999, active: true });
    expect(refused(badDomain)).toMatchObject({ code: 'VALIDATION', fields: [{ path: 'domainId' }] });
  });

  it('adds a partner with its services, places, languages and contacts, and finds it by each', async () => {
    const { s, service } = await clinic();
    const created = await s.ok('nadia', 'partners:save', {
      id: null,
      version: null,
      fields: partner({
        name: 'Maison de la santé d’Oujda',
        kind: 'health',
        serviceIds: [service('medical_care'), service('mental_health')],
        places: ['Oujda', 'Berkane', 'oujda', 'وجدة'],
        contacts: [{ name: 'Dr Samira Bennani', role: 'Médecin-chef', phone: '0536 12 34 56', email: 'samira@sante-oujda.ma' }],
      }),
    });
    // "oujda" is the same place as "Oujda": kept once, as first written.
    expect(created).toMatchObject({ kind: 'health', places: ['Oujda', 'Berkane', 'وجدة'], languages: ['ar', 'fr'], version: 1, updatedBy: 'Nadia Supervisor', active: true });
    expect(created.contacts).toEqual([{ name: 'Dr Samira Bennani', role: 'Médecin-chef', phone: '0536 12 34 56', email: 'samira@sante-oujda.ma' }]);
    await s.ok('nadia', 'partners:save', { id: null, version: null, fields: partner({ name: 'Foyer Nador', kind: 'shelter', serviceIds: [service('shelter')], places: ['Nador'], languages: ['es'] }) });

    const names = async (filter: object) => (await s.ok('imane', 'partners:list', filter)).items.map((p) => p.name);
    expect(await names({})).toEqual(['Foyer Nador', 'Maison de la santé d’Oujda']);
    expect(await names({ query: 'SANTE oujda' })).toEqual(['Maison de la santé d’Oujda']); // folded: accents, case, apostrophe
    expect(await names({ serviceId: service('shelter') })).toEqual(['Foyer Nador']);
    expect(await names({ place: 'berk' })).toEqual(['Maison de la santé d’Oujda']); // a place served starting with what is typed
    expect(await names({ place: 'وجده' })).toEqual(['Maison de la santé d’Oujda']); // ة typed as ه
    expect(await names({ language: 'es' })).toEqual(['Foyer Nador']);
  });

  it('refuses bad input field by field and stores nothing', async () => {
    const { s } = await clinic();
    const bad = await s.call('nadia', 'partners:save', {
      id: null,
      version: null,
      fields: partner({ name: '  ', phone: 'call me', email: '0612345678', agreementFrom: '2026-05-01', agreementTo: '2026-01-01', answerDays: 0, contacts: [{ name: '', role: '', phone: '', email: 'x@' }] }),
    });
    expect(refused(bad)?.code).toBe('VALIDATION');
    expect(refused(bad)?.fields?.map((f) => `${f.path}:${f.message}`).sort()).toEqual(
      [
        'fields.agreementTo:validation.endBeforeStart',
        'fields.answerDays:validation.invalid',
        'fields.contacts.0.email:validation.emailFormat',
        'fields.contacts.0.name:validation.required',
        'fields.email:validation.emailFormat',
        'fields.name:validation.required',
        'fields.phone:validation.phoneFormat',
      ].sort(),
    );
    const unknownService = await s.call('nadia', 'partners:save', { id: null, version: null, fields: partner({ serviceIds: [9999] }) });
    expect(refused(unknownService)).toMatchObject({ code: 'VALIDATION', fields: [{ path: 'fields.serviceIds' }] });
    expect((await s.ok('nadia', 'partners:list', { includeInactive: true })).items).toEqual([]);
  });

  it('lets supervisors and administrators edit, everyone read; a stale edit is refused, not overwritten', async () => {
    const { s } = await clinic();
    for (const who of ['youssef', 'imane']) {
      expect(refused(await s.call(who, 'partners:save', { id: null, version: null, fields: partner() }))?.code).toBe('FORBIDDEN');
    }
    const created = await s.ok('admin', 'partners:save', { id: null, version: null, fields: partner() });
    expect((await s.ok('youssef', 'partners:get', { id: created.id })).name).toBe('Association Ain Ghazal');
    for (const who of ['youssef', 'imane']) {
      expect(refused(await s.call(who, 'partners:setActive', { id: created.id, active: false }))?.code).toBe('FORBIDDEN');
      expect(refused(await s.call(who, 'partners:remove', { id: created.id }))?.code).toBe('FORBIDDEN');
    }

    const first = await s.ok('nadia', 'partners:save', { id: created.id, version: 1, fields: partner({ answerDays: 14 }) });
    expect(first).toMatchObject({ version: 2, answerDays: 14 });
    // Someone who opened the form at version 1 saves after: refused, the later change stays.
    const stale = await s.call('admin', 'partners:save', { id: created.id, version: 1, fields: partner({ answerDays: 3 }) });
    expect(refused(stale)?.code).toBe('CONFLICT');
    expect((await s.ok('imane', 'partners:get', { id: created.id })).answerDays).toBe(14);
  });

  it('deactivates (kept, hidden from the default list) and removes, all audited', async () => {
    const { s } = await clinic();
    const created = await s.ok('nadia', 'partners:save', { id: null, version: null, fields: partner() });
    const off = await s.ok('nadia', 'partners:setActive', { id: created.id, active: false });
    expect(off).toMatchObject({ active: false, version: 2 });
    expect((await s.ok('imane', 'partners:list', {})).items).toEqual([]);
    expect((await s.ok('imane', 'partners:list', { includeInactive: true })).items.map((p) => p.active)).toEqual([false]);
    await s.ok('nadia', 'partners:remove', { id: created.id });
    expect(refused(await s.call('imane', 'partners:get', { id: created.id }))?.code).toBe('NOT_FOUND');
    const audit = await s.ok('admin', 'audit:list', {});
    expect(audit.items.map((e) => e.action)).toEqual(expect.arrayContaining(['partners:save', 'partners:setActive', 'partners:remove']));
  });

  it('exports the directory as CSV (UTF-8 with a BOM, formulas defused) and XLSX (numbers, frozen header, right to left in Arabic)', async () => {
    const { s, service } = await clinic();
    await s.ok('nadia', 'partners:save', { id: null, version: null, fields: partner({ name: 'جمعية عين غزال', serviceIds: [service('shelter')], places: ['Oujda', 'Berkane'], answerDays: 7 }) });
    await s.ok('nadia', 'partners:save', { id: null, version: null, fields: partner({ name: '=HYPERLINK("http://x")', answerDays: null, contacts: [{ name: 'Samira', role: 'Assistante', phone: '', email: '' }] }) });
    expect(refused(await s.call('youssef', 'partners:export', { format: 'csv', language: 'fr' }))?.code).toBe('FORBIDDEN');

    const csv = await s.ok('nadia', 'partners:export', { format: 'csv', language: 'fr' });
    const text = Buffer.from(csv.base64, 'base64').toString('utf8');
    expect(text.startsWith('\uFEFFNom,Type,Services proposés,')).toBe(true);
    expect(text).toContain('"\'=HYPERLINK(""http://x"")"');
    expect(text).toContain('جمعية عين غزال,Association,Hébergement,"Oujda ; Berkane"');
    expect(csv).toMatchObject({ rows: 2, mime: 'text/csv' });

    const xlsx = await s.ok('nadia', 'partners:export', { format: 'xlsx', language: 'ar' });
    const book = await readWorkbook(Buffer.from(xlsx.base64, 'base64'));
    const sheet = book.worksheets[0]!;
    expect(sheet.views[0]).toMatchObject({ rightToLeft: true, state: 'frozen', ySplit: 1 });
    expect(sheet.getRow(1).getCell(1).value).toBe('الاسم');
    const row = [2, 3].map((n) => sheet.getRow(n)).find((r) => r.getCell(1).value === 'جمعية عين غزال')!;
    expect(row.getCell(14).value).toBe(7); // the answer time, a number
    const audit = (await s.ok('admin', 'audit:list', {})).items.filter((e) => e.action === 'partners:export' && e.outcome === 'ok');
    expect(audit.length).toBe(2);
  });
});
