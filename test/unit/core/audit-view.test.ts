import { afterEach, describe, expect, it } from 'vitest';
import { CHANNEL_NAMES } from '../../../shared/contract/channel-names';
import { ACTION_CATEGORIES, CORE_EVENTS } from '../../../shared/domain/audit';
import { LANGUAGES } from '../../../shared/domain/languages';
import { auditPhrase } from '../../../shared/i18n/audit-phrase';
import { catalogs } from '../../../shared/i18n';
import { csvCell } from '../../../electron/core/audit-export';
import { caseFor, person, staff } from '../../helpers/registry-fixtures';
import { fakeClock, setUpCore, type TempCore } from '../../helpers/temp-core';

let t: TempCore | undefined;
afterEach(async () => {
  await t?.cleanup();
  t = undefined;
});

/** Issue #10, item 5: the log read as sentences, filtered, paged and exported. */
describe('audit log for supervision', () => {
  it('names every channel and core event in the three languages', () => {
    for (const action of [...CHANNEL_NAMES, ...CORE_EVENTS]) {
      expect(ACTION_CATEGORIES[action], action).toBeDefined();
      for (const language of LANGUAGES) {
        const phrase = auditPhrase(catalogs[language], action, 'X', false);
        expect(phrase, `${language} ${action}`).not.toContain(action);
      }
    }
    expect(auditPhrase(catalogs.fr, 'cases:get', 'RBT-2026-00012', false)).toBe('a ouvert le dossier RBT-2026-00012');
    expect(auditPhrase(catalogs.en, 'documents:intakeRecord', 'Awa Ndiaye', false)).toBe('printed the intake record of Awa Ndiaye');
    expect(auditPhrase(catalogs.ar, 'future:thing', '', false)).toContain('future:thing');
  });

  it('filters by case, person, account, kind and period, pages the whole log, and counts it', async () => {
    const clock = fakeClock(new Date('2026-11-25T09:00:00'));
    const s = await setUpCore({ now: clock.now });
    t = s;
    const lawyerId = await staff(s, 'lawyer', 'karim', 'lawyer', 'Karim Avocat');
    await staff(s, 'sup', 'nora', 'supervisor', 'Nora Superviseure');
    const p = await s.ok('admin', 'beneficiaries:create', person({ latinName: 'Awa Ndiaye', arabicName: 'عوا نجاي' }));
    const c = await s.ok('admin', 'cases:create', caseFor(p.id, { assignedLawyerId: lawyerId }));
    clock.advance(60_000);
    await s.ok('lawyer', 'cases:get', { id: c.id });
    await s.ok('lawyer', 'cases:get', { id: c.id });
    await s.ok('admin', 'documents:intakeRecord', { beneficiaryId: p.id, language: 'fr' });

    const byCase = await s.ok('sup', 'audit:list', { caseId: c.id, limit: 50 });
    expect(byCase.items.map((e) => [e.action, e.accountName, e.subject])).toEqual([
      ['cases:get', 'Karim Avocat', c.reference],
      ['cases:get', 'Karim Avocat', c.reference],
      ['cases:create', 'Salma Admin', c.reference],
    ]);
    expect((await s.ok('sup', 'audit:count', { caseId: c.id })).total).toBe(3);

    const byPerson = await s.ok('sup', 'audit:list', { beneficiaryId: p.id, limit: 50 });
    expect(byPerson.items.map((e) => e.action)).toEqual(['documents:intakeRecord', 'beneficiaries:create']);
    expect(byPerson.items[0]!.subject).toBe('Awa Ndiaye · عوا نجاي');

    const views = await s.ok('sup', 'audit:list', { accountId: lawyerId, category: 'views', limit: 50 });
    expect(views.items.map((e) => e.action)).toEqual(['cases:get', 'cases:get']);

    // The period is in the clinic's calendar days, both ends included.
    const all = (await s.ok('sup', 'audit:count', {})).total;
    expect(all).toBeGreaterThan(8);
    expect((await s.ok('sup', 'audit:count', { from: '2026-11-25', to: '2026-11-25' })).total).toBe(all);
    expect((await s.ok('sup', 'audit:count', { from: '2026-11-26' })).total).toBe(0);
    expect((await s.ok('sup', 'audit:count', { to: '2026-11-24' })).total).toBe(0);

    // Paging reaches every entry exactly once, newest first.
    const seen: number[] = [];
    let cursor: string | undefined;
    for (;;) {
      const page = await s.ok('sup', 'audit:list', { limit: 3, ...(cursor ? { cursor } : {}) });
      seen.push(...page.items.map((e) => e.id));
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
    }
    expect(seen).toEqual([...seen].sort((a, b) => b - a));
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.at(-1)).toBe(1);

    // Supervisors and administrators read it; a lawyer does not.
    const refused = await s.call('lawyer', 'audit:list', { limit: 10 });
    expect(refused.ok ? null : refused.error.code).toBe('FORBIDDEN');
  });

  it('exports the filtered view as CSV in the chosen language, escapes formulas, and logs the export', async () => {
    const s = await setUpCore();
    t = s;
    const p = await s.ok('admin', 'beneficiaries:create', person({ latinName: '=HYPERLINK("http://x")', arabicName: 'مريم' }));
    await s.ok('admin', 'beneficiaries:get', { id: p.id });
    const out = await s.ok('admin', 'audit:export', { beneficiaryId: p.id, language: 'fr' });
    expect(out.fileName).toMatch(/^journal-audit-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(out.rows).toBe(2);
    expect(out.truncated).toBe(false);
    expect(out.csv.startsWith('\uFEFF"Entrée","Date","Compte"')).toBe(true);
    const lines = out.csv.slice(1).trimEnd().split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain('"a ouvert la fiche de =HYPERLINK(""http://x"") · مريم","\'=HYPERLINK(""http://x"") · مريم"');
    expect(lines[1]).toContain('"beneficiaries:get"');
    const ar = await s.ok('admin', 'audit:export', { category: 'documents', language: 'ar' });
    expect(ar.csv).toContain('صدّر سجل التتبع');
    const log = (await s.ok('admin', 'audit:list', { category: 'documents', limit: 10 })).items;
    expect(log.filter((e) => e.action === 'audit:export')).toHaveLength(2);
  });

  it('quotes CSV cells and neutralises formula starters', () => {
    expect(csvCell('Diallo, "Mo"')).toBe('"Diallo, ""Mo"""');
    expect(csvCell('+212 6 61')).toBe('"\'+212 6 61"');
    expect(csvCell('-1')).toBe('"\'-1"');
    expect(csvCell('@SUM(A1)')).toBe('"\'@SUM(A1)"');
    expect(csvCell('عوا')).toBe('"عوا"');
  });
});
