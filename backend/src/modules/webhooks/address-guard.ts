import { isIP } from 'node:net';

/**
 * The SSRF guard's address classifier: why an address must not be called from the server
 * (loopback, private, link-local, CGNAT, multicast, unspecified, reserved, a cloud metadata
 * endpoint), or null for a public one. IPv6 forms that carry an IPv4 address (IPv4-mapped
 * `::ffff:a.b.c.d`, IPv4-compatible `::a.b.c.d`, NAT64 `64:ff9b::/96`, 6to4 `2002::/16`) are judged
 * by the IPv4 address they carry, so `::ffff:127.0.0.1` is loopback like `127.0.0.1`.
 */
export type RefusalReason = 'loopback' | 'private' | 'link_local' | 'cgnat' | 'multicast' | 'unspecified' | 'reserved' | 'metadata' | 'invalid';

interface Range {
  base: bigint;
  bits: number;
  reason: RefusalReason;
}

const V4: [string, number, RefusalReason][] = [
  ['169.254.169.254', 32, 'metadata'],
  ['100.100.100.200', 32, 'metadata'],
  ['0.0.0.0', 8, 'unspecified'],
  ['10.0.0.0', 8, 'private'],
  ['100.64.0.0', 10, 'cgnat'],
  ['127.0.0.0', 8, 'loopback'],
  ['169.254.0.0', 16, 'link_local'],
  ['172.16.0.0', 12, 'private'],
  ['192.0.0.0', 24, 'reserved'],
  ['192.0.2.0', 24, 'reserved'],
  ['192.88.99.0', 24, 'reserved'],
  ['192.168.0.0', 16, 'private'],
  ['198.18.0.0', 15, 'reserved'],
  ['198.51.100.0', 24, 'reserved'],
  ['203.0.113.0', 24, 'reserved'],
  ['224.0.0.0', 4, 'multicast'],
  ['240.0.0.0', 4, 'reserved'],
];

const V6: [string, number, RefusalReason][] = [
  ['fd00:ec2::254', 128, 'metadata'],
  ['::', 128, 'unspecified'],
  ['::1', 128, 'loopback'],
  ['100::', 64, 'reserved'],
  ['2001::', 32, 'reserved'], // Teredo: tunnels to an address we cannot see
  ['2001:db8::', 32, 'reserved'],
  ['fc00::', 7, 'private'],
  ['fe80::', 10, 'link_local'],
  ['fec0::', 10, 'private'],
  ['ff00::', 8, 'multicast'],
];

const v4Ranges: Range[] = V4.map(([a, bits, reason]) => ({ base: parseV4(a)!, bits, reason }));
const v6Ranges: Range[] = V6.map(([a, bits, reason]) => ({ base: parseV6(a)!, bits, reason }));

function inRange(value: bigint, width: number, r: Range): boolean {
  const shift = BigInt(width - r.bits);
  return value >> shift === r.base >> shift;
}

export function parseV4(text: string): bigint | null {
  const parts = text.split('.');
  if (parts.length !== 4) return null;
  let value = 0n;
  for (const p of parts) {
    if (!/^\d{1,3}$/.test(p) || Number(p) > 255) return null;
    value = (value << 8n) | BigInt(p);
  }
  return value;
}

/** 128-bit value of an IPv6 address (with `::` and a trailing dotted IPv4; no zone id), or null. */
export function parseV6(text: string): bigint | null {
  if (isIP(text) !== 6) return null;
  let head = text;
  let tailV4: bigint | null = null;
  const lastColon = text.lastIndexOf(':');
  if (text.slice(lastColon + 1).includes('.')) {
    tailV4 = parseV4(text.slice(lastColon + 1));
    if (tailV4 === null) return null;
    head = `${text.slice(0, lastColon + 1)}0:0`;
  }
  const [left, right] = head.split('::');
  const l = left ? left.split(':') : [];
  const r = right !== undefined && right !== '' ? right.split(':') : [];
  const missing = 8 - l.length - r.length;
  const groups = head.includes('::') ? [...l, ...Array<string>(missing).fill('0'), ...r] : l;
  if (groups.length !== 8) return null;
  let value = 0n;
  for (const g of groups) value = (value << 16n) | BigInt(parseInt(g, 16));
  if (tailV4 !== null) value = (value & ~0xffffffffn) | tailV4;
  return value;
}

