// The marketplace's verdict a refused connect carries: the API asks the vendor before it stores credentials and
// answers 400 (refused: wrong key, missing scope) or 503 (the vendor could not say) with field `credentials`,
// the outcome as `reason` and the vendor's status and words in `params`; the form shows it as a verdict.
import type { ConnectionCheckAnswer } from "../../../worker/api/schemas/account-admin";
import { ApiFailure } from "../api/client";

type Outcome = ConnectionCheckAnswer["outcome"];
const NOT_CONNECTED: ReadonlyArray<Outcome> = [
  "wrong_key",
  "missing_scope",
  "rate_limited",
  "unreachable",
  "vendor_error",
];

/** The verdict behind a refused connect, or null when the failure is something else (a name taken, a 500). */
export function connectVerdict(failure: unknown): ConnectionCheckAnswer | null {
  if (!(failure instanceof ApiFailure) || failure.problem?.field !== "credentials") return null;
  const outcome = NOT_CONNECTED.find((one) => one === failure.problem?.reason);
  if (!outcome) return null;
  const { status, detail, missing, expiredOn } = failure.problem.params ?? {};
  return {
    outcome,
    message: failure.message,
    status: typeof status === "number" ? status : null,
    detail: typeof detail === "string" ? detail : null,
    expiredOn: typeof expiredOn === "string" ? expiredOn : null,
    missing: typeof missing === "string" && missing.length > 0 ? missing.split(", ") : [],
  };
}
