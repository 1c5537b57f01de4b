// The supply plan's units against "order now" (Recommendations, the Overview), in the reader's language: what
// packs and minimum orders add, what the cover ceiling cuts, and what planning destinations one by one adds
// (one short while another holds stock), with the product that differs most as the example
// (domain/supply-reconciliation.ts; the API's reconciliation).
import type { SupplyReconciliation } from "../api/types";
import { t } from "../i18n/locale";
import { formatMoney, formatNumber } from "../lib/format";

/** "+8", "−3": a difference with its sign, written the language's way. */
function signed(value: number): string {
  return `${value < 0 ? "−" : "+"}${formatNumber(Math.abs(value))}`;
}

/** Up to three names, then "and N more". */
function names(list: readonly string[]): string {
  const shown = list.slice(0, 3).join(", ");
  return list.length > 3 ? `${shown}, ${t("supply.reconcile.more", { n: list.length - 3 })}` : shown;
}

export function SupplyReconciliationNote({ reconciliation }: { reconciliation: SupplyReconciliation }) {
  const { planUnits, orderNowUnits, planValue, orderNowValue, packsAndMinimum, coverCap, destinations } =
    reconciliation;
  const reasons: string[] = [];
  if (packsAndMinimum !== 0) reasons.push(t("supply.reconcile.packs", { n: signed(packsAndMinimum) }));
  if (coverCap !== 0) reasons.push(t("supply.reconcile.cap", { n: signed(coverCap) }));
  if (destinations !== 0) reasons.push(t("supply.reconcile.destinations", { n: signed(destinations) }));
  const example = reconciliation.products.find((p) => p.short.length > 0 && p.surplus.length > 0);
  return (
    <p class="muted small" data-testid="supply-reconciliation">
      {t("supply.reconcile", {
        plan: planUnits,
        now: orderNowUnits,
        planValue: formatMoney(planValue),
        nowValue: formatMoney(orderNowValue),
      })}
      {": "}
      {reasons.length === 0 ? t("supply.reconcile.agree") : reasons.join("; ")}
      {destinations !== 0 && example && (
        <>
          {" "}
          <span translate={false}>
            {t("supply.reconcile.example", {
              article: example.article,
              short: names(example.short),
              surplus: names(example.surplus),
            })}
          </span>
        </>
      )}
    </p>
  );
}
