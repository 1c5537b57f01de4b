// What kind of trouble a retrying or failed sync run is in, which decides what the dashboard tells the seller
// to do: check the key, wait for the marketplace, or contact support with the run id.
import type { Run } from "../api/types";

/** What the seller can do about a run's last error. */
export type RunTroubleKind = "key" | "vendor" | "support";

/** Marketplace answers that pass by themselves: an outage, a timeout, a rate limit, an open circuit. */
const VENDOR_CODES = new Set(["SERVER_ERROR", "TIMEOUT", "NETWORK", "RATE_LIMITED", "CIRCUIT_OPEN"]);

/**
 * The kind of trouble a run is in, from its newest issue: a refused key is the seller's to fix; a marketplace
 * outage (and a failed step while it is still being retried) passes by itself; anything else, or a run that
 * gave up after every retry, needs support.
 */
export function runTroubleOf(run: Pick<Run, "status" | "retrying" | "lastIssue">): RunTroubleKind {
  const code = run.lastIssue?.code;
  if (code === "UNAUTHORIZED") return "key";
  if (code && VENDOR_CODES.has(code)) return "vendor";
  if (code === "STEP_FAILED" && run.status === "running") return "vendor";
  return "support";
}