/** The IPv4 address an IPv6 address carries (mapped, compatible, NAT64, 6to4), or null. */
function embeddedV4(v6: bigint): bigint | null {
  const top96 = v6 >> 32n;
  if (top96 === 0xffffn) return v6 & 0xffffffffn; // ::ffff:a.b.c.d
  if (top96 === 0n && v6 > 1n) return v6 & 0xffffffffn; // ::a.b.c.d (deprecated compatible form)
  if (top96 === 0x0064ff9b0000000000000000n) return v6 & 0xffffffffn; // 64:ff9b::/96 NAT64
  if (v6 >> 112n === 0x2002n) return (v6 >> 80n) & 0xffffffffn; // 2002:AABB:CCDD::/48 6to4
  return null;
}

/** Why this literal address may not be called (see the type), or null when it is public. */
export function refusalOf(address: string): RefusalReason | null {
  const bare = address.startsWith('[') && address.endsWith(']') ? address.slice(1, -1) : address;
  const v4 = parseV4(bare);
  if (v4 !== null) return classifyV4(v4);
  if (bare.includes('%')) return 'link_local'; // a zone id only scopes link-local addresses
  const v6 = parseV6(bare);
  if (v6 === null) return 'invalid';
  for (const r of v6Ranges) if (inRange(v6, 128, r)) return r.reason;
  const carried = embeddedV4(v6);
  if (carried !== null) return classifyV4(carried);
  return null;
}

function classifyV4(v4: bigint): RefusalReason | null {
  if (v4 === 0xffffffffn) return 'reserved'; // broadcast (also in 240/4)
  for (const r of v4Ranges) if (inRange(v4, 32, r)) return r.reason;
  return null;
}

/** An entry of WEBHOOK_ALLOW_LIST: a network (CIDR or one address) or a host name. */
export type AllowEntry = { kind: 'network'; v6: boolean; base: bigint; bits: number } | { kind: 'host'; name: string };

/** Parses one allow-list entry; throws with a message naming the entry. */
export function parseAllowEntry(raw: string): AllowEntry {
  const entry = raw.trim().toLowerCase();
  const [addr, bitsText] = entry.split('/');
  const v4 = parseV4(addr);
  const v6 = v4 === null ? parseV6(addr.replace(/^\[|\]$/g, '')) : null;
  if (v4 !== null || v6 !== null) {
    const width = v4 !== null ? 32 : 128;
    const bits = bitsText === undefined ? width : Number(bitsText);
    if (!/^\d{1,3}$/.test(bitsText ?? String(width)) || bits > width) throw new Error(`"${raw}" has an invalid prefix length`);
    return { kind: 'network', v6: v4 === null, base: (v4 ?? v6)!, bits };
  }
  if (bitsText !== undefined || !/^(?=.{1,253}$)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/.test(entry)) {
    throw new Error(`"${raw}" is neither an address, a CIDR network nor a host name`);
  }
  return { kind: 'host', name: entry };
}

/** What the guard allows besides public addresses (on-premise receivers). */
export class AllowList {
  constructor(readonly entries: readonly AllowEntry[]) {}

  static parse(text: string): AllowList {
    return new AllowList(
      text
        .split(',')
        .map((e) => e.trim())
        .filter(Boolean)
        .map(parseAllowEntry),
    );
  }

  hostAllowed(hostname: string): boolean {
    const name = hostname.toLowerCase().replace(/\.$/, '');
    return this.entries.some((e) => e.kind === 'host' && e.name === name);
  }

  addressAllowed(address: string): boolean {
    const bare = address.replace(/^\[|\]$/g, '');
    const v4 = parseV4(bare);
    const v6 = v4 === null ? parseV6(bare) : null;
    return this.entries.some((e) => {
      if (e.kind !== 'network') return false;
      if (!e.v6 && v4 !== null) return inRange(v4, 32, { base: e.base, bits: e.bits, reason: 'private' });
      if (e.v6 && v6 !== null) return inRange(v6, 128, { base: e.base, bits: e.bits, reason: 'private' });
      return false;
    });
  }
}

/** Raised when the guard refuses a destination: not retried as a network hiccup would be, but recorded as the attempt's error. */
export class DestinationRefused extends Error {
  constructor(
    readonly host: string,
    readonly address: string,
    readonly reason: RefusalReason,
  ) {
    super(`destination refused: ${host} resolves to ${address} (${reason})`);
    this.name = 'DestinationRefused';
  }
}

/**
 * Checks one address the destination `host` resolved (or is): throws DestinationRefused unless it
 * is public or allow-listed (by the host's name or by the address's network).
 */
export function checkAddress(host: string, address: string, allow: AllowList): void {
  if (allow.hostAllowed(host) || allow.addressAllowed(address)) return;
  const reason = refusalOf(address);
  if (reason) throw new DestinationRefused(host, address, reason);
}
