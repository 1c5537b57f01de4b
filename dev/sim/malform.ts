// Damages feed rows on purpose (missing fields, negative numbers, numbers as strings, nulls, type drift).

import type { FaultRule } from "./faults.js";
import type { Random } from "./random.js";

type Mode = "missing" | "negative" | "string" | "null" | "drift";
const MODES: Mode[] = ["missing", "negative", "string", "null", "drift"];

interface Slot {
  owner: Record<string, unknown>;
  key: string;
}

/** Every field of a row and of the objects nested in it (two levels), so nested arrays can be damaged too. */
function slots(row: Record<string, unknown>, depth = 0): Slot[] {
  const out: Slot[] = [];
  for (const [key, value] of Object.entries(row)) {
    out.push({ owner: row, key });
    if (depth >= 2) continue;
    const children = Array.isArray(value) ? value : value && typeof value === "object" ? [value] : [];
    for (const child of children) {
      if (child && typeof child === "object" && !Array.isArray(child)) {
        out.push(...slots(child as Record<string, unknown>, depth + 1));
      }
    }
  }
  return out;
}

function damage(row: Record<string, unknown>, mode: Mode, random: Random): void {
  const all = slots(row);
  const numeric = all.filter((s) => typeof s.owner[s.key] === "number");
  switch (mode) {
    case "missing": {
      const slot = random.pick(all);
      delete slot.owner[slot.key];
      return;
    }
    case "null": {
      const slot = random.pick(all);
      slot.owner[slot.key] = null;
      return;
    }
    case "negative": {
      const slot = numeric.length > 0 ? random.pick(numeric) : undefined;
      if (slot) slot.owner[slot.key] = -Math.abs(slot.owner[slot.key] as number) - 1;
      return;
    }
    case "string": {
      const slot = numeric.length > 0 ? random.pick(numeric) : undefined;
      if (slot) slot.owner[slot.key] = String(slot.owner[slot.key]);
      return;
    }
    case "drift": {
      // Type drift seen in vendor feeds: year-9999 dates, int64 ids as strings, price objects as strings.
      for (const slot of all) {
        const value = slot.owner[slot.key];
        if (typeof value === "string" && /^\d{4}-\d{2}-\d{2}T/.test(value))
          slot.owner[slot.key] = "9999-12-31T23:59:59.999999900Z";
        else if (typeof value === "number" && Number.isInteger(value) && value > 99_999)
          slot.owner[slot.key] = String(value);
        else if (slot.key === "price" && value && typeof value === "object" && "amount" in value) {
          slot.owner[slot.key] = `${Number((value as { amount: string }).amount).toFixed(2)}`;
        }
      }
      return;
    }
  }
}

/**
 * Returns the rows with a share of them damaged (cloned first; the caller's rows are not touched).
 */
export function malformRows<T>(rows: T[], rule: FaultRule, random: Random): T[] {
  const fraction = rule.fraction ?? 0.2;
  return rows.map((row) => {
    if (!row || typeof row !== "object" || random.next() >= fraction) return row;
    const copy = structuredClone(row) as Record<string, unknown>;
    const mode = !rule.mode || rule.mode === "mixed" ? random.pick(MODES) : rule.mode;
    damage(copy, mode, random);
    return copy as T;
  });
}
