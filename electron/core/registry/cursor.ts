import { AppError } from '../errors';

/**
 * Keyset pagination: a page ends with the sort key and id of its last row, and the next
 * page starts strictly after it. Deep pages cost the same as the first (no OFFSET).
 */
export function encodeCursor(key: string | number, id: number): string {
  return Buffer.from(JSON.stringify([key, id]), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string | undefined): { key: string | number; id: number } | null {
  if (!cursor) return null;
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 2 && (typeof value[0] === 'string' || typeof value[0] === 'number') && Number.isSafeInteger(value[1])) {
      return { key: value[0], id: value[1] as number };
    }
  } catch {
    // fall through
  }
  throw new AppError('VALIDATION', 'invalid cursor', { fields: [{ path: 'cursor', message: 'validation.invalid' }] });
}
