// Loading, empty and error states with fixed minimum heights, so a section keeps its size while its
// data arrives and nothing below it jumps.
import type { ComponentChildren } from "preact";
import type { ApiFailure } from "../api/client";
import { t } from "../i18n/locale";
import { errorText } from "../lib/error-text";

export { errorText };

export function ErrorState({ error, onRetry }: { error: ApiFailure; onRetry?: () => void }) {
  return (
    <div class="state state-error" role="alert" data-state="error">
      <p>{errorText(error)}</p>
      {error.requestId && <p class="muted small">{t("common.requestId", { id: error.requestId })}</p>}
      {onRetry && (
        <button type="button" class="button" onClick={onRetry}>
          {t("common.retry")}
        </button>
      )}
    </div>
  );
}

export function EmptyState({ children }: { children?: ComponentChildren }) {
  return (
    <div class="state state-empty" data-state="empty">
      <p>{children ?? t("common.empty")}</p>
    </div>
  );
}

/** Grey bars shaped like the content to come. */
export function Skeleton({ rows = 5, height = 36 }: { rows?: number; height?: number }) {
  return (
    <div
      class="skeleton"
      role="status"
      data-state="loading"
      aria-busy="true"
      aria-label={t("common.loading")}
    >
      {Array.from({ length: rows }, (_, index) => (
        <div key={index} class="skeleton-row" style={{ height: `${height - 8}px` }} />
      ))}
    </div>
  );
}

interface LoadStateProps<T> {
  data: T | undefined;
  error: ApiFailure | null;
  onRetry?: () => void;
  isEmpty?: (data: T) => boolean;
  empty?: ComponentChildren;
  rows?: number;
  children: (data: T) => ComponentChildren;
}

/** Shows the error, the skeleton, the empty message, or the content, in that order of precedence. */
export function LoadState<T>({ data, error, onRetry, isEmpty, empty, rows, children }: LoadStateProps<T>) {
  if (error && data === undefined) return <ErrorState error={error} onRetry={onRetry} />;
  if (data === undefined) return <Skeleton rows={rows} />;
  if (isEmpty?.(data)) return <EmptyState>{empty}</EmptyState>;
  return <>{children(data)}</>;
}
