// Light or dark theme as a signal, following the system until the user picks one (remembered).
import { effect, signal } from "@preact/signals";

export type Theme = "light" | "dark";
const STORAGE_KEY = "mi.theme";

function initialTheme(): Theme {
  const saved = localStorage.getItem(STORAGE_KEY);
  if (saved === "light" || saved === "dark") return saved;
  return window.matchMedia?.("(prefers-color-scheme: dark)").matches ? "dark" : "light";
}

export const theme = signal<Theme>(initialTheme());

export function toggleTheme(): void {
  theme.value = theme.value === "dark" ? "light" : "dark";
  localStorage.setItem(STORAGE_KEY, theme.value);
}

effect(() => {
  document.documentElement.dataset.theme = theme.value;
});
