// The interface language (Russian or English) as a signal, remembered in localStorage, and `t()` which
// reads it, so every component that shows text re-renders when the language switches.
import { effect, signal } from "@preact/signals";
import { en, type MessageKey } from "./messages-en";
import { ru } from "./messages-ru";

export type Locale = "ru" | "en";
const STORAGE_KEY = "mi.locale";
const dictionaries: Record<Locale, Record<MessageKey, string>> = { ru, en };

function storage(): Storage | null {
  try {
    return typeof localStorage === "undefined" ? null : localStorage;
  } catch {
    return null;
  }
}

export function initialLocale(saved: string | null | undefined, browser: string | undefined): Locale {
  if (saved === "ru" || saved === "en") return saved;
  return browser?.toLowerCase().startsWith("en") ? "en" : "ru";
}

export const locale = signal<Locale>(
  initialLocale(
    storage()?.getItem(STORAGE_KEY),
    typeof navigator === "undefined" ? undefined : navigator.language,
  ),
);

export function setLocale(next: Locale): void {
  locale.value = next;
  storage()?.setItem(STORAGE_KEY, next);
}

export function toggleLocale(): void {
  setLocale(locale.value === "ru" ? "en" : "ru");
}

/** Fills `{name}` placeholders. */
export function interpolate(template: string, params?: Record<string, string | number>): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

export function t(key: MessageKey, params?: Record<string, string | number>): string {
  return interpolate(dictionaries[locale.value][key], params);
}

if (typeof document !== "undefined") {
  effect(() => {
    document.documentElement.lang = locale.value;
  });
}
