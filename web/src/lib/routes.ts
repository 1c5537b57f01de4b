// The dashboard's pages as data: matching a URL path to a route and building the path back, kept pure
// so that it is unit-tested without a browser.
export type Route =
  | { page: "overview" }
  | { page: "inventory" }
  | { page: "product"; id: number }
  | { page: "analytics" }
  | { page: "recommendations" }
  | { page: "supplyPlan" }
  | { page: "warehouses" }
  | { page: "sync" }
  | { page: "run"; id: string }
  | { page: "settings" }
  | { page: "alerts" }
  | { page: "signin" }
  | { page: "notFound" };

export type PageName = Route["page"];

const SIMPLE: Record<string, Route> = {
  "/": { page: "overview" },
  "/inventory": { page: "inventory" },
  "/analytics": { page: "analytics" },
  "/recommendations": { page: "recommendations" },
  "/supply-plan": { page: "supplyPlan" },
  "/warehouses": { page: "warehouses" },
  "/sync": { page: "sync" },
  "/settings": { page: "settings" },
  "/alerts": { page: "alerts" },
  "/signin": { page: "signin" },
};

export function matchRoute(pathname: string): Route {
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, "") : pathname;
  const simple = SIMPLE[path];
  if (simple) return simple;
  const product = /^\/inventory\/(\d+)$/.exec(path);
  if (product) return { page: "product", id: Number(product[1]) };
  const run = /^\/sync\/runs\/([0-9a-f-]{36})$/i.exec(path);
  if (run?.[1]) return { page: "run", id: run[1].toLowerCase() };
  return { page: "notFound" };
}

export function pathFor(route: Route): string {
  switch (route.page) {
    case "overview":
      return "/";
    case "product":
      return `/inventory/${route.id}`;
    case "run":
      return `/sync/runs/${route.id}`;
    case "supplyPlan":
      return "/supply-plan";
    case "notFound":
      return "/404";
    default:
      return `/${route.page}`;
  }
}

/** Where a signed-out visitor goes after signing in: the page they asked for, never the sign-in page. */
export function afterSignIn(next: string | null): string {
  if (!next?.startsWith("/") || next.startsWith("//") || next.startsWith("/signin")) return "/";
  return next;
}
