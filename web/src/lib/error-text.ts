// A failed request in the user's language: rate limit and role refusals in plain words, a refused change
// ("Not saved") apart from a failed load, and the API's named field and reason instead of its English sentence.
import type { ApiFailure } from "../api/client";
import { t } from "../i18n/locale";
import { type FieldLabels, refusalText } from "./refusal";

/** `labels` name a form's own fields where the API's key is ambiguous ("name" of a user or an account). */
export function errorText(error: ApiFailure, labels?: FieldLabels): string {
  if (error.status === 429) return t("common.rateLimited");
  if (error.status === 403) return t("common.forbidden");
  // The browser's own words for a dropped connection ("Failed to fetch") are English and say nothing useful.
  if (error.code === "NETWORK") return t("common.network");
  if (error.code === "TIMEOUT") return t("common.timeout");
  // The API's sentence is English (for API users): a named field and reason are said in the user's language.
  const message = error.problem ? refusalText(error.problem, labels) : error.message;
  // A refused change (bad input, a name taken) is not a failed load.
  if (error.status === 400 || error.status === 409) return t("common.refused", { message });
  return t("common.error", { message });
}
