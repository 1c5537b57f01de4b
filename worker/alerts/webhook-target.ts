// Where a webhook may be sent: an https URL on a public host. The Worker would otherwise POST, on an admin's
// say-so, to addresses inside the network it runs in (loopback, private ranges, link-local cloud metadata) and
// report what answered. Checked when the URL is saved and again before every send. Plain http to this machine
// is allowed only where the Worker runs locally (tests and `npm run dev`, with SIMULATOR_URL set).
// Host names are judged by their text: a public name that resolves to a private address is left to the
// platform (Workers' fetch does not reach private networks).

const LOCAL_NAMES = new Set(["localhost", "127.0.0.1", "[::1]"]);
const INTERNAL_SUFFIXES = [".localhost", ".local", ".internal", ".home.arpa", ".lan", ".intranet"];

/** IPv4 ranges no alert has business in: [first octets, prefix length]. */
const BLOCKED_V4: Array<[number[], number]> = [
  [[0], 8], // "this network"
  [[10], 8], // private
  [[100, 64], 10], // carrier-grade NAT
  [[127], 8], // loopback
  [[169, 254], 16], // link-local, cloud metadata
  [[172, 16], 12], // private
  [[192, 0, 0], 24], // IETF protocol assignments
  [[192, 168], 16], // private
  [[198, 18], 15], // benchmarking
  [[224], 4], // multicast
  [[240], 4], // reserved, broadcast
];

function ipv4(host: string): number | null {
  const parts = host.split(".");
  if (parts.length !== 4 || parts.some((part) => !/^\d{1,3}$/.test(part) || Number(part) > 255)) return null;
  return parts.reduce((value, part) => value * 256 + Number(part), 0);
}

function blockedV4(address: number): boolean {
  return BLOCKED_V4.some(([octets, prefix]) => {
    const base = [...octets, 0, 0, 0, 0].slice(0, 4).reduce((value, octet) => value * 256 + octet, 0);
    const size = 2 ** (32 - prefix);
    return address >= base && address < base + size;
  });
}

/** Why the host may not receive webhooks, or null. `hostname` is as the URL parser normalized it. */
export function blockedHostReason(hostname: string): string | null {
  const host = hostname.toLowerCase().replace(/\.$/, "");
  if (host.startsWith("[")) return "an IPv6 address literal; use the receiver's host name";
  const address = ipv4(host);
  if (address !== null) return blockedV4(address) ? "a private, loopback or reserved address" : null;
  if (!host.includes(".")) return "a host name without a domain";
  if (host === "localhost" || INTERNAL_SUFFIXES.some((suffix) => host.endsWith(suffix)))
    return "an internal host name";
  return null;
}

/** The URL's problem as "url: …", or null when alerts may be POSTed to it. */
export function webhookUrlProblem(text: string, allowLocalHttp: boolean): string | null {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return "url: expected an absolute URL like https://example.com/mi-alerts";
  }
  if (url.username || url.password) return "url: must not carry a user name or password";
  if (allowLocalHttp && url.protocol === "http:" && LOCAL_NAMES.has(url.hostname)) return null;
  if (url.protocol !== "https:") return "url: must be https://";
  const blocked = blockedHostReason(url.hostname);
  return blocked === null ? null : `url: must be a public host, not ${blocked}`;
}
