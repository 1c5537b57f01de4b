// Wildberries authentication: the Authorization token (bare or "Bearer ") and its category.

import type { SimConfig } from "../config.js";
import type { WbCategory } from "../endpoints.js";
import type { AuthResult } from "../ozon/auth.js";
import { hashString } from "../random.js";
import { type WbHost, wbErrors } from "./errors.js";

export function checkWbAuth(
  headers: Headers,
  config: SimConfig,
  category: WbCategory,
  now: number,
): AuthResult {
  const host: WbHost = category;
  const raw = headers.get("authorization")?.trim();
  if (!raw) return { ok: false, reply: wbErrors.missingToken(host, now) };
  const token = raw.replace(/^Bearer\s+/i, "");
  const known = config.credentials.wb.find((c) => c.token === token);
  if (!known) return { ok: false, reply: wbErrors.invalidToken(host, now) };
  if (!known.categories.includes(category)) return { ok: false, reply: wbErrors.wrongCategory(host, now) };
  return { ok: true, principal: `wb:${hashString(token).toString(16)}` };
}
