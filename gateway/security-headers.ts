import { createHash } from 'node:crypto';

/**
 * What the H5 build needs and nothing more: its own scripts plus the hashes of the inline ones in its
 * index.html (the rem-sizing snippet), inline styles (React and NutUI set them), images and fonts from
 * data: URLs (NutUI's icons), blob: for downloads and the camera preview, its own service worker.
 */
export function pageSecurityPolicy(inlineScriptHashes: readonly string[] = []): string {
  return [
    "default-src 'self'",
    `script-src 'self'${inlineScriptHashes.map((hash) => ` '${hash}'`).join('')}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "media-src 'self' blob:",
    "connect-src 'self'",
    "worker-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** An API answer is data, never a document: nothing may load from it or frame it. */
export const API_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'";

/** Sent with every answer, page or API. */
export const COMMON_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
};

/** The CSP source expressions ('sha256-…') of every inline script in a page. */
export function inlineScriptHashes(html: string): string[] {
  const hashes: string[] = [];
  for (const match of html.matchAll(/<script(\s[^>]*)?>([\s\S]*?)<\/script>/gi)) {
    const [, attributes = '', body] = match;
    if (/\ssrc\s*=/i.test(attributes) || body.length === 0) continue;
    hashes.push(`sha256-${createHash('sha256').update(body, 'utf8').digest('base64')}`);
  }
  return hashes;
}
