// The Hono application: middleware in the order every request meets it, then the routes, the OpenAPI
// document and the error contract. Thin by design: routes call db/ queries and cron/ services.
import { OpenAPIHono } from "@hono/zod-openapi";
import { describeInputIssue, primaryIssue } from "./api/input-issue";
import { methodNotAllowed } from "./api/method-not-allowed";
import { openApiConfig } from "./api/openapi-document";
import type { AppEnv } from "./context";
import { ApiError, handleError } from "./errors";
import { authenticate } from "./middleware/authenticate";
import { apiBodyLimit } from "./middleware/body-limit";
import { uncompressedBodies } from "./middleware/content-encoding";
import { apiCors } from "./middleware/cors";
import { type InitOptions, init } from "./middleware/init";
import { jsonEncoding } from "./middleware/json-encoding";
import { decodableQuery } from "./middleware/query-encoding";
import { rateLimitPolicy } from "./middleware/rate-limit";
import { requestId } from "./middleware/request-id";
import { securityHeaders } from "./middleware/security-headers";
import { registerApiRoutes } from "./routes";
import { registerEtlSync } from "./routes/etl-sync";
import { registerHealth } from "./routes/health";

/** The largest JSON body any operation takes is a settings change with a 100-address allowlist (~5 KB). */
export const API_BODY_LIMIT_BYTES = 64 * 1024;

function bodyTooLarge(): never {
  throw new ApiError("PAYLOAD_TOO_LARGE", `body: larger than ${API_BODY_LIMIT_BYTES / 1024} KiB`);
}

export type AppOptions = InitOptions;

export function createApp(options: AppOptions = {}): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>({
    defaultHook(result) {
      if (!result.success) {
        const target = result.target === "json" ? "body" : result.target;
        const { message, problem } = describeInputIssue(
          primaryIssue(result.error.issues),
          target,
          // zod-validator hands the hook what was sent as `data`, though its type leaves it out.
          (result as { data?: unknown }).data,
        );
        throw new ApiError("BAD_REQUEST", message, {}, problem);
      }
    },
  });

  // The two response decorators wrap everything, init's own failure included; then init builds the
  // request's services before anything that uses them.
  app.use("*", securityHeaders());
  app.use("*", requestId());
  app.use("*", init(options));
  // A method the path does not take is a 405 before a route of a less specific path (`{id}`) can take it; a
  // preflight names the path's methods, and a path no route matches has none to name (404). Read at the first
  // request, when every route is registered.
  const methods = methodNotAllowed(app.routes);
  app.use("/api/*", apiCors(methods.allowedFor));
  app.use("/api/*", rateLimitPolicy());
  app.use("/api/*", apiBodyLimit(API_BODY_LIMIT_BYTES, bodyTooLarge));
  app.use("/api/*", uncompressedBodies());
  app.use("/api/*", jsonEncoding());
  app.use("/api/*", authenticate());
  app.use("/api/*", methods.refuse);
  app.use("/api/*", decodableQuery());

  registerHealth(app);
  registerApiRoutes(app);
  registerEtlSync(app);

  app.doc31("/api/openapi.json", (c) => openApiConfig(new URL(c.req.url).origin, c.var.config.appVersion));

  // Requests outside /api normally never reach the Worker (the asset router answers them first); any that
  // do get the same static dashboard, including the SPA fallback for deep links.
  app.get("*", async (c) => {
    if (c.req.path === "/api" || c.req.path.startsWith("/api/")) return methods.notFound(c);
    const asset = await c.env.ASSETS.fetch(c.req.raw);
    return new Response(asset.body, asset); // a mutable copy, so middleware can add headers
  });

  app.notFound(methods.notFound);
  app.onError(handleError);
  return app;
}
