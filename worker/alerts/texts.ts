// The alert's text in Russian or English (the organization's setting), as Telegram shows it: plain text, one
// line per product, the list cut at MAX_LISTED with how many more there are.
import type { AlertLanguage } from "../../db/schema/alerts";
import type { AlertPayload } from "./payload";

export const MAX_LISTED = 20;

const WORDS = {
  ru: {
    critical: (n: number) => `Критический остаток: ${n} ${plural(n, "товар", "товара", "товаров")}`,
    runningOut: (n: number, lead: number) =>
      `Закончатся раньше, чем придёт поставка (срок ${lead} ${days("ru", lead)}): ${n} ${plural(n, "товар", "товара", "товаров")}`,
    cover: (d: number) => `запаса на ${decimal("ru", d)} ${days("ru", d)}`,
    available: "в наличии",
    deadIngest: (about: string) => `Не обработано после всех попыток: шаг синхронизации кабинета ${about}`,
    deadAlerts: (about: string) => `Не доставлено после всех попыток: уведомление в канал ${about}`,
    digest: (date: string) => `Сводка на ${date}`,
    orderToday: (n: number) =>
      n === 0
        ? "Заказать сегодня: нечего"
        : `Заказать сегодня: ${n} ${plural(n, "товар", "товара", "товаров")}`,
    units: (n: number) => `${n} шт.`,
    ranOut: (n: number) =>
      n === 0
        ? "С прошлой сводки ничего не закончилось"
        : `Закончились с прошлой сводки: ${n} ${plural(n, "товар", "товара", "товаров")}`,
    lost: (rub: string) => `Упущено вчера из-за отсутствия товара: ${rub} ₽`,
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
    runningOut: (n: number, lead: number) =>
      `Running out before a supply arrives (lead time ${lead} ${days("en", lead)}): ${n} ${n === 1 ? "product" : "products"}`,
    cover: (d: number) => `${decimal("en", d)} ${days("en", d)} of cover`,
    available: "available",
    deadIngest: (about: string) => `Dead letter: a sync step of account ${about} failed every retry`,
    deadAlerts: (about: string) => `Dead letter: an alert to the ${about} channel failed every retry`,
    digest: (date: string) => `Digest for ${date}`,
    orderToday: (n: number) =>
      n === 0 ? "Order today: nothing" : `Order today: ${n} ${n === 1 ? "product" : "products"}`,
    units: (n: number) => `${n} ${n === 1 ? "unit" : "units"}`,
    ranOut: (n: number) =>
      n === 0
        ? "Nothing ran out since the last digest"
        : `Ran out since the last digest: ${n} ${n === 1 ? "product" : "products"}`,
    lost: (rub: string) => `Lost yesterday to stock-outs: ${rub} ₽`,
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

export function plural(n: number, one: string, few: string, many: string): string {
  const tens = n % 100;
  const units = n % 10;
  if (tens >= 11 && tens <= 14) return many;
  if (units === 1) return one;
  if (units >= 2 && units <= 4) return few;
  return many;
}

/** "день/дня/дней" or "day/days" after a count that may have one decimal (a fraction takes "дня", "days"). */
export function days(language: AlertLanguage, n: number): string {
  if (language === "en") return n === 1 ? "day" : "days";
  return Number.isInteger(n) ? plural(n, "день", "дня", "дней") : "дня";
}

function decimal(language: AlertLanguage, n: number): string {
  return new Intl.NumberFormat(language === "ru" ? "ru-RU" : "en-US", { maximumFractionDigits: 1 }).format(n);
}

function money(language: AlertLanguage, rub: number): string {
  return new Intl.NumberFormat(language === "ru" ? "ru-RU" : "en-US", { maximumFractionDigits: 2 }).format(
    rub,
  );
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
    case "stockout_soon": {
      const listed = payload.products.slice(0, MAX_LISTED);
      const lines = listed.map(
        (p) => `• ${p.article} ${p.name}: ${w.available} ${p.available}, ${w.cover(p.daysOfCover)}`,
      );
      const rest = payload.products.length - listed.length;
      return [
        w.runningOut(payload.products.length, payload.leadTimeDays),
        ...lines,
        ...(rest > 0 ? [w.more(rest)] : []),
      ].join("\n");
    }
    case "daily_digest": {
      const order = payload.order;
      const listed = payload.ranOut.slice(0, MAX_LISTED);
      const rest = payload.ranOut.length - listed.length;
      return [
        w.digest(payload.date),
        w.orderToday(order.total),
        ...order.products.map((p) => `• ${p.article} ${p.name}: ${w.units(p.quantity)}`),
        ...(order.total > order.products.length ? [w.more(order.total - order.products.length)] : []),
        w.ranOut(payload.ranOut.length),
        ...listed.map((p) => `• ${p.article} ${p.name}`),
        ...(rest > 0 ? [w.more(rest)] : []),
        w.lost(money(language, payload.lostYesterdayRub)),
      ].join("\n");
    }
    case "dead_letter":
      return [
        payload.queue === "ingest" ? w.deadIngest(payload.about) : w.deadAlerts(payload.about),
        ...(payload.reason ? [`${w.reason}: ${payload.reason}`] : []),
      ].join("\n");
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
