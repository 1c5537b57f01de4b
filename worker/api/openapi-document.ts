// The OpenAPI document's top level, shared by /api/openapi.json, /api/docs and the tests that lint it and
// generate the typed client: servers (this deployment), the default security every operation starts with
// (public ones say `security: []`), and a described tag per route group.
import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../context";
import { AUTHENTICATED } from "./responses";

const TAGS = [
  { name: "auth", description: "Sign in and out with the session cookie; who is calling" },
  { name: "api keys", description: "Keys for API clients (admin)" },
  { name: "users", description: "The organization's users and roles (admin)" },
  { name: "settings", description: "Stock thresholds, replenishment inputs, time zone, IP allowlist" },
  { name: "dashboard", description: "Counts and Top-N products per stock status" },
  { name: "inventory", description: "Stock per product and warehouse, CSV export, product detail" },
  { name: "analytics", description: "Sales KPIs, trend, top products, categories, regions, ABC, turnover" },
  { name: "recommendations", description: "What to reorder and when" },
  { name: "warehouses", description: "Canonical warehouses and the aliases marketplaces use for them" },
  { name: "runs", description: "Sync runs: start one, list them, see one with its rejected rows" },
  { name: "accounts", description: "Marketplace accounts and how fresh their data is" },
  { name: "health", description: "Is the service able to answer with fresh data" },
  { name: "alerts", description: "Alert settings (rules, language, quiet hours) and the delivery log" },
  { name: "alert channels", description: "Telegram chat and signed webhook: link, test, enable (admin)" },
  { name: "telegram", description: "The alert bot's webhook, called by Telegram with its secret header" },
];

/** The document's top level for a deployment reached at `origin`. */
export function openApiConfig(origin: string, version: string) {
  return {
    openapi: "3.1.0",
    info: {
      title: "MI Core Edge API",
      version,
      description:
        'Inventory and sales analytics for Ozon and Wildberries sellers. Every error answers {"error":{"code","message","requestId"}}.',
      license: { name: "Proprietary", url: `${origin}/api/docs` },
    },
    servers: [{ url: origin, description: "This deployment" }],
    security: AUTHENTICATED,
    tags: TAGS,
  };
}

/** The OpenAPI 3.1 document of `app` as a deployment at `origin` serves it. */
export function openApiDocument(app: OpenAPIHono<AppEnv>, origin: string, version: string) {
  return app.getOpenAPI31Document(openApiConfig(origin, version));
}
