import { clientAddressOf, normaliseAddress } from './client-address';

describe('client address', () => {
  it('should take the address the gateway put in the context, before the openid', () => {
    expect(clientAddressOf({ source: 'gateway', clientAddress: '203.0.113.7' }, 'openid-1')).toBe('203.0.113.7');
  });

  it('should fall back to the WeChat openid, and to nothing for an in-process call', () => {
    expect(clientAddressOf({}, 'openid-1')).toBe('wx:openid-1');
    expect(clientAddressOf(undefined, undefined)).toBeUndefined();
    expect(clientAddressOf({ clientAddress: 42 }, undefined)).toBeUndefined();
  });

  it('should read an IPv4-mapped address as IPv4', () => {
    expect(normaliseAddress('::ffff:127.0.0.1')).toBe('127.0.0.1');
  });

  it('should group an IPv6 address by its /64, however it is written', () => {
    expect(normaliseAddress('2001:db8:0:1::5')).toBe('2001:db8:0:1::/64');
    expect(normaliseAddress('2001:0db8:0000:0001:ffff:1:2:3')).toBe('2001:db8:0:1::/64');
    expect(normaliseAddress('::1')).toBe('0:0:0:0::/64');
  });
});
