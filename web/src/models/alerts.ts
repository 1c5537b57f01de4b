// Alerts (Alerts page): the organization's alert settings, its channels with their failing state, the delivery
// log a page at a time with filters, and the admin's actions: save settings, set the webhook (its secret kept
// here only until the page is left), link Telegram with a one-time code, enable, test, delete a channel.
import { batch, signal } from "@preact/signals";
import { type ApiFailure, apiGet, apiRequest } from "../api/client";
import type {
  AlertChannel,
  AlertChannels,
  AlertLogPage,
  AlertSettings,
  AlertSettingsChange,
  AlertTestSend,
  TelegramLink,
} from "../api/types";
import { createResource, toFailure } from "./resource";
import { session } from "./session";

export const LOG_PAGE_SIZE = 20;

export interface LogFilter {
  status: string;
  rule: string;
  page: number;
}

export function logPath(filter: LogFilter): string {
  const query = new URLSearchParams({ page: String(filter.page), pageSize: String(LOG_PAGE_SIZE) });
  if (filter.status) query.set("status", filter.status);
  if (filter.rule) query.set("rule", filter.rule);
  return `/api/alerts/log?${query}`;
}

/** Channels an admin must hear about: five failed deliveries in a row, not yet followed by a success. */
export function failingChannels(channels: AlertChannel[] | undefined): AlertChannel[] {
  return (channels ?? []).filter((channel) => channel.failingSince !== null);
}

export function createAlertsModel() {
  const settings = createResource<AlertSettings>();
  const channels = createResource<AlertChannels>();
  const log = createResource<AlertLogPage>();
  const filter = signal<LogFilter>({ status: "", rule: "", page: 1 });
  const saving = signal(false);
  const saveError = signal<ApiFailure | null>(null);
  const savedAt = signal<number | null>(null);
  const channelError = signal<ApiFailure | null>(null);
  const shownSecret = signal<string | null>(null);
  const link = signal<TelegramLink | null>(null);
  const testResults = signal<Record<string, AlertTestSend>>({});
  const testing = signal<string | null>(null);
  // The webhook secret and the Telegram code belong to whoever asked for them: never to the next session.
  session.onSessionEnd(() => {
    batch(() => {
      filter.value = { status: "", rule: "", page: 1 };
      saveError.value = null;
      savedAt.value = null;
      channelError.value = null;
      shownSecret.value = null;
      link.value = null;
      testResults.value = {};
      testing.value = null;
    });
  });

  function load(): void {
    void settings.load("alert-settings", (abort) => apiGet<AlertSettings>("/api/alerts/settings", abort));
    loadChannels();
    loadLog();
  }

  function loadChannels(): void {
    void channels.load("alert-channels", (abort) => apiGet<AlertChannels>("/api/alerts/channels", abort));
  }

  function loadLog(): void {
    const path = logPath(filter.value);
    void log.load(path, (abort) => apiGet<AlertLogPage>(path, abort));
  }

  function setFilter(change: Partial<LogFilter>): void {
    filter.value = { ...filter.value, page: 1, ...change };
    loadLog();
  }

  async function saveSettings(next: AlertSettingsChange): Promise<void> {
    saving.value = true;
    saveError.value = null;
    try {
      settings.data.value = await apiRequest<AlertSettings>("PUT", "/api/alerts/settings", { body: next });
      savedAt.value = Date.now();
    } catch (error) {
      saveError.value = toFailure(error);
    } finally {
      saving.value = false;
    }
  }

  /** Runs a channel action; reloads the channels after it, and reports a refusal. */
  async function act<T>(action: () => Promise<T>): Promise<T | null> {
    channelError.value = null;
    try {
      return await action();
    } catch (error) {
      channelError.value = toFailure(error);
      return null;
    } finally {
      loadChannels();
    }
  }

  async function putWebhook(url: string, rotateSecret = false): Promise<void> {
    const saved = await act(() =>
      apiRequest<AlertChannel & { secret: string | null }>("PUT", "/api/alerts/channels/webhook", {
        body: rotateSecret ? { url, rotateSecret } : { url },
      }),
    );
    if (saved?.secret) shownSecret.value = saved.secret;
  }

  async function createLink(): Promise<void> {
    link.value = await act(() => apiRequest<TelegramLink>("POST", "/api/alerts/channels/telegram/link"));
  }

  async function setEnabled(id: string, enabled: boolean): Promise<void> {
    await act(() => apiRequest("PATCH", `/api/alerts/channels/${id}`, { body: { enabled } }));
  }

  async function remove(id: string): Promise<void> {
    await act(() => apiRequest("DELETE", `/api/alerts/channels/${id}`));
    loadLog();
  }

  async function test(id: string): Promise<void> {
    testing.value = id;
    const result = await act(() => apiRequest<AlertTestSend>("POST", `/api/alerts/channels/${id}/test`));
    testing.value = null;
    if (result) testResults.value = { ...testResults.value, [id]: result };
    loadLog();
  }

  return {
    settings,
    channels,
    log,
    filter,
    saving,
    saveError,
    savedAt,
    channelError,
    shownSecret,
    link,
    testResults,
    testing,
    load,
    loadChannels,
    loadLog,
    setFilter,
    saveSettings,
    putWebhook,
    createLink,
    setEnabled,
    remove,
    test,
  };
}

export const alertsModel = createAlertsModel();
