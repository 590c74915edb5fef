/**
 * What the sign-in page says after the clinic's files were replaced from Administration (a
 * restore, or putting a set-aside clinic back): the call ended every session, so the page
 * that made it is gone by the time the sign-in page shows. Kept in memory only.
 */
export interface ClinicReplaced {
  kind: 'restored' | 'putBack';
  /** The backup's time (restored), or when the clinic put back had been set aside. */
  at: string;
}

let pending: ClinicReplaced | null = null;

export function noteClinicReplaced(note: ClinicReplaced): void {
  pending = note;
}

export function takeClinicReplaced(): ClinicReplaced | null {
  const note = pending;
  pending = null;
  return note;
}
