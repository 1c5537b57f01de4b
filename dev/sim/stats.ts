// Request log per endpoint (with wall, limiter and simulated timestamps) so tests can check a client's pacing.

import type { EndpointId } from "./endpoints.js";

export interface RequestRecord {
  endpoint: EndpointId;
  method: string;
  path: string;
  status: number;
  /** Wall clock, ms since epoch. */
  at: number;
  /** Rate-limiter clock (scaled ms) when the budget was judged, before the reply was built: compare gaps here against the documented limits. */
  limiterAt: number;
  /** Simulated business time. */
  simTime: string;
  /** Ozon Client-Id or a WB token fingerprint; "" when unauthenticated. */
  principal: string;
  /** Fault kinds that fired on this call. */
  faults: string[];
}

const MAX_RECORDS = 200_000;

export class RequestStats {
  private records: RequestRecord[] = [];

  add(record: RequestRecord): void {
    this.records.push(record);
    if (this.records.length > MAX_RECORDS) this.records = this.records.slice(-MAX_RECORDS / 2);
  }

  clear(): void {
    this.records = [];
  }

  list(endpoint?: EndpointId): RequestRecord[] {
    return endpoint ? this.records.filter((r) => r.endpoint === endpoint) : [...this.records];
  }

  /** Totals per endpoint and per status. */
  summary(): Record<string, { total: number; byStatus: Record<string, number> }> {
    const out: Record<string, { total: number; byStatus: Record<string, number> }> = {};
    for (const r of this.records) {
      const entry = out[r.endpoint] ?? { total: 0, byStatus: {} };
      entry.total++;
      entry.byStatus[r.status] = (entry.byStatus[r.status] ?? 0) + 1;
      out[r.endpoint] = entry;
    }
    return out;
  }
}
