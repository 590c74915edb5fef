import { verifyAuditChain } from '../audit';
import type { HandlerGroup } from '../handler-types';

export const auditHandlers: HandlerGroup<'audit'> = {
  async 'audit:list'(input, { trx, target }) {
    target('audit_log', null);
    let query = trx
      .selectFrom('audit_log')
      .leftJoin('accounts', 'accounts.id', 'audit_log.account_id')
      .select([
        'audit_log.id',
        'audit_log.at',
        'audit_log.account_id',
        'accounts.full_name',
        'audit_log.action',
        'audit_log.entity',
        'audit_log.entity_id',
        'audit_log.outcome',
      ]);
    if (input.beforeId !== undefined) query = query.where('audit_log.id', '<', input.beforeId);
    const rows = await query.orderBy('audit_log.id', 'desc').limit(input.limit).execute();
    return rows.map((r) => ({
      id: r.id,
      at: r.at,
      accountId: r.account_id,
      accountName: r.full_name,
      action: r.action,
      entity: r.entity,
      entityId: r.entity_id,
      outcome: r.outcome,
    }));
  },

  async 'audit:verify'(_input, { state, target }) {
    target('audit_log', null);
    // Reads through the raw connection: Kysely's transaction holds the same connection,
    // and the chain walk only reads committed rows.
    return verifyAuditChain(state.vault.requireStore().sqlite);
  },
};
