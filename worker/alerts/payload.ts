// What an alert says, stored with each delivery and rendered in the organization's language when it is sent
// (texts.ts), and posted as is (with the rule) to webhooks.
export interface CriticalProduct {
  productId: number;
  article: string;
  name: string;
  available: number;
}

export interface RunningOutProduct extends CriticalProduct {
  /** available ÷ forecast velocity, one decimal. */
  daysOfCover: number;
}

export interface SunsetEndpoint {
  adapter: string;
  endpoint: string;
  state: "switched-off" | "switching-off" | "deprecated";
  switchOffOn: string | null;
  replacement: string | null;
}

/** The daily digest of one local date. */
export interface DigestPayload {
  rule: "daily_digest";
  runId: string;
  date: string;
  /** Products to order today, most urgent first (at most 20 listed of `total`), with the suggested units. */
  order: { total: number; products: { article: string; name: string; quantity: number }[] };
  /** Products out of stock now that were not at the previous digest (every one out of stock, at the first). */
  ranOut: { article: string; name: string }[];
  lostYesterdayRub: number;
}

export type AlertPayload =
  | { rule: "product_critical"; runId: string; products: CriticalProduct[] }
  | { rule: "stockout_soon"; runId: string; leadTimeDays: number; products: RunningOutProduct[] }
  | {
      rule: "run_failed";
      runId: string;
      account: string;
      marketplace: string;
      status: "failed" | "partial";
      error: string | null;
    }
  | { rule: "endpoint_sunset"; runId: string; account: string; endpoints: SunsetEndpoint[] }
  | DigestPayload
  | {
      rule: "dead_letter";
      runId: string;
      /** Which dead-letter queue: a sync step (ingest) or an alert delivery (alerts) failed every retry. */
      queue: "ingest" | "alerts";
      /** The account's name, or the channel's kind. */
      about: string;
      reason: string;
    }
  // An admin's test of a channel (POST /api/alerts/channels/{id}/test).
  | { rule: "test"; runId: string };
