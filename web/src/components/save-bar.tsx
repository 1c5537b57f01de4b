// The save row under a settings form: the Save button, then "Saved" or why the change was refused. Shared by
// Settings and the Alerts settings so both say it the same way.
import type { ApiFailure } from "../api/client";
import { t } from "../i18n/locale";
import { errorText } from "../lib/error-text";

export function SaveBar({
  disabled,
  testId,
  saved,
  error,
}: {
  disabled: boolean;
  testId: string;
  saved: boolean;
  error: ApiFailure | null;
}) {
  return (
    <div class="toolbar" style={{ marginTop: "12px" }}>
      <button type="submit" class="button primary" disabled={disabled} data-testid={testId}>
        {t("common.save")}
      </button>
      {saved && !error && (
        <span class="muted" role="status">
          {t("common.saved")}
        </span>
      )}
      {error && (
        <span class="form-error" role="alert">
          {errorText(error)}
        </span>
      )}
    </div>
  );
}
