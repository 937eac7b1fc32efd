import { AllowList, checkAddress, DestinationRefused, parseAllowEntry, parseV6, refusalOf } from './address-guard';
import { guardedLookup, receiverUrlProblem } from './webhook-http';

describe('the SSRF guard address classifier', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.255.255.254', 'loopback'],
    ['10.0.0.1', 'private'],
    ['10.255.255.255', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.1.1', 'private'],
    ['169.254.1.1', 'link_local'],
    ['169.254.169.254', 'metadata'],
    ['100.100.100.200', 'metadata'],
    ['100.64.0.1', 'cgnat'],
    ['100.127.255.255', 'cgnat'],
    ['224.0.0.1', 'multicast'],
    ['239.255.255.250', 'multicast'],
    ['0.0.0.0', 'unspecified'],
    ['0.1.2.3', 'unspecified'],
    ['255.255.255.255', 'reserved'],
    ['240.0.0.1', 'reserved'],
    ['192.0.2.10', 'reserved'],
    ['198.18.0.1', 'reserved'],
    ['::', 'unspecified'],
    ['::1', 'loopback'],
    ['fc00::1', 'private'],
    ['fd12:3456::1', 'private'],
    ['fd00:ec2::254', 'metadata'],
    ['fe80::1', 'link_local'],
    ['fe80::1%eth0', 'link_local'],
    ['febf::1', 'link_local'],
    ['ff02::1', 'multicast'],
    ['2001:db8::1', 'reserved'],
    ['[::1]', 'loopback'],
  ])('refuses %s (%s)', (address, reason) => {
    expect(refusalOf(address)).toBe(reason);
  });

  it.each([
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:7f00:1', 'loopback'],
    ['::ffff:10.1.2.3', 'private'],
    ['::ffff:169.254.169.254', 'metadata'],
    ['::ffff:a9fe:a9fe', 'metadata'],
    ['::ffff:100.64.1.1', 'cgnat'],
    ['::ffff:0.0.0.0', 'unspecified'],
    ['0:0:0:0:0:ffff:192.168.0.1', 'private'],
    ['::127.0.0.1', 'loopback'],
    ['64:ff9b::a9fe:a9fe', 'metadata'],
    ['64:ff9b::10.0.0.1', 'private'],
    ['2002:7f00:1::', 'loopback'],
    ['2002:c0a8:101::1', 'private'],
  ])('refuses the IPv4 an IPv6 form carries: %s (%s)', (address, reason) => {
    expect(refusalOf(address)).toBe(reason);
  });

  it.each(['8.8.8.8', '1.1.1.1', '77.88.8.8', '172.32.0.1', '172.15.255.255', '100.128.0.1', '169.253.255.255', '192.169.0.1', '2a02:6b8::2:242', '2001:4860:4860::8888', '::ffff:8.8.8.8', '64:ff9b::808:808', '2002:808:808::1'])(
    'lets the public %s through',
    (address) => {
      expect(refusalOf(address)).toBeNull();
    },
  );

  it('calls anything that is not an address invalid', () => {
    expect(refusalOf('localhost')).toBe('invalid');
    expect(refusalOf('256.1.1.1')).toBe('invalid');
    expect(refusalOf('1.2.3')).toBe('invalid');
    expect(refusalOf('::g')).toBe('invalid');
  });

  it('parses IPv6 with and without ::', () => {
    expect(parseV6('::1')).toBe(1n);
    expect(parseV6('1::')).toBe(1n << 112n);
    expect(parseV6('1:2:3:4:5:6:7:8')).toBe(0x00010002000300040005000600070008n);
    expect(parseV6('::ffff:1.2.3.4')).toBe(0xffff01020304n);
  });
});

describe('the allow-list', () => {
  const sut = AllowList.parse('10.20.0.0/16, 192.168.5.7, fd00:1::/32, sed.body.local');

  it('lets allow-listed networks and names through, nothing else', () => {
    expect(() => checkAddress('x.example', '10.20.3.4', sut)).not.toThrow();
    expect(() => checkAddress('x.example', '192.168.5.7', sut)).not.toThrow();
    expect(() => checkAddress('x.example', 'fd00:1:2::1', sut)).not.toThrow();
    expect(() => checkAddress('sed.body.local', '10.99.0.1', sut)).not.toThrow();
    expect(() => checkAddress('SED.body.local.', '127.0.0.1', sut)).not.toThrow();
    expect(() => checkAddress('x.example', '10.21.0.1', sut)).toThrow(DestinationRefused);
    expect(() => checkAddress('x.example', '192.168.5.8', sut)).toThrow(DestinationRefused);
    expect(() => checkAddress('other.body.local', '10.99.0.1', sut)).toThrow('destination refused: other.body.local resolves to 10.99.0.1 (private)');
  });

  it('refuses malformed entries', () => {
    expect(() => parseAllowEntry('10.0.0.0/33')).toThrow('invalid prefix length');
    expect(() => parseAllowEntry('host name')).toThrow('neither');
    expect(() => parseAllowEntry('x/8')).toThrow('neither');
  });
});

describe('receiver URLs', () => {
  const config = { allowHttp: false, allowList: AllowList.parse('localhost') };

  it('requires https unless allowed, and a public literal address', () => {
    expect(receiverUrlProblem('https://sed.example.ru/hook', config)).toBeNull();
    expect(receiverUrlProblem('http://sed.example.ru/hook', config)).toBe('https_required');
    expect(receiverUrlProblem('http://sed.example.ru/hook', { ...config, allowHttp: true })).toBeNull();
    expect(receiverUrlProblem('ftp://sed.example.ru/', config)).toBe('https_required');
    expect(receiverUrlProblem('not a url', config)).toBe('not_a_url');
    expect(receiverUrlProblem('https://u:p@sed.example.ru/', config)).toBe('credentials_in_url');
    expect(receiverUrlProblem('https://127.0.0.1:8443/', config)).toBe('address_loopback');
    expect(receiverUrlProblem('https://169.254.169.254/latest/meta-data', config)).toBe('address_metadata');
    expect(receiverUrlProblem('https://[::ffff:10.0.0.1]/', config)).toBe('address_private');
    expect(receiverUrlProblem('https://[fd00:ec2::254]/', config)).toBe('address_metadata');
    // Names are judged when resolved, at each connection.
    expect(receiverUrlProblem('https://intranet/', config)).toBeNull();
    expect(receiverUrlProblem('https://localhost:8443/', config)).toBeNull();
  });
});

describe('the guarded lookup', () => {
  const lookup = (allow: string, host: string, all: boolean) =>
    new Promise<{ error: Error | null; address: unknown }>((resolve) => guardedLookup(AllowList.parse(allow))(host, { all }, (error, address) => resolve({ error, address })));

  it('refuses a name that resolves to a private address, and answers the checked address otherwise', async () => {
    const refused = await lookup('', 'localhost', false);
    expect(refused.error).toBeInstanceOf(DestinationRefused);
    const allowed = await lookup('localhost', 'localhost', false);
    expect(allowed.error).toBeNull();
    expect(allowed.address).toBe('127.0.0.1');
    const all = await lookup('localhost', 'localhost', true);
    expect(all.address).toContainEqual({ address: '127.0.0.1', family: 4 });
  });
});
