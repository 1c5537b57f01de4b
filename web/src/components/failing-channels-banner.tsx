// Tells an admin that an alert channel keeps failing (five failed deliveries in a row, no success since), with
// its last error and a link to the Alerts page; shown on the Overview and the Alerts page. Others see nothing.
import { useEffect } from "preact/hooks";
import { t } from "../i18n/locale";
import { formatDateTime } from "../lib/format";
import { alertsModel, failingChannels } from "../models/alerts";
import { roleAtLeast, session } from "../models/session";

export function FailingChannelsBanner({ load = false }: { load?: boolean }) {
  const admin = roleAtLeast(session.role.value, "admin");
  useEffect(() => {
    if (admin && load) alertsModel.loadChannels();
  }, [admin, load]);
  if (!admin) return null;
  const failing = failingChannels(alertsModel.channels.data.value?.items);
  if (failing.length === 0) return null;
  return (
    <div class="notice banner-failing" role="alert" data-testid="failing-channels">
      {failing.map((channel) => (
        <p key={channel.id}>
          {t("alerts.failing", {
            kind: t(`alerts.kind.${channel.kind}`),
            since: formatDateTime(channel.failingSince),
            error: channel.lastError ?? "",
          })}
        </p>
      ))}
      {load && <a href="/alerts">{t("alerts.failingLink")}</a>}
    </div>
  );
}
