/**
 * The Content-Security-Policy of the renderer, shared by both shells. Only
 * the app's own scripts and styles run (no inline code, no eval); the page
 * may talk only to its own origin (the browser shell's WebSocket is on it).
 * Frames may show only blob: URLs the page made itself: the receipt PDF,
 * which never leaves the page as a file unless the clerk downloads it.
 */
export function contentSecurityPolicy(): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    // Spoken guidance: the core's WAV bytes played from a blob: URL the page made.
    'media-src blob:',
    'frame-src blob:',
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** Headers sent with every file of the renderer. */
export function securityHeaders(): Readonly<Record<string, string>> {
  return {
    'Content-Security-Policy': contentSecurityPolicy(),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=()',
    'Cache-Control': 'no-store',
  };
}
