import type { Kysely } from 'kysely';
import type { StoreDatabase } from '../../db/schema/store';
import { AUDIT_EXPORT_MAX_ROWS, type AuditEntry, type AuditFilters } from '../../shared/contract/audit';
import type { Language } from '../../shared/domain/languages';
import { localIsoDate } from '../../shared/domain/dates';
import { auditPhrase } from '../../shared/i18n/audit-phrase';
import { catalogs } from '../../shared/i18n';
import { auditCount, auditPage } from './audit-view';

/**
 * One CSV cell. Quoted always (names hold commas and quotes); a cell that a spreadsheet would
 * run as a formula (=, +, -, @, tab, carriage return first) gets a leading apostrophe, so a
 * name typed as "=HYPERLINK(…)" stays text in the supervisor's spreadsheet (CSV injection).
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return `"${safe.replace(/"/g, '""')}"`;
}

/** An instant as the clinic's computer shows it, sortable in a spreadsheet: 2026-12-02 14:05:09. */
function localDateTime(iso: string): string {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${localIsoDate(d)} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

/**
 * The filtered log as CSV in `language`, newest first, at most AUDIT_EXPORT_MAX_ROWS rows,
 * read a page at a time so memory stays flat. UTF-8 with a BOM and CRLF line ends: spreadsheet
 * software then shows Arabic names correctly.
 */
export async function auditCsv(db: Kysely<StoreDatabase>, filters: AuditFilters, language: Language, today: Date) {
  const m = catalogs[language];
  const header = [m.auditLog.csvNumber, m.admin.auditWhen, m.admin.auditWho, m.admin.auditAction, m.admin.auditRecord, m.admin.auditOutcome, m.auditLog.csvCode];
  const lines = [header.map(csvCell).join(',')];
  const total = await auditCount(db, filters);
  let beforeId: number | undefined;
  let rows = 0;
  while (rows < AUDIT_EXPORT_MAX_ROWS) {
    const page: AuditEntry[] = await auditPage(db, filters, beforeId, Math.min(1000, AUDIT_EXPORT_MAX_ROWS - rows));
    for (const e of page) {
      lines.push(
        [String(e.id), localDateTime(e.at), e.accountName ?? '—', auditPhrase(m, e.action, e.subject, false), e.subject, m.admin.outcome[e.outcome], e.action]
          .map(csvCell)
          .join(','),
      );
    }
    rows += page.length;
    if (page.length === 0) break;
    beforeId = page[page.length - 1]!.id;
  }
  const fileName = `${m.auditLog.csvFile}-${localIsoDate(today)}.csv`;
  return { fileName, csv: `\uFEFF${lines.join('\r\n')}\r\n`, rows, truncated: total > rows };
}
