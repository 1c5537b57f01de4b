// The alert's text in Russian or English (the organization's setting), as Telegram shows it: plain text, one
// line per product, the list cut at MAX_LISTED with how many more there are.
import type { AlertLanguage } from "../../db/schema/alerts";
import type { AlertPayload } from "./payload";

export const MAX_LISTED = 20;

const WORDS = {
  ru: {
    critical: (n: number) => `Критический остаток: ${n} ${plural(n, "товар", "товара", "товаров")}`,
    available: "в наличии",
    more: (n: number) => `…и ещё ${n}`,
    failed: "Синхронизация не удалась",
    partial: "Синхронизация завершилась частично",
    account: "Кабинет",
    reason: "Причина",
    sunset: "Метод API устаревает",
    switchedOff: (date: string | null) => `отключён${date ? ` ${date}` : ""}`,
    switchingOff: (date: string | null) => `отключается ${date ?? ""}`.trim(),
    deprecated: "устарел",
    instead: "замена",
    test: "Проверка: оповещения MI Core приходят сюда",
  },
  en: {
    critical: (n: number) => `Critical stock: ${n} ${n === 1 ? "product" : "products"}`,
    available: "available",
    more: (n: number) => `…and ${n} more`,
    failed: "Sync failed",
    partial: "Sync ended partially",
    account: "Account",
    reason: "Reason",
    sunset: "API endpoint going away",
    switchedOff: (date: string | null) => `switched off${date ? ` on ${date}` : ""}`,
    switchingOff: (date: string | null) => `switched off on ${date ?? "?"}`,
    deprecated: "deprecated",
    instead: "use",
    test: "Test: MI Core alerts arrive here",
  },
} as const;

function plural(n: number, one: string, few: string, many: string): string {
  const tens = n % 100;
  const units = n % 10;
  if (tens >= 11 && tens <= 14) return many;
  if (units === 1) return one;
  if (units >= 2 && units <= 4) return few;
  return many;
}

export function alertText(payload: AlertPayload, language: AlertLanguage): string {
  const w = WORDS[language];
  switch (payload.rule) {
    case "product_critical": {
      const listed = payload.products.slice(0, MAX_LISTED);
      const lines = listed.map((p) => `• ${p.article} ${p.name}: ${w.available} ${p.available}`);
      const rest = payload.products.length - listed.length;
      return [w.critical(payload.products.length), ...lines, ...(rest > 0 ? [w.more(rest)] : [])].join("\n");
    }
    case "run_failed":
      return [
        payload.status === "failed" ? w.failed : w.partial,
        `${w.account}: ${payload.account} (${payload.marketplace})`,
        ...(payload.error ? [`${w.reason}: ${payload.error}`] : []),
      ].join("\n");
    case "endpoint_sunset":
      return [
        `${w.sunset} — ${w.account}: ${payload.account}`,
        ...payload.endpoints.map((e) => {
          const state =
            e.state === "switched-off"
              ? w.switchedOff(e.switchOffOn)
              : e.state === "switching-off"
                ? w.switchingOff(e.switchOffOn)
                : w.deprecated;
          return `• ${e.endpoint}: ${state}${e.replacement ? `; ${w.instead} ${e.replacement}` : ""}`;
        }),
      ].join("\n");
    case "test":
      return w.test;
  }
}
