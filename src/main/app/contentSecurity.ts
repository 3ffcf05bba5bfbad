// One Content-Security-Policy for the renderer, whichever way it is served: scripts and styles
// only from the app itself (Mantine injects style tags, hence 'unsafe-inline' for styles only),
// no plugins, no framing, no remote connections.
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
