// Warehouses: canonical warehouses with their stock, and warehouse names from the marketplaces that
// await review, each mappable to a canonical warehouse of its marketplace (operator).
import { useSignal } from "@preact/signals";
import { useEffect } from "preact/hooks";
import type { WarehouseAlias } from "../api/types";
import { ErrorState, errorText, LoadState } from "../components/states";
import { TableRegion } from "../components/table-region";
import { t } from "../i18n/locale";
import { formatNumber, formatPercent } from "../lib/format";
import { roleAtLeast, session } from "../models/session";
import { warehousesModel } from "../models/warehouses";

function AliasRow({ alias, canMap }: { alias: WarehouseAlias; canMap: boolean }) {
  const choice = useSignal<string>(alias.provisional ? "" : String(alias.warehouseId));
  const options = warehousesModel.canonical.value.filter((w) => w.marketplace === alias.marketplace);
  return (
    <tr data-testid="alias-row" data-alias-id={alias.id}>
      <td>
        <span class={`mp mp-${alias.marketplace}`}>{t(`mp.${alias.marketplace}`)}</span>
      </td>
      <td class="name">{alias.alias}</td>
      <td>
        {alias.warehouse} {alias.provisional && <span class="muted small">({t("wh.provisional")})</span>}
      </td>
      <td class="num">{formatPercent(alias.confidence)}</td>
      <td>
        {canMap ? (
          <form
            class="toolbar"
            onSubmit={(event) => {
              event.preventDefault();
              if (choice.value) void warehousesModel.mapAlias(alias.id, Number(choice.value));
            }}
          >
            <select
              aria-label={t("wh.mapTo")}
              value={choice.value}
              onChange={(e) => (choice.value = e.currentTarget.value)}
              data-testid="alias-target"
            >
              <option value="">{t("wh.mapTo")}…</option>
              {options.map((w) => (
                <option key={w.id} value={w.id}>
                  {w.name}
                </option>
              ))}
            </select>
            <button
              type="submit"
              class="button small"
              disabled={!choice.value || warehousesModel.mapping.value === alias.id}
              data-testid="alias-map"
            >
              {t("wh.map")}
            </button>
          </form>
        ) : (
          "—"
        )}
      </td>
    </tr>
  );
}

export default function WarehousesPage() {
  const scope = session.dataScope.value;
  useEffect(() => warehousesModel.load(), [scope]);
  const { warehouses, aliases, mapError, lastMapped } = warehousesModel;
  const canMap = roleAtLeast(session.role.value, "operator");
  return (
    <section class="page">
      <h1>{t("wh.title")}</h1>
      <section class="card" data-testid="aliases">
        <h2>{t("wh.aliases")}</h2>
        {!canMap && <p class="muted small">{t("wh.operatorOnly")}</p>}
        {lastMapped.value && (
          <p class="notice" role="status" data-testid="alias-mapped">
            {t("wh.mapped", lastMapped.value)}
          </p>
        )}
        {mapError.value && (
          <p class="form-error" role="alert">
            {errorText(mapError.value)}
          </p>
        )}
        <LoadState
          data={aliases.data.value}
          error={aliases.error.value}
          onRetry={warehousesModel.load}
          isEmpty={(d) => d.items.length === 0}
          empty={t("wh.aliasesEmpty")}
        >
          {(d) => (
            <TableRegion label={t("wh.aliases")}>
              <table>
                <thead>
                  <tr>
                    <th>{t("col.marketplace")}</th>
                    <th>{t("wh.alias")}</th>
                    <th>{t("wh.current")}</th>
                    <th class="num">{t("wh.confidence")}</th>
                    <th>{t("wh.mapTo")}</th>
                  </tr>
                </thead>
                <tbody>
                  {d.items.map((alias) => (
                    <AliasRow key={alias.id} alias={alias} canMap={canMap} />
                  ))}
                </tbody>
              </table>
            </TableRegion>
          )}
        </LoadState>
      </section>
      <section class="card">
        <h2>{t("wh.canonical")}</h2>
        {warehouses.error.value && !warehouses.data.value ? (
          <ErrorState error={warehouses.error.value} onRetry={warehousesModel.load} />
        ) : (
          <LoadState data={warehouses.data.value} error={null} isEmpty={(d) => d.items.length === 0}>
            {(d) => (
              <TableRegion label={t("wh.canonical")}>
                <table data-testid="warehouses">
                  <thead>
                    <tr>
                      <th>{t("col.marketplace")}</th>
                      <th>{t("col.warehouse")}</th>
                      <th>{t("col.region")}</th>
                      <th class="num">{t("col.products")}</th>
                      <th class="num">{t("col.available")}</th>
                      <th class="num">{t("col.reserved")}</th>
                      <th class="num">{t("col.inTransit")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {d.items.map((w) => (
                      <tr key={w.id}>
                        <td>
                          <span class={`mp mp-${w.marketplace}`}>{t(`mp.${w.marketplace}`)}</span>
                        </td>
                        <td class="name">
                          {w.name} {w.provisional && <span class="muted small">({t("wh.provisional")})</span>}
                        </td>
                        <td>{w.region ?? w.cluster ?? "—"}</td>
                        <td class="num">{formatNumber(w.products)}</td>
                        <td class="num">{formatNumber(w.available)}</td>
                        <td class="num">{formatNumber(w.reserved)}</td>
                        <td class="num">{formatNumber(w.inTransit)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableRegion>
            )}
          </LoadState>
        )}
      </section>
    </section>
  );
}
