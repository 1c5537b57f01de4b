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

type Params = Record<string, string | number>;

const tagOf = (language: Locale) => (language === "ru" ? "ru-RU" : "en-GB");

/** `{n, plural, one {# строка} few {# строки} many {# строк} other {# строки}}`: a form per plural category. */
const PLURAL = /\{(\w+), plural,((?:\s*\w+ \{(?:[^{}]|\{\w+\})*\})+)\s*\}/g;
const PLURAL_FORM = /(\w+) \{((?:[^{}]|\{\w+\})*)\}/g;

/** The plural categories a template spells out for each of its plural placeholders. */
export function pluralForms(template: string): string[][] {
  return [...template.matchAll(PLURAL)].map((match) =>
    [...(match[2] ?? "").matchAll(PLURAL_FORM)].map((form) => form[1] ?? ""),
  );
}

/**
 * Fills `{name}` placeholders (numbers written the language's way) and chooses plural forms by
 * Intl.PluralRules, `#` standing for the number.
 */
export function interpolate(template: string, params?: Params, language: Locale = locale.value): string {
  if (!params) return template;
  const tag = tagOf(language);
  const text = (value: string | number) =>
    typeof value === "number"
      ? new Intl.NumberFormat(tag, { maximumFractionDigits: 2 }).format(value)
      : value;
  const chosen = template.replace(PLURAL, (whole, name: string, body: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    const forms = new Map([...body.matchAll(PLURAL_FORM)].map((form) => [form[1], form[2] ?? ""]));
    const category = new Intl.PluralRules(tag).select(Number(value));
    return (forms.get(category) ?? forms.get("other") ?? "").replaceAll("#", text(value));
  });
  return chosen.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : text(value);
  });
}

export function t(key: MessageKey, params?: Params): string {
  return interpolate(dictionaries[locale.value][key], params);
}

if (typeof document !== "undefined") {
  effect(() => {
    document.documentElement.lang = locale.value;
  });
}
