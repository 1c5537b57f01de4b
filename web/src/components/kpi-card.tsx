// One headline number with its label and an optional note (e.g. the previous period), fixed in size so
// the row of cards does not move when the numbers arrive.
import type { ComponentChildren } from "preact";

interface KpiCardProps {
  label: string;
  value: string | undefined;
  note?: ComponentChildren;
  tone?: "critical" | "low" | "overstock" | "neutral";
  testId?: string;
}

export function KpiCard({ label, value, note, tone = "neutral", testId }: KpiCardProps) {
  return (
    <div class={`kpi kpi-${tone}`} data-testid={testId}>
      <div class="kpi-label">{label}</div>
      <div class="kpi-value">{value ?? <span class="skeleton-inline" aria-busy="true" />}</div>
      <div class="kpi-note">{note ?? "\u00a0"}</div>
    </div>
  );
}
