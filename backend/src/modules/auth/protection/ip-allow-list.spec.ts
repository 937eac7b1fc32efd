import { staffIpAllowed } from './ip-allow-list';

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
