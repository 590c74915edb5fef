/** Why a database could not be opened; the codes are the contract's error codes. */
export type StoreOpenErrorCode = 'STORE_WRONG_KEY' | 'STORE_TOO_NEW' | 'STORE_CORRUPT';

export class StoreOpenError extends Error {
  constructor(
    readonly code: StoreOpenErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'StoreOpenError';
  }
}
