// The least wall time the vendors' published limits allow for the requests a sync made: from the simulator's
// request log (/_sim/stats), each token bucket (endpoint × principal, and Ozon's shared quota per Client-Id)
// starts full and refills at its documented rate; n requests through a bucket of burst b need (n − b) refill
// intervals. Buckets refill side by side, so the floor is the slowest bucket's, on the simulator's time scale.
import { ENDPOINTS, type EndpointId, OZON_GLOBAL_LIMIT } from "../../dev/sim/endpoints";
import type { LimitSpec } from "../../dev/sim/rate-limit";
import type { RequestRecord } from "../../dev/sim/stats";

export interface RateFloor {
  /** Wall seconds: the slowest bucket's refill time divided by the time scale. */
  seconds: number;
  /** The bucket that sets it, and its request count. */
  bucket: string;
  requests: number;
  /** Requests the simulator answered 429 (the client came too early). */
  throttled: number;
}

const refillMs = (spec: LimitSpec, n: number) =>
  (Math.max(0, n - spec.burst) * spec.periodSeconds * 1000) / spec.requests;

export function rateLimitFloor(records: readonly RequestRecord[], timeScale: number): RateFloor {
  const served = records.filter((r) => r.status !== 429);
  const buckets = new Map<string, { spec: LimitSpec; n: number }>();
  const count = (key: string, spec: LimitSpec) => {
    const bucket = buckets.get(key) ?? { spec, n: 0 };
    bucket.n++;
    buckets.set(key, bucket);
  };
  for (const r of served) {
    const info = ENDPOINTS[r.endpoint as EndpointId];
    if (!info) continue;
    if (info.vendor === "ozon") count(`ozon:${r.principal}`, OZON_GLOBAL_LIMIT);
    if (info.limit) count(`${r.endpoint}:${r.principal}`, info.limit);
  }
  let floor: RateFloor = { seconds: 0, bucket: "none", requests: 0, throttled: 0 };
  for (const [key, { spec, n }] of buckets) {
    const seconds = refillMs(spec, n) / timeScale / 1000;
    if (seconds > floor.seconds) floor = { seconds, bucket: key, requests: n, throttled: 0 };
  }
  return { ...floor, throttled: records.length - served.length };
}

/** The simulator's request log since it was last cleared. */
export async function simulatorRequests(simUrl: string): Promise<RequestRecord[]> {
  const response = await fetch(`${simUrl}/_sim/stats`);
  if (!response.ok) throw new Error(`simulator stats: HTTP ${response.status}`);
  return ((await response.json()) as { requests: RequestRecord[] }).requests;
}
