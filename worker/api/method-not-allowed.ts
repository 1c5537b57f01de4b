// A request for an API path that exists, with a method it does not take (POST /api/dashboard), is a 405 naming
// the methods it does take (an Allow header and the message), instead of the 404 "no route" a mistyped path gets.
// A literal segment is the path's own: /api/alerts/channels/webhook takes its route's PUT, not the PATCH and
// DELETE of /api/alerts/channels/{id}, and a PATCH of it is that 405 too (the router would have handed it to
// the {id} route, to be refused as a malformed id), so Allow and what each method reaches agree.
import type { Context, MiddlewareHandler } from "hono";
import type { AppEnv } from "../context";
import { errorResponse, handleNotFound } from "../errors";

interface RegisteredRoute {
  method: string;
  path: string;
}

interface PathRoute {
  method: string;
  pattern: RegExp;
  /** Per segment, "1" literal or "0" parameter: of two routes matching a path, the greater is the path's own. */
  specificity: string;
}

/** A matcher for a route path (`/api/products/:id`, `/api/accounts/:id/check`): one segment per parameter. */
function pathPattern(path: string): RegExp {
  const segments = path
    .split("/")
    .map((segment) => (segment.startsWith(":") ? "[^/]+" : segment.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")));
  return new RegExp(`^${segments.join("/")}/?$`);
}

function pathRoute({ method, path }: RegisteredRoute): PathRoute {
  const specificity = path
    .split("/")
    .map((segment) => (segment.startsWith(":") ? "0" : "1"))
    .join("");
  return { method, pattern: pathPattern(path), specificity };
}

/**
 * The methods a path takes: those of its most specific matching routes (HEAD with GET); none for a path no
 * route matches. Matching routes have as many segments as the path, so their specificities compare as strings.
 */
function allowedMethods(routes: readonly PathRoute[], path: string): string[] {
  const matching = routes.filter((route) => route.pattern.test(path));
  const own = matching.reduce((best, route) => (route.specificity > best ? route.specificity : best), "");
  const allowed = [
    ...new Set(matching.filter((route) => route.specificity === own).map((route) => route.method)),
  ];
  if (allowed.includes("GET") && !allowed.includes("HEAD")) allowed.push("HEAD");
  return allowed;
}

/**
 * For an app's routes: `allowedFor`, the methods a path takes (none for a path no route matches: what a CORS
 * preflight answers with), `refuse`, the /api middleware that answers 405 with Allow for a method the path does not
 * take before a less specific route's handler is reached, and `notFound`, the not-found handler (405 when the
 * path takes other methods, else the 404). Middleware (method ALL) and the dashboard's catch-all (`*`) are not
 * routes of a path.
 */
export function methodNotAllowed(routes: readonly RegisteredRoute[]) {
  // Read at the first request, when every route is registered.
  let apiRoutes: PathRoute[] | undefined;
  const allowedFor = (path: string) => {
    apiRoutes ??= routes
      .filter(
        (route) => route.method !== "ALL" && route.path.startsWith("/api/") && !route.path.includes("*"),
      )
      .map(pathRoute);
    return allowedMethods(apiRoutes, path);
  };
  const answer = (c: Context<AppEnv>, allowed: readonly string[]): Response => {
    c.header("Allow", allowed.join(", "));
    return errorResponse(
      c,
      "METHOD_NOT_ALLOWED",
      `${c.req.method} ${c.req.path}: this path takes ${allowed.join(", ")}`,
    );
  };
  const refuse: MiddlewareHandler<AppEnv> = async (c, next) => {
    const allowed = allowedFor(c.req.path);
    if (allowed.length > 0 && !allowed.includes(c.req.method)) return answer(c, allowed);
    await next();
  };
  const notFound = (c: Context<AppEnv>): Response => {
    const allowed = allowedFor(c.req.path);
    if (allowed.length === 0 || allowed.includes(c.req.method)) return handleNotFound(c);
    return answer(c, allowed);
  };
  return { allowedFor, refuse, notFound };
}
