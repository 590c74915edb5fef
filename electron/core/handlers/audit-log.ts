import { verifyAuditChain } from '../audit';
import type { HandlerGroup } from '../handler-types';

export const auditHandlers: HandlerGroup<'audit'> = {
  async 'audit:list'(input, { trx, target }) {
    target('audit_log', null);
    let query = trx.selectFrom('audit_log').select(['id', 'at', 'account_id', 'action', 'entity', 'entity_id', 'outcome']);
    if (input.beforeId !== undefined) query = query.where('id', '<', input.beforeId);
    const rows = await query.orderBy('id', 'desc').limit(input.limit).execute();
    return rows.map((r) => ({
      id: r.id,
      at: r.at,
      accountId: r.account_id,
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
