/**
 * A form- or page-level message. Errors are announced at once (role=alert), news and
 * warnings (something to act on, nothing failed) politely.
 */
export function Banner({ kind, children }: { kind: 'error' | 'success' | 'warning'; children: string | null | undefined }) {
  if (!children) return null;
  return (
    <p className={`banner banner-${kind}`} role={kind === 'error' ? 'alert' : 'status'}>
      {children}
    </p>
  );
}
