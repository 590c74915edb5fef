import { createHash } from 'node:crypto';
import ExcelJS from 'exceljs';
import type { Transaction } from 'kysely';
import type { StoreDatabase } from '../../../db/schema/store';
import type { ExportedFile } from '../../../shared/contract/partners';
import type { Language } from '../../../shared/domain/languages';
import { getPartner, listPartners } from './directory';
import { headers, rowOf } from './columns';
import { listServices } from './services';

type Trx = Transaction<StoreDatabase>;

/**
 * A spreadsheet opens a cell starting with = + - @ (or a tab or carriage return) as a
 * formula: a partner's name typed as "=HYPERLINK(…)" would run in whoever opens the export.
 * Such cells are prefixed with an apostrophe (OWASP's advice for CSV injection).
 */
function defuse(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

function csvCell(value: string | number | null): string {
  if (value === null) return '';
  const text = typeof value === 'number' ? String(value) : defuse(value);
  return /[",\r\n;]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

async function directoryRows(trx: Trx, language: Language) {
  const services = await listServices(trx);
  const { items } = await listPartners(trx, { query: '', serviceId: null, place: '', language: null, includeInactive: true });
  const rows: (string | number | null)[][] = [];
  for (const p of items) rows.push(rowOf(await getPartner(trx, p.id), services, language));
  return rows;
}

/**
 * The whole directory (inactive partners included, marked) as CSV or XLSX, headed in
 * `language`. CSV: UTF-8 with a byte-order mark (so a spreadsheet reads Arabic correctly),
 * comma-separated, CRLF. XLSX: header row bold and frozen, answer times as numbers, the
 * sheet right to left for Arabic.
 */
export async function exportDirectory(trx: Trx, format: 'csv' | 'xlsx', language: Language, day: string): Promise<ExportedFile> {
  const head = headers(language);
  const rows = await directoryRows(trx, language);
  let bytes: Buffer;
  if (format === 'csv') {
    const lines = [head, ...rows].map((r) => r.map(csvCell).join(','));
    bytes = Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
  } else {
    const book = new ExcelJS.Workbook();
    book.creator = 'Clinic Case Manager';
    const sheet = book.addWorksheet('Partners', { views: [{ state: 'frozen', ySplit: 1, rightToLeft: language === 'ar' }] });
    sheet.addRow(head).font = { bold: true };
    for (const r of rows) sheet.addRow(r.map((v) => (typeof v === 'string' ? defuse(v) : v)));
    sheet.columns.forEach((column) => (column.width = 24));
    bytes = Buffer.from(await book.xlsx.writeBuffer());
  }
  return {
    fileName: `partners-${day}-${language}.${format}`,
    mime: format === 'csv' ? 'text/csv' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    base64: bytes.toString('base64'),
    sha256: createHash('sha256').update(bytes).digest('hex'),
    rows: rows.length,
  };
}
