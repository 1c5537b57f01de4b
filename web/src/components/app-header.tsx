// The top bar: product name, organization, language and theme switches, and sign-out.
import { locale, t, toggleLocale } from "../i18n/locale";
import { theme, toggleTheme } from "../lib/theme";
import { session } from "../models/session";

export function AppHeader({ onMenu }: { onMenu?: () => void }) {
  const me = session.me.value;
  return (
    <header class="topbar">
      {onMenu && (
        <button type="button" class="icon-button menu-button" onClick={onMenu} aria-label={t("nav.menu")}>
          ☰
        </button>
      )}
      <a href="/" class="brand">
        {t("app.name")}
      </a>
      {me && <span class="org muted">{me.organization.name}</span>}
      <span class="spacer" />
      <button
        type="button"
        class="chip"
        onClick={toggleLocale}
        data-testid="language-toggle"
        title={t("lang.toggle")}
      >
        {locale.value === "ru" ? "EN" : "RU"}
      </button>
      <button
        type="button"
        class="chip"
        onClick={toggleTheme}
        aria-label={t("theme.toggle")}
        data-testid="theme-toggle"
      >
        {theme.value === "dark" ? "☀" : "☾"}
      </button>
      {me && (
        <button type="button" class="chip" onClick={() => void session.signOut()} data-testid="sign-out">
          {t("auth.signOut")}
        </button>
      )}
    </header>
  );
}
