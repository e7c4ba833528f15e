/**
 * IPv4 / IPv6 addresses and CIDR blocks as bigints (IpAddress / NotIpAddress operators).
 * IPv4-mapped IPv6 addresses (::ffff:a.b.c.d) are compared as IPv4.
 */

export interface Cidr {
  version: 4 | 6;
  network: bigint;
  bits: number;
}

function parseIpv4(text: string): bigint | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  let value = 0n;
  for (const part of parts) {
    if (!/^\d{1,3}$/.test(part)) return undefined;
    const n = Number(part);
    if (n > 255) return undefined;
    value = (value << 8n) | BigInt(n);
  }
  return value;
}

function parseIpv6(text: string): bigint | undefined {
  let head = text;
  let tailV4: bigint | undefined;
  const lastColon = text.lastIndexOf(':');
  if (text.includes('.') && lastColon >= 0) {
    tailV4 = parseIpv4(text.slice(lastColon + 1));
    if (tailV4 === undefined) return undefined;
    head = `${text.slice(0, lastColon)}:0:0`;
  }
  const halves = head.split('::');
  if (halves.length > 2) return undefined;
  const left = halves[0] ? halves[0].split(':') : [];
  const right = halves.length === 2 && halves[1] ? halves[1].split(':') : [];
  const missing = 8 - left.length - right.length;
  if ((halves.length === 1 && missing !== 0) || missing < 0) return undefined;
  const groups = [...left, ...Array<string>(halves.length === 2 ? missing : 0).fill('0'), ...right];
  let value = 0n;
  for (const group of groups) {
    if (!/^[0-9a-fA-F]{1,4}$/.test(group)) return undefined;
    value = (value << 16n) | BigInt(parseInt(group, 16));
  }
  if (tailV4 !== undefined) value = (value & ~0xffffffffn) | tailV4;
  return value;
}

const V4_MAPPED_PREFIX = 0xffffn << 32n;

/** Parses an address; IPv4-mapped IPv6 becomes IPv4. */
export function parseIp(text: string): { version: 4 | 6; value: bigint } | undefined {
  const v4 = parseIpv4(text.trim());
  if (v4 !== undefined) return { version: 4, value: v4 };
  const v6 = parseIpv6(text.trim());
  if (v6 === undefined) return undefined;
  if (v6 >> 32n === 0xffffn && (v6 & ~0xffffffffn) === V4_MAPPED_PREFIX) return { version: 4, value: v6 & 0xffffffffn };
  return { version: 6, value: v6 };
}

/** Parses `a.b.c.d/n`, `x::y/n`, or a bare address (a /32 or /128). */
export function parseCidr(text: string): Cidr | undefined {
  const [address, prefix, extra] = text.trim().split('/');
  if (extra !== undefined) return undefined;
  const ip = parseIp(address);
  if (!ip) return undefined;
  const max = ip.version === 4 ? 32 : 128;
  const bits = prefix === undefined ? max : /^\d{1,3}$/.test(prefix) ? Number(prefix) : NaN;
  if (!(bits >= 0 && bits <= max)) return undefined;
  const mask = bits === 0 ? 0n : ((1n << BigInt(bits)) - 1n) << BigInt(max - bits);
  return { version: ip.version, network: ip.value & mask, bits };
}

const parsedAddresses = new Map<string, ReturnType<typeof parseIp>>();

/** parseIp with a bounded cache: request contexts repeat the same source address. */
function parseIpCached(address: string): ReturnType<typeof parseIp> {
  let ip = parsedAddresses.get(address);
  if (ip === undefined && !parsedAddresses.has(address)) {
    if (parsedAddresses.size > 4096) parsedAddresses.clear();
    ip = parseIp(address);
    parsedAddresses.set(address, ip);
  }
  return ip;
}

export function cidrContains(cidr: Cidr, address: string): boolean {
  const ip = parseIpCached(address);
  if (!ip || ip.version !== cidr.version) return false;
  const max = cidr.version === 4 ? 32 : 128;
  const mask = cidr.bits === 0 ? 0n : ((1n << BigInt(cidr.bits)) - 1n) << BigInt(max - cidr.bits);
  return (ip.value & mask) === cidr.network;
}
