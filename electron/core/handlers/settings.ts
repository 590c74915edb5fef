import type { Transaction } from 'kysely';
import type { StoreDatabase } from '../../../db/schema/store';
import type { Settings } from '../../../shared/contract/settings';
import type { HandlerGroup } from '../handler-types';
import { putSetting } from '../settings-row';

async function readSettings(trx: Transaction<StoreDatabase>, idleLockMinutes: number): Promise<Settings> {
  const clinic = await trx.selectFrom('clinic').selectAll().where('id', '=', 1).executeTakeFirstOrThrow();
  return {
    clinicName: clinic.name,
    clinicNameAr: clinic.name_ar,
    casePrefix: clinic.case_prefix,
    defaultLanguage: clinic.default_language,
    idleLockMinutes,
  };
}

export const settingsHandlers: HandlerGroup<'settings'> = {
  async 'settings:get'(_input, { state, trx, target }) {
    target('settings', 1);
    return readSettings(trx, state.idleLockMinutes);
  },

  async 'settings:update'(input, { state, trx, target }) {
    target('settings', 1, { idleLockMinutes: input.idleLockMinutes, defaultLanguage: input.defaultLanguage });
    await trx
      .updateTable('clinic')
      .set({ name: input.clinicName, default_language: input.defaultLanguage, ...(input.clinicNameAr === undefined ? {} : { name_ar: input.clinicNameAr }) })
      .where('id', '=', 1)
      .execute();
    await putSetting(trx, 'idle_lock_minutes', input.idleLockMinutes);
    state.idleLockMinutes = input.idleLockMinutes;
    // The login screen shows these before anyone unlocks.
    const saved = await readSettings(trx, state.idleLockMinutes);
    state.vault.setMeta({ clinic_name: saved.clinicName, clinic_name_ar: saved.clinicNameAr, default_language: saved.defaultLanguage });
    return saved;
  },
};
