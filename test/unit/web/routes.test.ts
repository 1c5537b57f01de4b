// The dashboard's URLs: every page has one, and a path maps back to the same page.
import { describe, expect, it } from "vitest";
import { afterSignIn, matchRoute, pathFor, type Route } from "../../../web/src/lib/routes";

describe("routes", () => {
  it("maps each page's path back to the page", () => {
    const routes: Route[] = [
      { page: "overview" },
      { page: "inventory" },
      { page: "product", id: 42 },
      { page: "analytics" },
      { page: "recommendations" },
      { page: "supplyPlan" },
      { page: "warehouses" },
      { page: "sync" },
      { page: "run", id: "0b9f7c7e-0000-4000-8000-000000000001" },
      { page: "settings" },
      { page: "alerts" },
      { page: "signin" },
    ];
    for (const route of routes) expect(matchRoute(pathFor(route))).toEqual(route);
  });

  it("ignores a trailing slash and sends unknown paths to not-found", () => {
    expect(matchRoute("/inventory/")).toEqual({ page: "inventory" });
    expect(matchRoute("/inventory/abc")).toEqual({ page: "notFound" });
    expect(matchRoute("/nope")).toEqual({ page: "notFound" });
  });

  it("returns after sign-in only to a local page", () => {
    expect(afterSignIn("/inventory/7")).toBe("/inventory/7");
    expect(afterSignIn(null)).toBe("/");
    expect(afterSignIn("//evil.example")).toBe("/");
    expect(afterSignIn("https://evil.example")).toBe("/");
    expect(afterSignIn("/signin?next=/")).toBe("/");
  });
});
