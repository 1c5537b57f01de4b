// What the vendors changed up to this month (December 2026), per the vendors' specs and release notes
// (test/contracts/specs/): the simulator's "current" mode serves these; "legacy" mode serves the older behaviour.
import type { EndpointId } from "./endpoints.js";
import type { SimState } from "./state.js";

/** Endpoints the vendors have switched off, and since when (answering 404 with the vendor's body). */
export const CURRENT_SWITCH_OFFS: Partial<Record<EndpointId, string>> = {
  // WB statistics supplier/stocks: deprecated, "removed 23 June" (release note 494; the 2026-08 snapshots lack it).
  "wb.stocks": "2026-06-23T00:00:00+03:00",
};

/** Since this moment WB orders and sales rows name the warehouse "Склад WB РФ" instead of the shipping warehouse. */
export const WB_SALES_AGGREGATED_FROM = Date.parse("2026-08-15T00:00:00+03:00");

export const isCurrent = (state: SimState) => state.config.mode === "current";

/** The moment an endpoint answers as switched off: the config's own date (null = on) wins over the mode's. */
export function switchOffDate(state: SimState, id: EndpointId): string | null {
  if (id in state.config.switchOff) return state.config.switchOff[id] ?? null;
  return isCurrent(state) ? (CURRENT_SWITCH_OFFS[id] ?? null) : null;
}
