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
  | { rule: "endpoint_sunset"; runId: string; account: string; endpoints: SunsetEndpoint[] };
