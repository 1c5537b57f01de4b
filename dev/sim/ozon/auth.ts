// Ozon authentication: Client-Id and Api-Key headers checked against the configured demo credentials.

import type { SimConfig } from "../config.js";
import type { Reply } from "../reply.js";
import { ozonErrors } from "./errors.js";

export type AuthResult = { ok: true; principal: string } | { ok: false; reply: Reply };

export function checkOzonAuth(headers: Headers, config: SimConfig): AuthResult {
  const clientId = headers.get("client-id")?.trim();
  const apiKey = headers.get("api-key")?.trim();
  if (!clientId || !apiKey) return { ok: false, reply: ozonErrors.missingHeaders() };
  if (!/^\d+$/.test(clientId)) return { ok: false, reply: ozonErrors.badClientId() };
  const known = config.credentials.ozon.find((c) => c.clientId === clientId && c.apiKey === apiKey);
  if (!known) return { ok: false, reply: ozonErrors.badApiKey() };
  return { ok: true, principal: clientId };
}
