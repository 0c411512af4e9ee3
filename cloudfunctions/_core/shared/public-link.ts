/**
 * The address a paper's link or QR code carries for an H5 page (`pagePath` such as
 * `/pages/join/register/index?slip=CODE`): the app's public address with the hash route (H5 routes by hash), or
 * the mini-program page path without its leading slash when no public address is configured.
 */
export function publicPageLink(publicUrl: string | undefined, pagePath: string): string {
  if (!publicUrl) return pagePath.replace(/^\//, '');
  const base = /^[a-z]+:\/\/[^/]+$/i.test(publicUrl) ? `${publicUrl}/` : publicUrl;
  return `${base}#${pagePath.startsWith('/') ? pagePath : `/${pagePath}`}`;
}
