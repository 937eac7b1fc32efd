import { accountIpAllowed, normalizeNetwork, staffIpAllowed } from './ip-allow-list';

describe('staffIpAllowed', () => {
  const list = [
    { subject: 'role:admin', networks: ['10.0.0.0/8'] },
    { subject: 'ops@body.gov.ru', networks: ['192.168.1.5'] },
  ];
  const admin = { email: 'root@body.gov.ru', role: 'admin' };

  it('admits an account no entry names, from anywhere', () => {
    expect(staffIpAllowed(list, { email: 'op@body.gov.ru', role: 'operator' }, '8.8.8.8')).toBe(true);
  });

  it('admits a role only from its networks (also IPv4-mapped IPv6)', () => {
    expect(staffIpAllowed(list, admin, '10.20.30.40')).toBe(true);
    expect(staffIpAllowed(list, admin, '::ffff:10.1.1.1')).toBe(true);
    expect(staffIpAllowed(list, admin, '11.0.0.1')).toBe(false);
    expect(staffIpAllowed(list, admin, null)).toBe(false);
  });

  it('admits a named account only from its address', () => {
    expect(staffIpAllowed(list, { email: 'OPS@body.gov.ru', role: 'operator' }, '192.168.1.5')).toBe(true);
    expect(staffIpAllowed(list, { email: 'ops@body.gov.ru', role: 'operator' }, '192.168.1.6')).toBe(false);
  });
});

describe('accountIpAllowed / normalizeNetwork', () => {
  it('admits anywhere with an empty list, else only the listed networks', () => {
    expect(accountIpAllowed([], '8.8.8.8')).toBe(true);
    expect(accountIpAllowed(undefined, null)).toBe(true);
    expect(accountIpAllowed(['127.0.0.0/8'], '127.0.0.1')).toBe(true);
    expect(accountIpAllowed(['127.0.0.0/8'], '::ffff:127.0.0.1')).toBe(true);
    expect(accountIpAllowed(['10.0.0.1'], '127.0.0.1')).toBe(false);
    expect(accountIpAllowed(['10.0.0.1'], null)).toBe(false);
  });

  it('accepts addresses and CIDRs in range, refuses anything else', () => {
    expect(normalizeNetwork(' 10.0.0.0/8 ')).toBe('10.0.0.0/8');
    expect(normalizeNetwork('2001:DB8::/32')).toBe('2001:db8::/32');
    expect(normalizeNetwork('192.168.1.5')).toBe('192.168.1.5');
    for (const bad of ['', '10.0.0.0/33', '10.0.0.0/8/1', 'example.ru', '300.1.1.1', '::/129', '10.0.0.0/-1', '10.0.0.0/ 8']) expect(normalizeNetwork(bad)).toBeNull();
  });
});
