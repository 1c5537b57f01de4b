// Which stock sources a run has read whole, carried from message to message, and what the finalize step may
// therefore zero.
import { sourceGroupOf, stockAdapter, stockSources } from "../adapters/stock-adapters";
import type { RunContext } from "./run-context";

export interface StockProgress {
  /** Sources (e.g. "ozon.fbo") whose whole listing this run read. */
  completeSources: string[];
  /** The adapters of those sources (every adapter of each complete source's group). */
  zeroEndpoints: string[];
}

export const NO_STOCK_PROGRESS: StockProgress = { completeSources: [], zeroEndpoints: [] };

export function progressOf(message: StockProgress): StockProgress {
  return { completeSources: message.completeSources, zeroEndpoints: message.zeroEndpoints };
}

/** Whether the adapter's pages, read to the end without a gap, list all of its source's stock in this run. */
export function listsWholeSource(endpoint: string, kind: "full" | "incremental", gap: boolean): boolean {
  const adapter = stockAdapter(endpoint);
  return !gap && adapter.listsAllStock && (kind === "full" || adapter.incrementalListsAll);
}

/** The progress once `endpoint` has read its source's whole listing. */
export function withCompleteSource(
  run: RunContext,
  progress: StockProgress,
  endpoint: string,
): StockProgress {
  const source = stockAdapter(endpoint).source;
  if (progress.completeSources.includes(source)) return progress;
  const group = sourceGroupOf(run.marketplace, run.endpoints.stock, endpoint);
  return {
    completeSources: [...progress.completeSources, source],
    zeroEndpoints: [...new Set([...progress.zeroEndpoints, ...group])],
  };
}

/**
 * Finalize's zeroing: nothing when no source was complete; every unseen cell of the account when all were;
 * else only unseen cells last written by the complete sources' adapters (a failed source keeps its cells).
 */
export function zeroingOf(
  run: RunContext,
  progress: StockProgress,
): { zeroUnseen: boolean; zeroEndpoints: string[] | null } {
  if (progress.completeSources.length === 0) return { zeroUnseen: false, zeroEndpoints: null };
  const sources = stockSources(run.marketplace, run.endpoints.stock).map(
    (group) => stockAdapter(group[0] ?? "").source,
  );
  const all = sources.every((source) => progress.completeSources.includes(source));
  return { zeroUnseen: true, zeroEndpoints: all ? null : [...progress.zeroEndpoints] };
}
