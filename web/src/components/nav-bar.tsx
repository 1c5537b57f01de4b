// The page navigation: a sidebar on wide screens, a drawer on phones; marks the current page.

import { t } from "../i18n/locale";
import type { MessageKey } from "../i18n/messages-en";
import { route } from "../lib/router";
import type { PageName } from "../lib/routes";

const LINKS: Array<{ href: string; label: MessageKey; pages: PageName[] }> = [
  { href: "/", label: "nav.overview", pages: ["overview"] },
  { href: "/inventory", label: "nav.inventory", pages: ["inventory", "product"] },
  { href: "/analytics", label: "nav.analytics", pages: ["analytics"] },
  { href: "/recommendations", label: "nav.recommendations", pages: ["recommendations"] },
  { href: "/supply-plan", label: "nav.supplyPlan", pages: ["supplyPlan"] },
  { href: "/warehouses", label: "nav.warehouses", pages: ["warehouses"] },
  { href: "/sync", label: "nav.sync", pages: ["sync", "run"] },
  { href: "/settings", label: "nav.settings", pages: ["settings"] },
  { href: "/alerts", label: "nav.alerts", pages: ["alerts"] },
];

export function NavBar({ open, onNavigate }: { open: boolean; onNavigate: () => void }) {
  const current = route.value.page;
  return (
    <nav class={open ? "nav nav-open" : "nav"} aria-label={t("nav.menu")}>
      {LINKS.map((link) => (
        <a
          key={link.href}
          href={link.href}
          class={link.pages.includes(current) ? "nav-link active" : "nav-link"}
          aria-current={link.pages.includes(current) ? "page" : undefined}
          onClick={onNavigate}
        >
          {t(link.label)}
        </a>
      ))}
    </nav>
  );
}
