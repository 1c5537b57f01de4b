// The alert log: each message to each channel, newest first, with its status, attempts and why it failed (or
// what it said), filtered by status and rule, a page at a time; on a phone the table scrolls in its region.
import type { AlertLogPage } from "../../api/types";
import { Pager } from "../../components/pager";
import { LoadState } from "../../components/states";
import { TableRegion } from "../../components/table-region";
import { t } from "../../i18n/locale";
import type { MessageKey } from "../../i18n/messages-en";
import { formatDateTime } from "../../lib/format";
import { alertsModel } from "../../models/alerts";
import { deliveryReasonText } from "./delivery-reason";
import { ruleLabel } from "./rule-label";

const STATUSES = ["sent", "failed", "dead", "queued"] as const;
const statusLabel = (status: string) => t(`alerts.status.${status}` as MessageKey);

function Filters({ rules }: { rules: string[] }) {
  const filter = alertsModel.filter.value;
  return (
    <div class="toolbar">
      <select
        aria-label={t("alerts.status")}
        value={filter.status}
        onChange={(event) => alertsModel.setFilter({ status: event.currentTarget.value })}
      >
        <option value="">{`${t("alerts.status")}: ${t("common.all")}`}</option>
        {STATUSES.map((status) => (
          <option key={status} value={status}>
            {statusLabel(status)}
          </option>
        ))}
      </select>
      <select
        aria-label={t("alerts.rule")}
        value={filter.rule}
        onChange={(event) => alertsModel.setFilter({ rule: event.currentTarget.value })}
      >
        <option value="">{`${t("alerts.rule")}: ${t("common.all")}`}</option>
        {[...rules, "test"].map((rule) => (
          <option key={rule} value={rule}>
            {ruleLabel(rule)}
          </option>
        ))}
      </select>
    </div>
  );
}

function LogTable({ page }: { page: AlertLogPage }) {
  return (
    <>
      <p class="muted small">{t("alerts.logTotal", { n: page.total })}</p>
      <TableRegion label={t("alerts.log")} phoneCards>
        <table data-testid="alert-log">
          <thead>
            <tr>
              <th>{t("alerts.when")}</th>
              <th>{t("alerts.rule")}</th>
              <th>{t("alerts.channel")}</th>
              <th>{t("alerts.status")}</th>
              <th>{t("alerts.attempts")}</th>
              <th>{t("alerts.message")}</th>
            </tr>
          </thead>
          <tbody>
            {page.items.map((item) => (
              <tr key={item.id} data-status={item.status}>
                <td data-label={t("alerts.when")}>{formatDateTime(item.sentAt ?? item.createdAt)}</td>
                <td data-label={t("alerts.rule")}>{ruleLabel(item.rule)}</td>
                <td data-label={t("alerts.channel")}>{t(`alerts.kind.${item.channelKind}`)}</td>
                <td data-label={t("alerts.status")}>{statusLabel(item.status)}</td>
                <td data-label={t("alerts.attempts")}>{item.attempts}</td>
                <td
                  class="alert-message"
                  data-label={t("alerts.message")}
                  translate={item.reason ? undefined : false}
                >
                  {item.reason ? deliveryReasonText(item.reason) : (item.text ?? "")}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>
      <Pager
        page={page.page}
        pages={Math.max(1, page.pages)}
        onPage={(next) => {
          alertsModel.filter.value = { ...alertsModel.filter.value, page: next };
          alertsModel.loadLog();
        }}
      />
    </>
  );
}

export function AlertLogSection({ rules }: { rules: string[] }) {
  const { log } = alertsModel;
  return (
    <section class="card" data-testid="alert-log-section">
      <h2>{t("alerts.log")}</h2>
      <Filters rules={rules} />
      <LoadState
        data={log.data.value}
        error={log.error.value}
        onRetry={alertsModel.loadLog}
        isEmpty={(d) => d.total === 0}
        empty={t("alerts.logEmpty")}
        rows={5}
      >
        {(page) => <LogTable page={page} />}
      </LoadState>
    </section>
  );
}
