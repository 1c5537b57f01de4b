// A sync run's problems in the reader's language: an issue from its code and parameters (STOCK_JUMP's count,
// factor and example), a run's error from its known shapes. The API's English stays the fallback for a code or
// shape the dashboard does not know yet, and for older issues recorded without the parameters their text needs.
import { t } from "../i18n/locale";
import { en, type MessageKey } from "../i18n/messages-en";

/** An issue as the run log holds it (worker/api/schemas/runs.ts). */
export interface IssueLike {
  code: string;
  message: string;
  params?: Record<string, string | number> | undefined;
}

export function issueText(issue: IssueLike): string {
  const key = `issue.${issue.code}`;
  if (!(key in en)) return issue.message;
  const template = en[key as MessageKey];
  // A message with placeholders is only whole with the issue's parameters (older runs have none).
  if (/\{\w+/.test(template) && issue.params === undefined) return issue.message;
  return t(key as MessageKey, issue.params);
}

/** The run's own error (set when it was refused or ended by the coordinator) in the reader's language. */
export function runErrorText(error: string): string {
  if (error.startsWith("A run is already active for this account")) return t("runError.alreadyActive");
  if (error.startsWith("The run stopped renewing its lease")) return t("runError.leaseLapsed");
  if (error.startsWith("The run log said running, but the account's coordinator holds no lease"))
    return t("runError.notHeld");
  return error;
}
