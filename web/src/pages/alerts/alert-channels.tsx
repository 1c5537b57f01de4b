// The alert channels: a Telegram chat (linked with a one-time code: a copyable t.me link or the /start command)
// and a signed webhook (its secret shown once, with where to read how to verify it). Each shows whether it is
// linked, enabled and failing; admins enable, disable, test (the outcome shown beside it) or delete it.
import { useSignal } from "@preact/signals";
import type { AlertChannel, AlertChannels } from "../../api/types";
import { errorText } from "../../components/states";
import { t } from "../../i18n/locale";
import { alertsModel } from "../../models/alerts";
import { deliveryReasonText } from "./delivery-reason";

/** Minutes a link code works (worker/alerts/telegram-link.ts LINK_CODE_TTL_MINUTES). */
const LINK_CODE_MINUTES = 15;

function CopyField({ value, label, testId }: { value: string; label: string; testId: string }) {
  const copied = useSignal(false);
  return (
    <div class="toolbar">
      <input readOnly aria-label={label} value={value} translate={false} class="mono" data-testid={testId} />
      <button
        type="button"
        class="button small"
        onClick={() => {
          void navigator.clipboard?.writeText(value).then(() => (copied.value = true));
        }}
      >
        {copied.value ? t("alerts.copied") : t("alerts.copy")}
      </button>
    </div>
  );
}

function ChannelState({ channel }: { channel: AlertChannel }) {
  return (
    <p class="muted small" data-testid={`channel-state-${channel.kind}`}>
      {channel.linked ? t("alerts.linked") : t("alerts.notLinked")}
      {!channel.enabled && ` · ${t("alerts.disabled")}`}
      {channel.consecutiveFailures > 0 && ` · ${t("alerts.failures", { n: channel.consecutiveFailures })}`}
      {channel.lastError && (
        <>
          <br />
          {t("alerts.lastError")} {deliveryReasonText(channel.lastError)}
        </>
      )}
    </p>
  );
}

function TestOutcome({ id }: { id: string }) {
  const result = alertsModel.testResults.value[id];
  if (!result) return null;
  const reason = deliveryReasonText(result.reason ?? "");
  const text =
    result.status === "sent"
      ? t("alerts.test.sent")
      : result.status === "failed"
        ? t("alerts.test.failed", { reason })
        : result.status === "dead"
          ? t("alerts.test.dead", { reason })
          : t("alerts.test.queued");
  return (
    <p
      class={result.status === "sent" ? "notice" : "form-error"}
      role="status"
      data-testid="test-outcome"
      data-status={result.status}
    >
      {text}
    </p>
  );
}

function ChannelActions({ channel }: { channel: AlertChannel }) {
  const testing = alertsModel.testing.value === channel.id;
  return (
    <>
      <div class="toolbar">
        <button
          type="button"
          class="button small"
          disabled={testing || !channel.linked}
          onClick={() => void alertsModel.test(channel.id)}
          data-testid={`test-${channel.kind}`}
        >
          {testing ? t("alerts.testing") : t("alerts.test")}
        </button>
        <button
          type="button"
          class="button small"
          onClick={() => void alertsModel.setEnabled(channel.id, !channel.enabled)}
        >
          {channel.enabled ? t("alerts.disable") : t("alerts.enable")}
        </button>
        <button
          type="button"
          class="button small"
          onClick={() => {
            if (confirm(t("alerts.deleteConfirm"))) void alertsModel.remove(channel.id);
          }}
        >
          {t("alerts.delete")}
        </button>
      </div>
      <TestOutcome id={channel.id} />
    </>
  );
}

