import { BlockList, isIPv4, isIPv6 } from 'node:net';
import { IdentityConfig } from '../../../config/app-config';

/**
 * The staff IP allow-list (STAFF_IP_ALLOWLIST): entries for `*`, `role:<role>` or an account's
 * e-mail. An account with no matching entry may sign in from anywhere.
 */
export function staffIpAllowed(list: IdentityConfig['staffIpAllowList'], account: { email: string; role: string }, ip: string | null): boolean {
  const subjects = new Set(['*', `role:${account.role}`, account.email.toLowerCase()]);
  const entries = list.filter((e) => subjects.has(e.subject));
  if (entries.length === 0) return true;
  if (!ip) return false;
  const address = ip.startsWith('::ffff:') && isIPv4(ip.slice(7)) ? ip.slice(7) : ip;
  const family = isIPv4(address) ? 'ipv4' : isIPv6(address) ? 'ipv6' : null;
  if (!family) return false;
  const block = new BlockList();
  for (const n of entries.flatMap((e) => e.networks)) {
    const [net, prefix] = n.split('/');
    const netFamily = isIPv4(net) ? 'ipv4' : 'ipv6';
    if (prefix) block.addSubnet(net, Number(prefix), netFamily);
    else block.addAddress(net, netFamily);
  }
  return block.check(address, family);
}
