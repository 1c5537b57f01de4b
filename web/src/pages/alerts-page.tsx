// Alerts: a banner when a channel keeps failing (admins), the alert settings, the channels (link Telegram, set
// the signed webhook, test either) and the delivery log. Everyone signed in reads; admins change.
import { useEffect } from "preact/hooks";
import { FailingChannelsBanner } from "../components/failing-channels-banner";
import { LoadState } from "../components/states";
import { t } from "../i18n/locale";
import { alertsModel } from "../models/alerts";
import { roleAtLeast, session } from "../models/session";
import { AlertChannelsSection } from "./alerts/alert-channels";
import { AlertLogSection } from "./alerts/alert-log";
import { AlertSettingsForm } from "./alerts/alert-settings-form";

export default function AlertsPage() {
  useEffect(() => alertsModel.load(), []);
  // The seller links a chat in Telegram and comes back: the channels are read again when the tab is shown.
  useEffect(() => {
    const refresh = () => {
      if (document.visibilityState === "visible") alertsModel.loadChannels();
    };
    document.addEventListener("visibilitychange", refresh);
    return () => document.removeEventListener("visibilitychange", refresh);
  }, []);
  const admin = roleAtLeast(session.role.value, "admin");
  const { settings, channels } = alertsModel;
  return (
    <section class="page">
      <h1>{t("alerts.title")}</h1>
      <FailingChannelsBanner />
      {!admin && <p class="muted">{t("alerts.adminOnly")}</p>}
      <LoadState data={settings.data.value} error={settings.error.value} onRetry={alertsModel.load} rows={4}>
        {(s) => <AlertSettingsForm key={settings.key.value} settings={s} editable={admin} />}
      </LoadState>
      <LoadState
        data={channels.data.value}
        error={channels.error.value}
        onRetry={alertsModel.loadChannels}
        rows={3}
      >
        {(c) => <AlertChannelsSection channels={c} admin={admin} />}
      </LoadState>
      <AlertLogSection rules={settings.data.value?.availableRules ?? []} />
    </section>
  );
}
