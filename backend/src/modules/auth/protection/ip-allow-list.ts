import { BlockList, isIPv4, isIPv6 } from 'node:net';
import { IdentityConfig } from '../../../config/app-config';

/**
 * The staff IP allow-list (STAFF_IP_ALLOWLIST): entries for `*`, `role:<role>` or an account's
 * e-mail. An account with no matching entry may sign in from anywhere.
 */
export function staffIpAllowed(list: IdentityConfig['staffIpAllowList'], account: { email: string; role: string }, ip: string | null): boolean {
  const networks = listedNetworks(list, account);
  return networks.length === 0 || ipInNetworks(networks, ip);
}

/** The networks STAFF_IP_ALLOWLIST gives the account (by `*`, its role or its e-mail); empty when no entry names it. */
export function listedNetworks(list: IdentityConfig['staffIpAllowList'], account: { email: string; role: string }): string[] {
  const subjects = new Set(['*', `role:${account.role}`, account.email.toLowerCase()]);
  return list.filter((e) => subjects.has(e.subject)).flatMap((e) => e.networks);
}

/**
 * An account's own allow-list (`users.ip_allow_list`, set by an admin): empty → anywhere. Checked
 * at sign-in and, through the access token that carries it, on every request.
 */
export function accountIpAllowed(networks: readonly string[] | undefined, ip: string | null): boolean {
  return !networks || networks.length === 0 || ipInNetworks(networks, ip);
}

/** Whether the address is one of the networks (addresses or CIDRs; IPv4-mapped IPv6 counts as IPv4). */
export function ipInNetworks(networks: readonly string[], ip: string | null): boolean {
  if (!ip) return false;
  const address = ip.startsWith('::ffff:') && isIPv4(ip.slice(7)) ? ip.slice(7) : ip;
  const family = isIPv4(address) ? 'ipv4' : isIPv6(address) ? 'ipv6' : null;
  if (!family) return false;
  const block = new BlockList();
  for (const n of networks) {
    const [net, prefix] = n.split('/');
    const netFamily = isIPv4(net) ? 'ipv4' : 'ipv6';
    if (prefix) block.addSubnet(net, Number(prefix), netFamily);
    else block.addAddress(net, netFamily);
  }
  return block.check(address, family);
}

/** A network as an admin may give it: an IPv4/IPv6 address, or one with a prefix length in range; null when not. */
export function normalizeNetwork(raw: string): string | null {
  const [net, prefix, ...rest] = raw.trim().split('/');
  if (rest.length > 0 || !net) return null;
  const family = isIPv4(net) ? 4 : isIPv6(net) ? 6 : 0;
  if (!family) return null;
  if (prefix === undefined) return net.toLowerCase();
  if (!/^\d{1,3}$/.test(prefix) || Number(prefix) > (family === 4 ? 32 : 128)) return null;
  return `${net.toLowerCase()}/${Number(prefix)}`;
}
