// Organization settings (the stock status rule, lead time, target cover, minimum order and pack size) with saving for admins, and API keys
// (admin): list, create (the secret shown once), revoke.
import { batch, signal } from "@preact/signals";
import { type ApiFailure, apiGet, apiRequest } from "../api/client";
import type { ApiKey, Role, Settings } from "../api/types";
import { createResource, toFailure } from "./resource";
import { session } from "./session";

/** What the Settings form may change: the API refuses any other key (dataVersion, name, … of the answer). */
const CHANGE_KEYS = [
  "statusBasis",
  "coverCeilingDays",
  "criticalMax",
  "lowMax",
  "overstockMin",
  "leadTimeDays",
  "safetyStockDays",
  "targetCoverDays",
  "velocityWindowDays",
  "minOrderUnits",
  "packSize",
] as const;

export type SettingsChange = Partial<Pick<Settings, (typeof CHANGE_KEYS)[number]>>;

export function createSettingsModel() {
  const settings = createResource<Settings>();
  const keys = createResource<{ items: ApiKey[] }>();
  const saving = signal(false);
  const saveError = signal<ApiFailure | null>(null);
  const savedAt = signal<number | null>(null);
  const createdKey = signal<string | null>(null);
  const keyError = signal<ApiFailure | null>(null);
  // A key's secret is shown once, to whoever created it: never to the next session.
  session.onSessionEnd(() => {
    batch(() => {
      saveError.value = null;
      savedAt.value = null;
      createdKey.value = null;
      keyError.value = null;
    });
  });

  function load(): void {
    void settings.ensure(`settings#${session.dataScope.value}`, (abort) =>
      apiGet<Settings>("/api/settings", abort),
    );
  }

  function loadKeys(): void {
    void keys.load("keys", (abort) => apiGet<{ items: ApiKey[] }>("/api/api-keys", abort));
  }

  async function save(change: SettingsChange): Promise<boolean> {
    saving.value = true;
    saveError.value = null;
    try {
      // The form's draft starts as the whole answer: send only the keys a change may carry.
      const body = Object.fromEntries(
        CHANGE_KEYS.flatMap((key) => (key in change ? [[key, change[key]]] : [])),
      );
      const next = await apiRequest<Settings>("PATCH", "/api/settings", { body });
      settings.data.value = next;
      savedAt.value = Date.now();
      void session.check();
      return true;
    } catch (error) {
      saveError.value = toFailure(error);
      return false;
    } finally {
      saving.value = false;
    }
  }

  async function createKey(name: string, role: Role): Promise<void> {
    keyError.value = null;
    try {
      const created = await apiRequest<ApiKey & { key: string }>("POST", "/api/api-keys", {
        body: { name, role },
      });
      createdKey.value = created.key;
      loadKeys();
    } catch (error) {
      keyError.value = toFailure(error);
    }
  }

  async function revokeKey(id: string): Promise<void> {
    keyError.value = null;
    try {
      await apiRequest("DELETE", `/api/api-keys/${id}`);
      loadKeys();
    } catch (error) {
      keyError.value = toFailure(error);
    }
  }

  return {
    settings,
    keys,
    saving,
    saveError,
    savedAt,
    createdKey,
    keyError,
    load,
    loadKeys,
    save,
    createKey,
    revokeKey,
  };
}

export const settingsModel = createSettingsModel();
