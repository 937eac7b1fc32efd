import { networkOf } from './network';

describe('networkOf', () => {
  it('groups IPv4 addresses by /24 and IPv4-mapped ones with them', () => {
    expect(networkOf('10.1.2.3')).toBe('10.1.2.0/24');
    expect(networkOf('::ffff:10.1.2.200')).toBe('10.1.2.0/24');
    expect(networkOf('10.1.3.3')).not.toBe(networkOf('10.1.2.3'));
  });

  it('groups IPv6 addresses by /48, however they are written', () => {
    expect(networkOf('2001:db8:0:1::5')).toBe('2001:db8:0::/48');
    expect(networkOf('2001:0db8:0000:ffff:0:0:0:1')).toBe('2001:db8:0::/48');
    expect(networkOf('::1')).toBe('0:0:0::/48');
  });

  it('is null for what is not an address', () => {
    expect(networkOf(null)).toBeNull();
    expect(networkOf('localhost')).toBeNull();
  });
});
