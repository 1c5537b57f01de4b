// Vendor endpoints about to go (or gone) that an account's adapters use, from /api/health: read once per
// session view, keyed by account, for a small warning beside the account's freshness.
import { signal } from "@preact/signals";
import { apiGet } from "../api/client";
import { t } from "../i18n/locale";
import { adapterName } from "../lib/adapter-names";
import { formatDate } from "../lib/format";
import { session } from "./session";

export interface SunsetNotice {
  accountId: string;
  adapter: string;
  state: "switched-off" | "switching-off" | "deprecated";
  switchOffOn: string | null;
  replacement: string | null;
}

/** The notice in words: the data's name, not the adapter id, and a date or "no switch-off date announced". */
export function describeSunset(notice: SunsetNotice): string {
  return t(notice.state === "switched-off" ? "overview.sunsetOff" : "overview.sunsetSoon", {
    adapter: adapterName(notice.adapter),
    date: notice.switchOffOn ? formatDate(notice.switchOffOn) : t("adapter.noSwitchOffDate"),
    replacement: notice.replacement ? adapterName(notice.replacement) : "—",
  });
}

const byAccount = signal<ReadonlyMap<string, SunsetNotice[]>>(new Map());
let requested = false;
/** Which session's read an answer belongs to: one that arrives after the session ended is dropped. */
let generation = 0;
session.onSessionEnd(() => {
  generation++;
  requested = false;
  byAccount.value = new Map();
});

/** Reads the warnings once; a failed read leaves none (the warning is advice, not the page's data). */
function ensure(): void {
  if (requested) return;
  requested = true;
  const asked = generation;
  apiGet<{ sunsets?: SunsetNotice[] }>("/api/health").then(
    (health) => {
      if (asked !== generation) return;
      const map = new Map<string, SunsetNotice[]>();
      for (const notice of health.sunsets ?? [])
        map.set(notice.accountId, [...(map.get(notice.accountId) ?? []), notice]);
      byAccount.value = map;
    },
    () => {
      if (asked === generation) requested = false;
    },
  );
}

export const sunsetModel = {
  /** The account's warnings (empty until read). */
  of(accountId: string): SunsetNotice[] {
    ensure();
    return byAccount.value.get(accountId) ?? [];
  },
};
