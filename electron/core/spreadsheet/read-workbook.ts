import ExcelJS from 'exceljs';

/**
 * Opens XLSX bytes. ExcelJS types its input as an ArrayBuffer while Node hands us
 * Buffers (views that may sit inside a larger pooled ArrayBuffer), so the exact bytes
 * are copied out first: passing the pool would hand JSZip someone else's bytes.
 */
export async function readWorkbook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  const exact = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  await book.xlsx.load(exact);
  return book;
}
