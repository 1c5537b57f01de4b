// What an alert says, stored with each delivery and rendered in the organization's language when it is sent
// (texts.ts), and posted as is (with the rule) to webhooks.
export interface CriticalProduct {
  productId: number;
  article: string;
  name: string;
  available: number;
}

export interface SunsetEndpoint {
  adapter: string;
  endpoint: string;
  state: "switched-off" | "switching-off" | "deprecated";
  switchOffOn: string | null;
  replacement: string | null;
}

export type AlertPayload =
  | { rule: "product_critical"; runId: string; products: CriticalProduct[] }
  | {
      rule: "run_failed";
      runId: string;
      account: string;
      marketplace: string;
      status: "failed" | "partial";
      error: string | null;
    }
  | { rule: "endpoint_sunset"; runId: string; account: string; endpoints: SunsetEndpoint[] }
  // An admin's test of a channel (POST /api/alerts/channels/{id}/test).
  | { rule: "test"; runId: string };
