// The alert settings form: which rules alert, the messages' language, quiet hours, time zone, digest hour and
// the sunset warning; editable by admins, read-only for everyone else. The API checks it all again.
import { useSignal } from "@preact/signals";
import { SETTING_RANGES } from "../../../../domain/setting-ranges";
import { isTimeZone, timeZoneChoices } from "../../../../domain/time-zone";
import type { AlertSettings, AlertSettingsChange } from "../../api/types";
import { SaveBar } from "../../components/save-bar";
import { WholeNumberField } from "../../components/whole-number-field";
import { t } from "../../i18n/locale";
import { alertsModel } from "../../models/alerts";
import { ruleLabel } from "./rule-label";

const HOURS = Array.from({ length: 24 }, (_, hour) => hour);
const hourText = (hour: number) => `${String(hour).padStart(2, "0")}:00`;

function HourSelect(props: {
  label: string;
  none: string;
  value: number | null;
  disabled: boolean;
  name: string;
  onChange: (hour: number | null) => void;
}) {
  return (
    <label class="field">
      <span>{props.label}</span>
      <select
        name={props.name}
        disabled={props.disabled}
        value={props.value === null ? "" : String(props.value)}
        onChange={(event) => {
          const value = event.currentTarget.value;
          props.onChange(value === "" ? null : Number(value));
        }}
      >
        <option value="">{props.none}</option>
        {HOURS.map((hour) => (
          <option key={hour} value={String(hour)}>
            {hourText(hour)}
          </option>
        ))}
      </select>
    </label>
  );
}

type Rule = AlertSettings["rules"][number];

export function AlertSettingsForm({ settings, editable }: { settings: AlertSettings; editable: boolean }) {
  const { availableRules, ...saved } = settings;
  const draft = useSignal<AlertSettingsChange>(saved);
  const { saving, saveError, savedAt } = alertsModel;
  // The sunset days' text is not a whole number in range: saving waits until it is (the field says why).
  const sunsetTypo = useSignal(false);
  const set = (change: Partial<AlertSettingsChange>) => (draft.value = { ...draft.value, ...change });
  const quiet = draft.value.quietHours;
  const setQuiet = (start: number | null, end: number | null) =>
    set({ quietHours: start === null || end === null ? null : { start, end } });
  // What the API would refuse, named under its field before Save: an unknown zone, quiet hours that end as they start.
  const zoneUnknown = !isTimeZone(draft.value.timeZone);
  const quietEmpty = quiet !== null && quiet.start === quiet.end;
  const blocked = sunsetTypo.value || zoneUnknown || quietEmpty;
  return (
    <form
      class="card"
      data-testid="alert-settings"
      onSubmit={(event) => {
        event.preventDefault();
        if (!blocked) void alertsModel.saveSettings(draft.value);
      }}
      // Any edit after a save: "Saved" no longer describes what the form shows.
      onInput={() => (savedAt.value = null)}
    >
      <h2>{t("alerts.settings")}</h2>
      <fieldset class="field" disabled={!editable}>
        <legend class="muted small">{t("alerts.rules")}</legend>
        {availableRules.map((rule) => (
          <label key={rule} class="field-inline">
            <input
              type="checkbox"
              name="rules"
              value={rule}
              checked={draft.value.rules.includes(rule)}
              onChange={(event) => {
                const on = event.currentTarget.checked;
                const others = draft.value.rules.filter((r) => r !== rule);
                set({ rules: on ? [...others, rule as Rule] : others });
              }}
            />{" "}
            {ruleLabel(rule)}
          </label>
        ))}
      </fieldset>
      <div class="form-grid">
        <label class="field">
          <span>{t("alerts.language")}</span>
          <select
            name="language"
            disabled={!editable}
            value={draft.value.language}
            onChange={(event) =>
              set({ language: event.currentTarget.value as AlertSettingsChange["language"] })
            }
          >
            <option value="ru" translate={false}>
              Русский
            </option>
            <option value="en" translate={false}>
              English
            </option>
          </select>
        </label>
        <HourSelect
          name="quietStart"
          label={t("alerts.quietFrom")}
          none={t("alerts.noQuiet")}
          value={quiet?.start ?? null}
          disabled={!editable}
          onChange={(hour) => setQuiet(hour, hour === null ? null : (quiet?.end ?? (hour + 8) % 24))}
        />
        <HourSelect
          name="quietEnd"
          label={t("alerts.quietTo")}
          none={t("alerts.noQuiet")}
          value={quiet?.end ?? null}
          disabled={!editable}
          onChange={(hour) => setQuiet(hour === null ? null : (quiet?.start ?? (hour + 16) % 24), hour)}
        />
        {quietEmpty && (
          <p class="form-error small field-wide" role="alert" data-testid="quiet-empty">
            {t("alerts.quietEmpty")}
          </p>
        )}
        <label class="field">
          <span>{t("alerts.timeZone")}</span>
          <input
            name="timeZone"
            translate={false}
            disabled={!editable}
            value={draft.value.timeZone}
            maxLength={100}
            list="time-zones"
            autoComplete="off"
            aria-invalid={zoneUnknown}
            aria-describedby={zoneUnknown ? "time-zone-error" : undefined}
            onInput={(event) => set({ timeZone: event.currentTarget.value.trim() })}
          />
          <datalist id="time-zones">
            {timeZoneChoices().map((zone) => (
              <option key={zone} value={zone} />
            ))}
          </datalist>
          {zoneUnknown && (
            <span class="form-error small" id="time-zone-error" data-testid="time-zone-error">
              {t("alerts.timeZoneUnknown")}
            </span>
          )}
        </label>
        <HourSelect
          name="digestHour"
          label={t("alerts.digestHour")}
          none={t("alerts.noDigest")}
          value={draft.value.digestHour}
          disabled={!editable}
          onChange={(hour) => set({ digestHour: hour })}
        />
        <WholeNumberField
          label={t("alerts.sunsetDays")}
          name="sunsetWarningDays"
          value={draft.value.sunsetWarningDays}
          range={SETTING_RANGES.sunsetWarningDays}
          disabled={!editable}
          onChange={(days) => {
            sunsetTypo.value = days === "invalid";
            if (days !== "invalid") set({ sunsetWarningDays: days });
          }}
        />
      </div>
      {editable && (
        <SaveBar
          disabled={saving.value || blocked}
          testId="alert-settings-save"
          saved={Boolean(savedAt.value)}
          error={saveError.value}
        />
      )}
    </form>
  );
}
