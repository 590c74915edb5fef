import { verifyAuditChain } from '../audit';
import { auditCsv } from '../audit-export';
import { auditCount, auditPage } from '../audit-view';
import type { HandlerGroup } from '../handler-types';

export const auditHandlers: HandlerGroup<'audit'> = {
  async 'audit:list'(input, { trx, target }) {
    const { cursor, limit, ...filters } = input;
    // Reading the log is itself traced, with what was looked for (ids and dates only).
    target('audit_log', null, filters);
    const items = await auditPage(trx, filters, cursor === undefined ? undefined : Number(cursor), limit);
    const nextCursor = items.length === limit ? String(items[items.length - 1]!.id) : null;
    return { items, nextCursor };
  },

  async 'audit:count'(input, { trx, target }) {
    target('audit_log', null, input);
    return { total: await auditCount(trx, input) };
  },

  async 'audit:export'(input, { trx, target, state }) {
    const { language, ...filters } = input;
    const result = await auditCsv(trx, filters, language, state.now());
    target('audit_log', null, { ...filters, rows: result.rows });
    return result;
  },

  async 'audit:verify'(_input, { state, target }) {
    target('audit_log', null);
    // Reads through the raw connection: Kysely's transaction holds the same connection,
    // and the chain walk only reads committed rows.
    return verifyAuditChain(state.vault.requireStore().sqlite);
  },
};
