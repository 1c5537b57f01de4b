// Fault rules (by probability or by call number) and how they are chosen for each call to an endpoint.

import { z } from "zod";
import { ENDPOINT_IDS, type EndpointId } from "./endpoints.js";
import type { Random } from "./random.js";

export const FAULT_KINDS = [
  // Whole-response faults: the call returns this instead of data.
  "rate_limit",
  "server_error",
  "gateway_timeout_html",
  "non_json",
  "circle_open",
  "maintenance",
  "switched_off",
  // A delay before the (otherwise normal or faulty) response.
  "slow",
  // Data faults: the response has data, but something is off.
  "malformed_rows",
  "shift_rows",
  // The listing's order changes (served reversed, as if its sort key moved) for the calls it fires on.
  "reorder_rows",
  "repeat_boundary",
  "repeat_cursor",
  "has_next_false_with_cursor",
  "empty_cursor",
] as const;

export type FaultKind = (typeof FAULT_KINDS)[number];

export const faultRuleSchema = z
  .strictObject({
    endpoint: z.union([z.enum(ENDPOINT_IDS), z.literal("*")]),
    kind: z.enum(FAULT_KINDS),
    /** Probability per call, drawn from the seeded fault generator. */
    rate: z.number().min(0).max(1).optional(),
    /** 1-based call numbers (counted per endpoint since the faults were last set). */
    calls: z.array(z.number().int().positive()).optional(),
    /** An inclusive range of call numbers; from alone means that call and every later one. */
    from: z.number().int().positive().optional(),
    to: z.number().int().positive().optional(),
    /** server_error / circle_open / maintenance status (defaults 500 / 503 / 503). */
    status: z.number().int().min(400).max(599).optional(),
    /** slow: delay before answering. */
    delayMs: z.number().int().min(0).max(600_000).optional(),
    /** rate_limit on WB: "problem" (problem+json) or "errors" ({"errors":["(api-new) too many requests"]}). */
    form: z.enum(["problem", "errors"]).optional(),
    /** malformed_rows: share of rows damaged (default 0.2) and how. */
    fraction: z.number().min(0).max(1).optional(),
    mode: z.enum(["missing", "negative", "string", "null", "drift", "mixed"]).optional(),
    /** shift_rows: rows inserted (+) or removed (-) before the page offset (default 1). */
    by: z.number().int().optional(),
    /** repeat_boundary: rows of the previous page repeated at the start (default 1). */
    count: z.number().int().positive().optional(),
    /** non_json: the body to send (default an nginx-style text). */
    body: z.string().optional(),
  })
  .refine((rule) => rule.rate !== undefined || rule.calls !== undefined || rule.from !== undefined, {
    message: "a fault needs rate, calls or from/to",
    path: ["rate"],
  })
  .refine((rule) => rule.to === undefined || (rule.from !== undefined && rule.to >= rule.from), {
    message: "to needs from and must not be below it",
    path: ["to"],
  });

export const faultsSchema = z.strictObject({ rules: z.array(faultRuleSchema) });

export type FaultRule = z.infer<typeof faultRuleSchema>;

export const RESPONSE_FAULTS: ReadonlySet<FaultKind> = new Set([
  "rate_limit",
  "server_error",
  "gateway_timeout_html",
  "non_json",
  "circle_open",
  "maintenance",
  "switched_off",
]);

/** Holds the active rules and counts calls per endpoint for call-number rules. */
export class FaultBook {
  rules: FaultRule[] = [];
  private readonly calls = new Map<EndpointId, number>();

  constructor(private random: Random) {}

  set(rules: FaultRule[], random: Random): void {
    this.rules = rules;
    this.random = random;
    this.calls.clear();
  }

  callCounts(): Record<string, number> {
    return Object.fromEntries(this.calls);
  }

  /** Counts the call and returns the rules that fire on it, in rule order. */
  select(endpoint: EndpointId): { call: number; fired: FaultRule[] } {
    const call = (this.calls.get(endpoint) ?? 0) + 1;
    this.calls.set(endpoint, call);
    const fired: FaultRule[] = [];
    for (const rule of this.rules) {
      if (rule.endpoint !== "*" && rule.endpoint !== endpoint) continue;
      const byCall =
        (rule.calls?.includes(call) ?? false) ||
        (rule.from !== undefined && call >= rule.from && call <= (rule.to ?? Number.POSITIVE_INFINITY));
      // Draw for every rate rule on every matching call, so the sequence depends only on the call order.
      const byRate = rule.rate !== undefined && this.random.next() < rule.rate;
      if (byCall || byRate) fired.push(rule);
    }
    return { call, fired };
  }
}
