/**
 * Which addresses a URL from a Discord user or a feed may reach: public ones only. Loopback,
 * private, carrier-grade NAT, link-local (and so the cloud metadata service at 169.254.169.254),
 * multicast, reserved and documentation ranges are refused, in IPv4 and IPv6 (IPv4-mapped and
 * NAT64 addresses are judged by the IPv4 address inside). FETCH_ALLOW_HOSTS opens named hosts,
 * addresses or CIDR ranges of a newsroom's intranet; it is empty unless set.
 */
import { BlockList, isIP } from 'node:net';

const BLOCKED_V4 = ['0.0.0.0/8', '10.0.0.0/8', '100.64.0.0/10', '127.0.0.0/8', '169.254.0.0/16', '172.16.0.0/12', '192.0.0.0/24', '192.0.2.0/24', '192.88.99.0/24', '192.168.0.0/16', '198.18.0.0/15', '198.51.100.0/24', '203.0.113.0/24', '224.0.0.0/4', '240.0.0.0/4'];
const BLOCKED_V6 = ['::/128', '::1/128', '100::/64', '2001:db8::/32', 'fc00::/7', 'fe80::/10', 'fec0::/10', 'ff00::/8'];

const blocked = new BlockList();
for (const range of BLOCKED_V4) blocked.addSubnet(range.split('/')[0]!, Number(range.split('/')[1]), 'ipv4');
for (const range of BLOCKED_V6) blocked.addSubnet(range.split('/')[0]!, Number(range.split('/')[1]), 'ipv6');

/** The IPv4 address inside an IPv4-mapped (::ffff:a.b.c.d) or NAT64 (64:ff9b::a.b.c.d) IPv6 address. */
function embeddedV4(address: string): string | null {
  const m = /^(?:::ffff:|64:ff9b::)(?:(\d+\.\d+\.\d+\.\d+)|([0-9a-f]{1,4}):([0-9a-f]{1,4}))$/i.exec(address);
  if (!m) return null;
  if (m[1]) return m[1];
  const hi = parseInt(m[2]!, 16);
  const lo = parseInt(m[3]!, 16);
  return `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;
}

export function isPublicAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return !blocked.check(address, 'ipv4');
  if (family === 6) {
    const v4 = embeddedV4(address);
    if (v4 !== null) return isPublicAddress(v4);
    return !blocked.check(address, 'ipv6');
  }
  return false;
}

export interface AllowList {
  hosts: Set<string>;
  addresses: BlockList;
  /** As configured, for messages. */
  text: string;
}

export class AllowListError extends Error {}

/** "intranet.example, 10.1.2.3, 10.20.0.0/16, fd00::/8" → an allow-list; a malformed entry is an error naming it. */
export function parseAllowList(value: string | undefined): AllowList {
  const list: AllowList = { hosts: new Set(), addresses: new BlockList(), text: value?.trim() ?? '' };
  for (const raw of (value ?? '').split(',').map((s) => s.trim()).filter(Boolean)) {
    const [ip, bits, extra] = raw.split('/');
    const family = isIP(ip!);
    if (family !== 0 && extra === undefined) {
      const type = family === 4 ? 'ipv4' : 'ipv6';
      if (bits === undefined) list.addresses.addAddress(ip!, type);
      else {
        const n = Number(bits);
        if (!Number.isInteger(n) || n < 0 || n > (family === 4 ? 32 : 128)) throw new AllowListError(`"${raw}": the prefix length must be 0–${family === 4 ? 32 : 128}`);
        list.addresses.addSubnet(ip!, n, type);
      }
    } else if (/^(?=.{1,253}$)[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/i.test(raw)) {
      list.hosts.add(raw.toLowerCase());
    } else {
      throw new AllowListError(`"${raw}" is not a host name, an IP address or a CIDR range`);
    }
  }
  return list;
}

export const EMPTY_ALLOW_LIST: AllowList = parseAllowList('');

/** May a connection for `hostname` go to `address`? */
export function addressAllowed(address: string, hostname: string, allow: AllowList): boolean {
  if (isPublicAddress(address)) return true;
  if (allow.hosts.has(hostname.toLowerCase().replace(/\.$/, ''))) return true;
  const family = isIP(address);
  return family !== 0 && allow.addresses.check(embeddedV4(address) ?? address, embeddedV4(address) !== null || family === 4 ? 'ipv4' : 'ipv6');
}
