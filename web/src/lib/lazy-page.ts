// Loads a page's code on first visit (Vite splits each page into its own chunk) and remembers it, so
// the initial download holds only the shell, sign-in and the Overview.
import { signal } from "@preact/signals";
import type { FunctionComponent } from "preact";

type PageModule = { default: FunctionComponent };
type Loader = () => Promise<PageModule>;

const loaded = signal<Record<string, FunctionComponent>>({});
const failed = signal<Record<string, string>>({});
const pending = new Set<string>();

export function lazyPage(
  name: string,
  loader: Loader,
): { component: FunctionComponent | undefined; error: string | undefined } {
  const component = loaded.value[name];
  if (!component && !pending.has(name) && !failed.value[name]) {
    pending.add(name);
    loader()
      .then((module) => {
        loaded.value = { ...loaded.value, [name]: module.default };
      })
      .catch((error: unknown) => {
        failed.value = { ...failed.value, [name]: error instanceof Error ? error.message : String(error) };
      })
      .finally(() => pending.delete(name));
  }
  return { component, error: failed.value[name] };
}
