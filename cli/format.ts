// Plain-text output helpers: aligned tables, thousands separators, ages ("5m ago") and durations.

export const int = (n: number) => Math.round(n).toLocaleString("en-US");

/** "just now", "45s ago", "12m ago", "3h 5m ago", "2d 4h ago"; "never" for null. */
export function age(iso: string | null | undefined, nowMs: number): string {
  if (!iso) return "never";
  const ms = nowMs - Date.parse(iso);
  if (!Number.isFinite(ms)) return "?";
  if (ms < 5_000) return "just now";
  const s = Math.floor(ms / 1000);
  if (s < 60) return `${s}s ago`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m ago`;
  const h = Math.floor(m / 60);
  if (h < 24) return `${h}h ${m % 60}m ago`;
  return `${Math.floor(h / 24)}d ${h % 24}h ago`;
}

/** 850 → "850 ms", 12_300 → "12.3 s", 185_000 → "3m 05s". */
export function duration(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return "–";
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const s = Math.round(ms / 1000);
  return `${Math.floor(s / 60)}m ${String(s % 60).padStart(2, "0")}s`;
}

/** Columns padded to their widest cell; numbers (cells starting with a digit or "–") right-aligned. */
export function table(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const numeric = headers.map(
    (_, i) => rows.length > 0 && rows.every((r) => /^(-?[\d,.]+%?|–)$/.test(r[i] ?? "")),
  );
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, i) => (numeric[i] ? cell.padStart(widths[i] ?? 0) : cell.padEnd(widths[i] ?? 0)))
      .join("  ")
      .trimEnd();
  return [line(headers), ...rows.map(line)].join("\n");
}

/** "key: value" lines with the keys aligned. */
export function fields(pairs: readonly (readonly [string, string])[]): string {
  const width = Math.max(...pairs.map(([key]) => key.length));
  return pairs.map(([key, value]) => `${`${key}:`.padEnd(width + 1)} ${value}`).join("\n");
}
