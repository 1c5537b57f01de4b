// Registers every /api route (besides health) and the OpenAPI security schemes they declare.
import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../context";
import { registerAccountAdmin } from "./account-admin";
import { registerAccountProgress } from "./account-progress";
import { registerAccounts } from "./accounts";
import { registerAlertChannels } from "./alert-channels";
import { registerAlertLog } from "./alert-log";
import { registerAlertSettings } from "./alert-settings";
import { registerAnalytics } from "./analytics";
import { registerApiKeys } from "./api-keys";
import { registerAuth } from "./auth";
import { registerDashboard } from "./dashboard";
import { registerDocs } from "./docs";
import { registerInventory } from "./inventory";
import { registerProductSupply } from "./product-supply";
import { registerProducts } from "./products";
import { registerRecommendations } from "./recommendations";
import { registerRuns } from "./runs";
import { registerSettings } from "./settings";
import { registerSupplyPlan } from "./supply-plan";
import { registerTelegramWebhook } from "./telegram-webhook";
import { registerUsers } from "./users";
import { registerWarehouses } from "./warehouses";

export function registerApiRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openAPIRegistry.registerComponent("securitySchemes", "sessionCookie", {
    type: "apiKey",
    in: "cookie",
    name: "mi_session",
  });
  app.openAPIRegistry.registerComponent("securitySchemes", "apiKey", { type: "http", scheme: "bearer" });
  registerAuth(app);
  registerApiKeys(app);
  registerUsers(app);
  registerSettings(app);
  registerDashboard(app);
  registerInventory(app);
  registerProducts(app);
  registerAnalytics(app);
  registerRecommendations(app);
  registerWarehouses(app);
  registerRuns(app);
  registerAccounts(app);
  registerAccountProgress(app);
  registerAccountAdmin(app);
  registerSupplyPlan(app);
  registerProductSupply(app);
  registerDocs(app);
  registerAlertSettings(app);
  registerAlertChannels(app);
  registerAlertLog(app);
  registerTelegramWebhook(app);
}
