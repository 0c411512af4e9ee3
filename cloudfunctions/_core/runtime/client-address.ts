import { isIPv6 } from 'node:net';

/**
 * Where a call came from, for the login throttle: the address the gateway took from the socket (the
 * function's context is set by the platform, never by the caller's event), else inside WeChat the openid.
 * Undefined for in-process calls (tests, the bench), which then have no per-address limit.
 */
export function clientAddressOf(context: unknown, wxOpenId: string | undefined): string | undefined {
  const given = (context as { clientAddress?: unknown } | null | undefined)?.clientAddress;
  if (typeof given === 'string' && given.length > 0) return normaliseAddress(given);
  return wxOpenId ? `wx:${wxOpenId.slice(0, 64)}` : undefined;
}

/** An IPv4-mapped address as IPv4; an IPv6 address by its /64, which one subscriber holds whole. */
export function normaliseAddress(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return mapped[1];
  if (!isIPv6(address)) return address.slice(0, 64);
  const [head, tail = ''] = address.toLowerCase().split('::');
  const front = head ? head.split(':') : [];
  const back = address.includes('::') && tail ? tail.split(':') : [];
  const groups = [...front, ...Array(Math.max(0, 8 - front.length - back.length)).fill('0'), ...back];
  return `${groups.slice(0, 4).map((group) => group.replace(/^0+(?=.)/, '')).join(':')}::/64`;
}
