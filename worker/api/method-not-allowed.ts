// A request for an API path that exists, with a method it does not take (POST /api/dashboard), is a 405 naming
// the methods it does take (an Allow header and the message), instead of the 404 "no route" a mistyped path gets.
import type { Context } from "hono";
import type { AppEnv } from "../context";
import { errorResponse, handleNotFound } from "../errors";

interface RegisteredRoute {
  method: string;
  path: string;
}

/** A matcher for a route path (`/api/products/:id`, `/api/accounts/:id/check`): one segment per parameter. */
function pathPattern(path: string): RegExp {
  const segments = path
    .split("/")
    .map((segment) => (segment.startsWith(":") ? "[^/]+" : segment.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")));
  return new RegExp(`^${segments.join("/")}/?$`);
}

/**
 * The not-found handler for an app's routes: 405 with Allow when another method's route matches the path, else
 * the 404. Middleware (method ALL) and the dashboard's catch-all (`*`) are not routes of a path.
 */
export function methodNotAllowed(routes: readonly RegisteredRoute[]) {
  // Read at the first request, when every route is registered.
  let apiRoutes: Array<{ method: string; pattern: RegExp }> | undefined;
  return (c: Context<AppEnv>): Response => {
    apiRoutes ??= routes
      .filter(
        (route) => route.method !== "ALL" && route.path.startsWith("/api/") && !route.path.includes("*"),
      )
      .map((route) => ({ method: route.method, pattern: pathPattern(route.path) }));
    const allowed = [
      ...new Set(apiRoutes.filter((route) => route.pattern.test(c.req.path)).map((route) => route.method)),
    ];
    if (allowed.length === 0 || allowed.includes(c.req.method)) return handleNotFound(c);
    if (allowed.includes("GET") && !allowed.includes("HEAD")) allowed.push("HEAD");
    c.header("Allow", allowed.join(", "));
    return errorResponse(
      c,
      "METHOD_NOT_ALLOWED",
      `${c.req.method} ${c.req.path}: this path takes ${allowed.join(", ")}`,
    );
  };
}
