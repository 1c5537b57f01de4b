// Who is calling: the organization, the user or API key acting for it, and its role. Set by the
// authenticate middleware on every protected /api request; every query is scoped by `orgId`.
import type { Role } from "../../db/schema/enums";
import { ROLES } from "../../db/schema/enums";
import type { Settings } from "../api/schemas/organization";

/** The organization's settings as GET /api/settings answers them, and its id. */
export type OrganizationSettings = Settings & { id: string };

export interface Principal {
  orgId: string;
  role: Role;
  via: "session" | "api_key";
  userId: string | null;
  apiKeyId: string | null;
  email: string | null;
  /** The session's token hash, so logout can delete exactly this session. */
  sessionTokenHash: string | null;
}

declare module "hono" {
  interface ContextVariableMap {
    principal: Principal;
    organization: OrganizationSettings;
  }
}

/** viewer < operator < admin: true when `role` may do what `needed` may. */
export function roleAtLeast(role: Role, needed: Role): boolean {
  return ROLES.indexOf(role) >= ROLES.indexOf(needed);
}
