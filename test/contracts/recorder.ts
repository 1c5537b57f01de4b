// A fetch that passes requests through to the simulator and keeps each exchange (method, vendor path, query,
// body; status and answer), so a contract test can check both sides of every call an adapter made.
import type { Vendor, VendorRequestShape } from "./vendor-spec";

export interface Exchange {
  vendor: Vendor;
  request: VendorRequestShape;
  status: number;
  /** The parsed JSON answer; undefined for an empty body (204). */
  response: unknown;
}

/** The simulator serves each vendor host under a prefix; the spec names paths without it. */
const PREFIXES: [string, Vendor][] = [
  ["/ozon", "ozon"],
  ["/wb/statistics", "wb"],
  ["/wb/seller-analytics", "wb"],
  ["/wb/content", "wb"],
  ["/wb/marketplace", "wb"],
];

export function vendorPath(url: URL): { vendor: Vendor; path: string } {
  for (const [prefix, vendor] of PREFIXES) {
    if (url.pathname.startsWith(`${prefix}/`)) return { vendor, path: url.pathname.slice(prefix.length) };
  }
  throw new Error(`not a simulator vendor path: ${url.pathname}`);
}

export function recordingFetch(exchanges: Exchange[]): typeof fetch {
  return async (input, init) => {
    const url = new URL(String(input));
    const method = init?.method ?? "GET";
    const body = typeof init?.body === "string" ? (JSON.parse(init.body) as unknown) : undefined;
    const response = await fetch(input, init);
    const text = await response.text();
    const { vendor, path } = vendorPath(url);
    exchanges.push({
      vendor,
      request: {
        method,
        path,
        query: Object.fromEntries(url.searchParams),
        ...(body !== undefined ? { body } : {}),
      },
      status: response.status,
      response: text === "" ? undefined : (JSON.parse(text) as unknown),
    });
    return new Response(response.status === 204 ? null : text, {
      status: response.status,
      headers: response.headers,
    });
  };
}
