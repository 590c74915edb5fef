/**
 * A one-line message carried across a navigation ("Case RBT-2026-00003 opened.") and shown
 * once by the next page. Kept in memory only; it holds no personal data beyond a reference.
 */
let pending: string | null = null;

export function setFlash(text: string): void {
  pending = text;
}

/** The pending message; it is forgotten after this tick (React may render a page twice). */
export function takeFlash(): string | null {
  const text = pending;
  if (text !== null) {
    window.setTimeout(() => {
      if (pending === text) pending = null;
    }, 0);
  }
  return text;
}
