import type { AppErrorShape, ErrorCode, FieldIssue } from '../../shared/contract/errors';

/** A failure the renderer can explain: thrown by handlers, turned into `{ ok: false, error }` by the router. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string = code,
    readonly extra: { fields?: FieldIssue[]; retryAfterSeconds?: number } = {},
  ) {
    super(message);
    this.name = 'AppError';
  }

  toShape(): AppErrorShape {
    return { code: this.code, message: this.message, ...this.extra };
  }
}

/** Refuses a call with every field problem at once, each under its field (a form shows them all). */
export function refuseFields(fields: FieldIssue[]): void {
  if (fields.length) throw new AppError('VALIDATION', 'invalid fields', { fields });
}