function TelegramChannel({ channels, admin }: { channels: AlertChannels; admin: boolean }) {
  const channel = channels.items.find((item) => item.kind === "telegram");
  const link = alertsModel.link.value;
  return (
    <section class="card" data-testid="channel-telegram">
      <h2>{t("alerts.kind.telegram")}</h2>
      {!channels.telegram.configured ? (
        <p class="muted">{t("alerts.telegramOff")}</p>
      ) : (
        <>
          {channel && <ChannelState channel={channel} />}
          {admin && (
            <button
              type="button"
              class="button"
              onClick={() => void alertsModel.createLink()}
              data-testid="telegram-link"
            >
              {channel?.linked ? t("alerts.relink") : t("alerts.linkTelegram")}
            </button>
          )}
          {/* Until it is used: linking clears the channel's pending code. */}
          {link && channel?.linkCodeExpiresAt && (
            <div class="notice" data-testid="telegram-code">
              <p>{t("alerts.linkHint", { minutes: LINK_CODE_MINUTES })}</p>
              {link.deepLink && (
                <p>
                  <a href={link.deepLink} target="_blank" rel="noreferrer" translate={false}>
                    {t("alerts.linkOpen")}
                  </a>
                </p>
              )}
              {link.deepLink && (
                <CopyField value={link.deepLink} label={t("alerts.linkOpen")} testId="deep-link" />
              )}
              <p>{t("alerts.sendToBot")}</p>
              <CopyField value={link.startCommand} label={t("alerts.sendToBot")} testId="start-command" />
            </div>
          )}
          {admin && channel && <ChannelActions channel={channel} />}
        </>
      )}
    </section>
  );
}

function WebhookChannel({ channels, admin }: { channels: AlertChannels; admin: boolean }) {
  const channel = channels.items.find((item) => item.kind === "webhook");
  const url = useSignal(channel?.webhookUrl ?? "");
  const secret = alertsModel.shownSecret.value;
  return (
    <section class="card" data-testid="channel-webhook">
      <h2>{t("alerts.kind.webhook")}</h2>
      {channel && <ChannelState channel={channel} />}
      {admin ? (
        <form
          class="toolbar"
          onSubmit={(event) => {
            event.preventDefault();
            if (url.value.trim()) void alertsModel.putWebhook(url.value.trim());
          }}
        >
          <input
            type="url"
            name="webhookUrl"
            class="webhook-url"
            data-testid="webhook-url"
            translate={false}
            aria-label={t("alerts.webhookUrl")}
            placeholder={t("alerts.webhookUrl")}
            value={url.value}
            maxLength={2000}
            onInput={(event) => (url.value = event.currentTarget.value)}
          />
          <button type="submit" class="button">
            {t("alerts.saveWebhook")}
          </button>
          {channel && (
            <button
              type="button"
              class="button"
              onClick={() => void alertsModel.putWebhook(channel.webhookUrl ?? url.value, true)}
            >
              {t("alerts.rotate")}
            </button>
          )}
        </form>
      ) : (
        channel?.webhookUrl && (
          <p class="mono" translate={false}>
            {channel.webhookUrl}
          </p>
        )
      )}
      {secret && (
        <div class="notice" role="status" data-testid="webhook-secret">
          <p>{t("alerts.secretOnce")}</p>
          <CopyField value={secret} label={t("alerts.secretOnce")} testId="secret-value" />
        </div>
      )}
      <p class="muted small">
        {t("alerts.verifyHint")} <code translate={false}>X-MI-Timestamp, X-MI-Signature</code>.{" "}
        {t("alerts.verifyReadme")}
      </p>
      {admin && channel && <ChannelActions channel={channel} />}
    </section>
  );
}

export function AlertChannelsSection({ channels, admin }: { channels: AlertChannels; admin: boolean }) {
  const error = alertsModel.channelError.value;
  return (
    <>
      <h2>{t("alerts.channels")}</h2>
      {error && (
        <p class="form-error" role="alert">
          {errorText(error)}
        </p>
      )}
      <div class="form-grid alert-channels">
        <TelegramChannel channels={channels} admin={admin} />
        <WebhookChannel channels={channels} admin={admin} />
      </div>
    </>
  );
}
