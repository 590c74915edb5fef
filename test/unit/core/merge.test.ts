import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore } from '../../../db/open-store';
import { Vault } from '../../../electron/core/vault';
import { caseFor, person } from '../../helpers/registry-fixtures';
import { setUpCore, type TempCore } from '../../helpers/temp-core';

/**
 * Issue #10, item 2: merging two records loses nothing (names, fields chosen one by one,
 * documents, consents without duplicates, household links, cases), the history names both
 * people and the cases that moved, and undo puts every table back exactly as it was.
 */
let t: (TempCore & { recoveryKey: string }) | undefined;
afterEach(async () => {
  await t?.cleanup();
  t = undefined;
});

/** Logged in every way, or rewritten by design: not part of "exactly as it was". */
const NOT_COMPARED = new Set(['audit_log', 'beneficiary_merges', 'sqlite_sequence']);

/** Every table of the store, row by row, read through a second connection with the data key. */
async function everyTable(s: TempCore & { recoveryKey: string }): Promise<Record<string, unknown[]>> {
  const vault = Vault.open(s.dir);
  const key = vault.unwrapWithRecoveryKey(s.recoveryKey);
  await vault.close();
  if (!key) throw new Error('recovery key did not unwrap');
  const store = openStore(join(s.dir, 'clinic.db'), key);
  try {
    // The FTS5 tables themselves (their shadow tables are reorganised on every write).
    const tables = store.sqlite
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '%fts\\_%' ESCAPE '\\' ORDER BY name")
      .pluck()
      .all() as string[];
    const out: Record<string, unknown[]> = {
      person_fts: store.sqlite.prepare('SELECT rowid, name_text, name_keys FROM person_fts ORDER BY rowid').all(),
      case_fts: store.sqlite.prepare('SELECT rowid, reference, summary FROM case_fts ORDER BY rowid').all(),
    };
    for (const table of tables) {
      if (NOT_COMPARED.has(table)) continue;
      // WITHOUT ROWID tables have none: their primary key orders them.
      const rows = store.sqlite.prepare(`SELECT * FROM "${table}"`).all();
      out[table] = rows.map((r) => JSON.stringify(r)).sort();
    }
    return out;
  } finally {
    await store.close();
  }
}

describe('merging two records of the same person', () => {
  it('keeps every spelling, the chosen fields, documents and consents once each; undo restores every table', async () => {
    const s = await setUpCore();
    t = s;
    // The kept record: Arabic name only, a UNHCR certificate, a sister.
    const keep = await s.ok('admin', 'beneficiaries:create', person({
      arabicName: 'آدم عبد الله محمد',
      sex: 'male',
      city: 'الرباط',
      legalStatus: 'asylum_seeker',
      documents: [{ type: 'unhcr_certificate', number: 'MAR-24C01234', expiry: '2027-05-01' }],
    }));
    const sister = await s.ok('admin', 'beneficiaries:create', person({ latinName: 'Hawa Abdallah', sex: 'female' }));
    await s.ok('admin', 'beneficiaries:linkHousehold', { id: keep.id, relatedId: sister.id, relation: 'sibling' });
    // The duplicate: Latin name, another spelling, a phone, the same certificate and a passport, a case, a son.
    const dup = await s.ok('admin', 'beneficiaries:create', person({
      latinName: 'Adam Abdallah Mohamed',
      otherSpellings: 'Adam Abdalla',
      sex: 'male',
      phone: '0612345678',
      city: 'Rabat',
      legalStatus: 'asylum_seeker',
      consentReferralSharing: true,
      documents: [
        { type: 'unhcr_certificate', number: 'MAR 24C01234', expiry: '2027-05-01' },
        { type: 'passport', number: 'SD1234567', expiry: '' },
      ],
    }));
    const son = await s.ok('admin', 'beneficiaries:create', person({ latinName: 'Ali Adam', sex: 'male' }));
    await s.ok('admin', 'beneficiaries:linkHousehold', { id: dup.id, relatedId: son.id, relation: 'child' });
    const kase = await s.ok('admin', 'cases:create', caseFor(dup.id));

    const before = await everyTable(s);
    const { mergeId, kept } = await s.ok('admin', 'beneficiaries:merge', { keepId: keep.id, mergeId: dup.id, take: ['latinName', 'phone'] });

    // Names: the Latin one taken, every other spelling kept.
    expect(kept.fields.latinName).toBe('Adam Abdallah Mohamed');
    expect(kept.fields.arabicName).toBe('آدم عبد الله محمد');
    expect(kept.fields.otherSpellings).toBe('Adam Abdalla');
    expect(kept.fields.phone).toBe('0612345678');
    // Not chosen: the kept record's own city stays.
    expect(kept.fields.city).toBe('الرباط');
    // The same certificate once, the passport added.
    expect(kept.fields.documents.map((d) => d.type).sort()).toEqual(['passport', 'unhcr_certificate']);
    // Consent: data keeping once; referral sharing, given only on the duplicate, carried over.
    expect(kept.consents.filter((c) => c.scope === 'data_keeping')).toHaveLength(1);
    expect(kept.consents.filter((c) => c.scope === 'referral_sharing').map((c) => c.given)).toContain(true);
    expect(kept.cases.map((c) => c.id)).toEqual([kase.id]);
    expect(kept.household.map((h) => h.beneficiary.id).sort()).toEqual([sister.id, son.id].sort());

    // A name from either record finds the kept person.
    for (const query of ['Adam Abdalla', 'آدم عبد الله', 'Adam Abdallah Mohamed']) {
      const found = await s.ok('admin', 'search:global', { query });
      expect(found.beneficiaries.map((p) => p.beneficiary.id), query).toContain(keep.id);
    }

    // The history names both people and the case that moved.
    const [history] = await s.ok('admin', 'beneficiaries:merges', {});
    expect(history).toMatchObject({
      id: mergeId,
      kept: { latinName: 'Adam Abdallah Mohamed', arabicName: 'آدم عبد الله محمد' },
      merged: { latinName: 'Adam Abdallah Mohamed' },
      caseReferences: [kase.reference],
    });

    await s.ok('admin', 'beneficiaries:unmerge', { mergeId });
    expect(await everyTable(s)).toEqual(before);
  });

  it('takes nothing it was not asked to, and refuses an unknown field', async () => {
    const s = await setUpCore();
    t = s;
    const a = await s.ok('admin', 'beneficiaries:create', person({ latinName: 'Fatou Sarr', city: 'Rabat' }));
    const b = await s.ok('admin', 'beneficiaries:create', person({ latinName: 'Fatou Sar', city: 'Salé' }));
    const bad = await s.call('admin', 'beneficiaries:merge', { keepId: a.id, mergeId: b.id, take: ['createdBy' as never] });
    expect(bad.ok ? null : bad.error.code).toBe('VALIDATION');
    const { kept } = await s.ok('admin', 'beneficiaries:merge', { keepId: a.id, mergeId: b.id });
    expect(kept.fields).toMatchObject({ latinName: 'Fatou Sarr', city: 'Rabat', otherSpellings: 'Fatou Sar' });
  });
});
