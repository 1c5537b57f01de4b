// A tiny history-API router: the current location as a signal, navigate(), and link clicks inside the
// app intercepted so pages change without reloading (the Worker answers unknown paths with index.html).
import { computed, signal } from "@preact/signals";
import { matchRoute } from "./routes";

export const currentPath = signal(window.location.pathname);
export const currentSearch = signal(window.location.search);
export const route = computed(() => matchRoute(currentPath.value));

export function navigate(to: string, options: { replace?: boolean; keepScroll?: boolean } = {}): void {
  const url = new URL(to, window.location.origin);
  if (options.replace) window.history.replaceState(null, "", url);
  else window.history.pushState(null, "", url);
  currentPath.value = url.pathname;
  currentSearch.value = url.search;
  if (!options.keepScroll) window.scrollTo(0, 0);
}

/**
 * Puts a list page's filters into the address (reload or a shared link shows the same view; Back undoes a
 * change). `replace` for changes that come keystroke by keystroke, so Back skips each letter.
 */
export function setQuery(params: Record<string, string>, options: { replace?: boolean } = {}): void {
  const query = new URLSearchParams(params).toString();
  const to = `${currentPath.value}${query ? `?${query}` : ""}`;
  if (to === `${currentPath.value}${currentSearch.value}`) return;
  navigate(to, { replace: options.replace ?? false, keepScroll: true });
}

window.addEventListener("popstate", () => {
  currentPath.value = window.location.pathname;
  currentSearch.value = window.location.search;
});

document.addEventListener("click", (event) => {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey)
    return;
  const anchor = (event.target as Element | null)?.closest?.("a");
  if (!anchor || anchor.target || anchor.hasAttribute("download")) return;
  const href = anchor.getAttribute("href");
  if (!href?.startsWith("/") || href.startsWith("/api/")) return;
  event.preventDefault();
  navigate(href);
});
