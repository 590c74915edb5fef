/**
 * The renderer's Content-Security-Policy, sent by the app:// protocol (Electron) and by the
 * preview's router. Nothing but the app's own files: no inline script, no eval, no network.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  // Generated PDFs are previewed in a frame from a blob: URL the renderer itself made.
  "frame-src blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join('; ');
