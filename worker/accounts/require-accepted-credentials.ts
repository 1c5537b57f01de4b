// Credentials are asked of the vendor before they are stored (connect, or a change of credentials): ones it
// refuses are never kept, and when it cannot say (busy, unreachable, an answer we do not understand) nothing is
// kept either, so an account never holds a key nobody checked. The refusal carries the verdict for the form.
import type { AccountCredentials } from "../../cron/adapters/adapter";
import type { AccountEndpoints } from "../../db/schema/accounts";
import type { Marketplace } from "../../db/schema/enums";
import { ApiError } from "../errors";
import { checkConnection, describeOutcome } from "./check-connection";

/** Throws 400 (refused: `wrong_key`, `missing_scope`) or 503 (unknown) unless the vendor accepts the credentials. */
export async function requireAcceptedCredentials(
  marketplace: Marketplace,
  credentials: AccountCredentials,
  baseUrl: string | null,
  endpoints: AccountEndpoints,
): Promise<void> {
  const verdict = await checkConnection(marketplace, credentials, baseUrl, endpoints);
  if (verdict.outcome === "ok") return;
  const problem = {
    field: "credentials",
    reason: verdict.outcome,
    params: {
      ...(verdict.status !== null && { status: verdict.status }),
      ...(verdict.detail && { detail: verdict.detail }),
      ...(verdict.missing.length > 0 && { missing: verdict.missing.join(", ") }),
      ...(verdict.expiredOn && { expiredOn: verdict.expiredOn }),
    },
  };
  const plain = describeOutcome(verdict.outcome);
  if (verdict.outcome === "wrong_key" || verdict.outcome === "missing_scope")
    throw new ApiError("BAD_REQUEST", `credentials: ${plain} Nothing was saved.`, {}, problem);
  throw new ApiError(
    "SERVICE_UNAVAILABLE",
    `credentials: could not be checked with the marketplace. ${plain} Nothing was saved.`,
    verdict.outcome === "rate_limited" ? { "Retry-After": "60" } : {},
    problem,
  );
}
