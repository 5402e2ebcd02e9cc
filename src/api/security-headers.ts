/**
 * Security headers on every response. The API answers JSON and the reference page loads only its
 * own scripts and styles, so the policy can be strict: nothing inline, nothing from elsewhere, no
 * framing, no MIME sniffing, no referrer leaving the site.
 */
import type { MiddlewareHandler } from 'hono';

/** The Content-Security-Policy for everything the API serves (the `/docs` page included). */
export const contentSecurityPolicy = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const headers: ReadonlyArray<readonly [string, string]> = [
  ['Content-Security-Policy', contentSecurityPolicy],
  ['X-Frame-Options', 'DENY'],
  ['X-Content-Type-Options', 'nosniff'],
  ['Referrer-Policy', 'no-referrer'],
  ['Cross-Origin-Opener-Policy', 'same-origin'],
  ['Cross-Origin-Resource-Policy', 'same-origin'],
  ['Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=()'],
];

/**
 * @example
 * app.use('*', securityHeaders());
 */
export function securityHeaders(): MiddlewareHandler {
  return async (c, next) => {
    // Set before the handler runs, so they are part of the response it creates (touching the
    // finished response's headers afterwards would cost a copy of it on every request).
    for (const [name, value] of headers) c.header(name, value);
    // Responses carry personal data (screened names, cases): no shared cache may keep them.
    // A route that may be cached (the reference page's assets) sets its own Cache-Control.
    c.header('Cache-Control', 'no-store');
    await next();
  };
}
