// The application shell: checks the session, shows sign-in or the signed-in layout (header, navigation,
// current page), and loads every page but the Overview on demand.
import { useSignal } from "@preact/signals";
import type { FunctionComponent } from "preact";
import { useEffect } from "preact/hooks";
import { ApiFailure } from "./api/client";
import { AppHeader } from "./components/app-header";
import { NavBar } from "./components/nav-bar";
import { RateLimitNotice } from "./components/rate-limit-notice";
import { ErrorState, Skeleton } from "./components/states";
import { t } from "./i18n/locale";
import { lazyPage } from "./lib/lazy-page";
import { currentPath, currentSearch, navigate, route } from "./lib/router";
import { afterSignIn, type PageName } from "./lib/routes";
import { session } from "./models/session";
import { OverviewPage } from "./pages/overview-page";
import { SignInPage } from "./pages/sign-in-page";

const LAZY: Partial<Record<PageName, () => Promise<{ default: FunctionComponent }>>> = {
  inventory: () => import("./pages/inventory-page"),
  product: () => import("./pages/product-page"),
  analytics: () => import("./pages/analytics-page"),
  recommendations: () => import("./pages/recommendations-page"),
  supplyPlan: () => import("./pages/supply-plan-page"),
  warehouses: () => import("./pages/warehouses-page"),
  sync: () => import("./pages/sync-page"),
  run: () => import("./pages/run-page"),
  settings: () => import("./pages/settings-page"),
  alerts: () => import("./pages/alerts-page"),
};

function CurrentPage() {
  const page = route.value.page;
  if (page === "overview") return <OverviewPage />;
  if (page === "notFound" || page === "signin") {
    return (
      <section class="page">
        <h1>{t("notFound.title")}</h1>
        <a href="/">{t("nav.overview")}</a>
      </section>
    );
  }
  const loader = LAZY[page];
  if (!loader) return null;
  const { component: Page, error } = lazyPage(page, loader);
  if (error)
    return <ErrorState error={new ApiFailure(0, "CHUNK", error)} onRetry={() => location.reload()} />;
  if (!Page) return <Skeleton rows={8} />;
  return <Page />;
}

export function App() {
  const menuOpen = useSignal(false);
  const state = session.state.value;

  useEffect(() => {
    void session.check();
    return session.watchDataVersion();
  }, []);

  // Signed out anywhere: go to /signin?next=… (after their own sign-out, /signin alone: whoever signs in next,
  // maybe of another organization, must not land on this one's page and search); signed in on /signin: go where
  // the visitor was headed.
  useEffect(() => {
    const onSignIn = route.value.page === "signin";
    if (state === "signedOut" && !onSignIn) {
      const next = session.signedOutOnPurpose.value ? "/" : currentPath.value + currentSearch.value;
      navigate(`/signin${next === "/" ? "" : `?next=${encodeURIComponent(next)}`}`, { replace: true });
    } else if (state === "signedIn" && onSignIn) {
      navigate(afterSignIn(new URLSearchParams(currentSearch.value).get("next")), { replace: true });
    }
  }, [state, route.value.page]);

  if (state === "checking") {
    const failure = session.checkFailure.value;
    return (
      <div class="boot" aria-busy={failure ? "false" : "true"}>
        {failure ? <ErrorState error={failure} onRetry={() => void session.check()} /> : t("auth.checking")}
        <RateLimitNotice />
      </div>
    );
  }
  if (state === "signedOut" || route.value.page === "signin") {
    return (
      <>
        <AppHeader />
        <SignInPage />
      </>
    );
  }
  return (
    <div class="layout">
      <AppHeader onMenu={() => (menuOpen.value = !menuOpen.value)} />
      <NavBar open={menuOpen.value} onNavigate={() => (menuOpen.value = false)} />
      <main class="main" id="main">
        <RateLimitNotice />
        <CurrentPage />
      </main>
    </div>
  );
}
