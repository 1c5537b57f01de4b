// The Analytics period: the last 7, 30 or 90 days, or a custom from–to checked here before the API is
// asked (complete, in order, not in the future, at most the API's 731 days).
import { useSignal } from "@preact/signals";
import { t } from "../i18n/locale";
import {
  customPeriodProblem,
  MAX_PERIOD_DAYS,
  type PeriodChoice,
  type PeriodProblem,
  PRESET_DAYS,
  periodRange,
} from "../lib/analytics-period";
import { isoDay } from "../lib/period";

interface PeriodPickerProps {
  value: PeriodChoice;
  onChange: (next: PeriodChoice) => void;
}

export function PeriodPicker({ value, onChange }: PeriodPickerProps) {
  const today = isoDay(new Date());
  const shown = periodRange(value, today);
  const from = useSignal(shown.from);
  const to = useSignal(shown.to);
  const problem = useSignal<PeriodProblem | null>(null);
  return (
    <div class="card toolbar period-picker" data-testid="period-picker">
      <fieldset class="segmented" aria-label={t("period.label")}>
        {PRESET_DAYS.map((days) => (
          <button
            key={days}
            type="button"
            aria-pressed={"days" in value && value.days === days}
            onClick={() => {
              problem.value = null;
              const next = periodRange({ days }, today);
              from.value = next.from;
              to.value = next.to;
              onChange({ days });
            }}
            data-testid={`period-${days}`}
          >
            {t("period.days", { n: days })}
          </button>
        ))}
      </fieldset>
      <form
        class="period-custom"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          problem.value = customPeriodProblem(from.value, to.value, today);
          if (problem.value === null) onChange({ from: from.value, to: to.value });
        }}
      >
        <label class="field-inline">
          <span>{t("period.from")}</span>
          <input
            type="date"
            value={from.value}
            max={today}
            aria-invalid={problem.value !== null}
            onInput={(e) => (from.value = e.currentTarget.value)}
            data-testid="period-from"
          />
        </label>
        <label class="field-inline">
          <span>{t("period.to")}</span>
          <input
            type="date"
            value={to.value}
            max={today}
            aria-invalid={problem.value !== null}
            onInput={(e) => (to.value = e.currentTarget.value)}
            data-testid="period-to"
          />
        </label>
        <button type="submit" class="button" aria-pressed={"from" in value} data-testid="period-apply">
          {t("period.apply")}
        </button>
      </form>
      {problem.value && (
        <p class="form-error" role="alert" data-testid="period-error">
          {t(`period.${problem.value}`, { max: MAX_PERIOD_DAYS })}
        </p>
      )}
    </div>
  );
}
