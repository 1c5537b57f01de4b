// Settings: the stock status rule (by days of cover or by units thresholds) and replenishment inputs (admins
// change them), and for admins API keys, marketplace accounts and users.
import { useSignal } from "@preact/signals";
import { useEffect } from "preact/hooks";
import { targetCoverProblem } from "../../../domain/replenishment";
import { SETTING_RANGES } from "../../../domain/setting-ranges";
import {
  DEFAULT_STATUS_RULES,
  STATUS_BASES,
  type StatusBasis,
  statusRulesProblem,
} from "../../../domain/stock-status";
import type { Role, Settings } from "../api/types";
import { Field } from "../components/field";
import { RoleOptions } from "../components/role-options";
import { SaveBar } from "../components/save-bar";
import { errorText, LoadState } from "../components/states";
import { TableRegion } from "../components/table-region";
import { WholeNumberField } from "../components/whole-number-field";
import { t } from "../i18n/locale";
import type { MessageKey } from "../i18n/messages-en";
import { formatDateTime } from "../lib/format";
import { roleAtLeast, session } from "../models/session";
import { type SettingsChange, settingsModel } from "../models/settings";
import { MarketplaceAccounts } from "./settings/marketplace-accounts";
import { Users } from "./settings/users";

type SettingsField = Exclude<keyof SettingsChange, "statusBasis">;
type Draft = Record<SettingsField, number> & { statusBasis: StatusBasis };

/** The numbers each status basis reads (domain/stock-status.ts); the other basis' numbers are kept, not shown. */
const STATUS_FIELDS: Record<StatusBasis, Array<[SettingsField, MessageKey]>> = {
  cover: [["coverCeilingDays", "settings.coverCeiling"]],
  units: [
    ["criticalMax", "settings.criticalMax"],
    ["lowMax", "settings.lowMax"],
    ["overstockMin", "settings.overstockMin"],
  ],
};

interface RuleProblem {
  message: MessageKey;
  /** The numbers the rule ties together, in the order the message is said under one of them. */
  fields: SettingsField[];
}

/** The API's rules (statusRulesProblem, then targetCoverProblem) as the reader's text: which numbers to fix. */
function statusProblem(draft: Draft): RuleProblem | null {
  const problem = statusRulesProblem({ ...DEFAULT_STATUS_RULES, ...draft });
  if (problem === null) {
    const target = targetCoverProblem(draft);
    if (target === null) return null;
    // Said under the target cover first, as the API names it.
    return target === "target_cover_short"
      ? {
          message: "settings.targetCoverShort",
          fields: ["targetCoverDays", "safetyStockDays", "leadTimeDays"],
        }
      : { message: "settings.targetCoverOverCeiling", fields: ["targetCoverDays", "coverCeilingDays"] };
  }
  return problem.startsWith("coverCeilingDays")
    ? {
        message: "settings.coverCeilingTooLow",
        fields: ["coverCeilingDays", "safetyStockDays", "leadTimeDays"],
      }
    : { message: "settings.thresholdsOrder", fields: ["lowMax", "criticalMax", "overstockMin"] };
}

/**
 * Where a broken rule is said: under the number of it the reader changed last, else its first number on screen,
 * so the words stand where the reader is looking (a phone shows one card at a time), not beside Save.
 */
function problemField(
  problem: RuleProblem,
  shown: readonly SettingsField[],
  lastEdited: SettingsField | null,
): SettingsField | null {
  if (lastEdited && problem.fields.includes(lastEdited) && shown.includes(lastEdited)) return lastEdited;
  return problem.fields.find((field) => shown.includes(field)) ?? null;
}

/** A number of the draft; a field whose text is not a whole number in its range is kept in `invalid` and blocks
 * saving. */
function NumberField({
  field,
  label,
  draft,
  invalid,
  editable,
  rule,
}: {
  field: SettingsField;
  label: MessageKey;
  draft: { value: Draft };
  invalid: { value: ReadonlySet<SettingsField> };
  editable: boolean;
  rule: RuleState;
}) {
  return (
    <WholeNumberField
      label={t(label)}
      name={field}
      value={draft.value[field]}
      disabled={!editable}
      range={SETTING_RANGES[field]}
      ruleProblem={rule.at === field ? rule.text : null}
      onChange={(value) => {
        rule.edited(field);
        const next = new Set(invalid.value);
        if (value === "invalid") next.add(field);
        else {
          next.delete(field);
          draft.value = { ...draft.value, [field]: value };
        }
        invalid.value = next;
      }}
    />
  );
}

/** The broken rule's words, the field they stand under, and how a field reports that it was edited. */
interface RuleState {
  text: string | null;
  at: SettingsField | null;
  edited: (field: SettingsField) => void;
}

/** How products are classified: by days of cover (with the cover ceiling) or by units thresholds. */
function StatusRuleFields({
  draft,
  invalid,
  editable,
  rule,
}: {
  draft: { value: Draft };
  invalid: { value: ReadonlySet<SettingsField> };
  editable: boolean;
  rule: RuleState;
}) {
  const basis = draft.value.statusBasis;
  return (
    <section class="card" data-testid="status-rule">
      <h2>{t("settings.thresholds")}</h2>
      <div class="form-grid">
        <label class="field field-wide">
          <span>{t("settings.statusBasis")}</span>
          <select
            name="statusBasis"
            disabled={!editable}
            value={basis}
            onChange={(event) => {
              // The fields of the basis left unmount, and show the draft's number when they come back: a refusal
              // of their text would otherwise block Save with nothing on screen saying why.
              const left = new Set(STATUS_FIELDS[basis].map(([field]) => field));
              invalid.value = new Set([...invalid.value].filter((field) => !left.has(field)));
              draft.value = { ...draft.value, statusBasis: event.currentTarget.value as StatusBasis };
            }}
          >
            {STATUS_BASES.map((option) => (
              <option key={option} value={option}>
                {t(`settings.basis.${option}`)}
              </option>
            ))}
          </select>
        </label>
        {STATUS_FIELDS[basis].map(([field, label]) => (
          <NumberField
            key={field}
            field={field}
            label={label}
            draft={draft}
            invalid={invalid}
            editable={editable}
            rule={rule}
          />
        ))}
      </div>
      <p class="muted small">{t(`settings.basisNote.${basis}`)}</p>
    </section>
  );
}

const LABEL_OF = new Map<SettingsField, MessageKey>(
  [...STATUS_FIELDS.cover, ...STATUS_FIELDS.units].map(([field, label]) => [field, label]),
);
const labelOf = (field: SettingsField) => {
  const key =
    LABEL_OF.get(field) ?? GROUPS.flatMap((group) => group.fields).find(([one]) => one === field)?.[1];
  return key ? t(key) : field;
};

const GROUPS: Array<{ title: MessageKey; note?: MessageKey; fields: Array<[SettingsField, MessageKey]> }> = [
  {
    title: "settings.replenishment",
    fields: [
      ["leadTimeDays", "settings.leadTime"],
      ["safetyStockDays", "settings.safetyStock"],
      ["targetCoverDays", "settings.targetCover"],
      ["velocityWindowDays", "settings.velocityWindow"],
    ],
  },
  {
    title: "settings.supply",
    note: "settings.supplyNote",
    fields: [
      ["minOrderUnits", "settings.minOrderUnits"],
      ["packSize", "settings.packSize"],
    ],
  },
];

function SettingsForm({ settings, editable }: { settings: Settings; editable: boolean }) {
  const draft = useSignal<Draft>({ ...settings });
  const invalid = useSignal<ReadonlySet<SettingsField>>(new Set());
  const lastEdited = useSignal<SettingsField | null>(null);
  const problem = statusProblem(draft.value);
  // A hidden field (the other basis') keeps its last whole number and does not block saving.
  const shown = [...STATUS_FIELDS[draft.value.statusBasis], ...GROUPS.flatMap((group) => group.fields)].map(
    ([field]) => field,
  );
  const valid = problem === null && !shown.some((field) => invalid.value.has(field));
  const at = problem && editable ? problemField(problem, shown, lastEdited.value) : null;
  const rule: RuleState = {
    text: problem
      ? t(problem.message, {
          ceiling: draft.value.coverCeilingDays,
          lead: draft.value.leadTimeDays,
          safety: draft.value.safetyStockDays,
          target: draft.value.targetCoverDays,
          critical: draft.value.criticalMax,
          low: draft.value.lowMax,
          overstock: draft.value.overstockMin,
        })
      : null,
    at,
    edited: (field) => {
      lastEdited.value = field;
    },
  };
  const atLabel = at ? labelOf(at) : null;
  const { saving, saveError, savedAt } = settingsModel;
  return (
    <form
      class="card-stack"
      onSubmit={(event) => {
        event.preventDefault();
        if (valid) void settingsModel.save(draft.value);
      }}
      // Any edit after a save: "Saved" no longer describes what the form shows.
      onInput={() => (savedAt.value = null)}
    >
      <StatusRuleFields draft={draft} invalid={invalid} editable={editable} rule={rule} />
      {GROUPS.map((group) => (
        <section class="card" key={group.title}>
          <h2>{t(group.title)}</h2>
          <div class="form-grid">
            {group.fields.map(([field, label]) => (
              <NumberField
                key={field}
                field={field}
                label={label}
                draft={draft}
                invalid={invalid}
                editable={editable}
                rule={rule}
              />
            ))}
          </div>
          {group.note && <p class="muted small">{t(group.note)}</p>}
        </section>
      ))}
      {atLabel && (
        <p class="form-error" data-testid="settings-problem" data-field={at}>
          {t("settings.fixField", { field: atLabel })}
        </p>
      )}
      {editable && (
        <SaveBar
          disabled={saving.value || !valid}
          testId="settings-save"
          saved={Boolean(savedAt.value)}
          error={saveError.value}
        />
      )}
    </form>
  );
}

function ApiKeys() {
  const { keys, createdKey, keyError } = settingsModel;
  const name = useSignal("");
  const role = useSignal<Role>("viewer");
  useEffect(() => settingsModel.loadKeys(), []);
  return (
    <section class="card" data-testid="api-keys">
      <h2>{t("settings.apiKeys")}</h2>
      {/* Labelled fields, as the invite form's: a placeholder alone is gone once the name is typed. */}
      <form
        class="invite-form"
        data-testid="create-api-key"
        onSubmit={(event) => {
          event.preventDefault();
          if (name.value.trim()) void settingsModel.createKey(name.value.trim(), role.value);
        }}
      >
        <div class="form-grid">
          <Field label={t("settings.keyName")}>
            <input
              name="keyName"
              required
              value={name.value}
              onInput={(e) => (name.value = e.currentTarget.value)}
              maxLength={100}
            />
          </Field>
          <Field label={t("settings.keyRole")}>
            <select
              name="keyRole"
              value={role.value}
              onChange={(e) => (role.value = e.currentTarget.value as Role)}
            >
              <RoleOptions />
            </select>
          </Field>
        </div>
        <div class="toolbar">
          <button type="submit" class="button">
            {t("settings.createKey")}
          </button>
        </div>
      </form>
      {createdKey.value && (
        <p class="notice" role="status">
          {t("settings.keyShownOnce")} <code class="secret">{createdKey.value}</code>
        </p>
      )}
      {keyError.value && (
        <p class="form-error" role="alert">
          {errorText(keyError.value, { name: "settings.keyName" })}
        </p>
      )}
      <LoadState
        data={keys.data.value}
        error={keys.error.value}
        onRetry={settingsModel.loadKeys}
        isEmpty={(d) => d.items.length === 0}
        empty={t("settings.noKeys")}
        rows={3}
      >
        {(d) => (
          <TableRegion label={t("settings.apiKeys")} phoneCards>
            <table>
              <thead>
                <tr>
                  <th>{t("settings.keyName")}</th>
                  <th>{t("settings.keyRole")}</th>
                  <th>{t("settings.lastUsed")}</th>
                  <th />
                </tr>
              </thead>
              <tbody>
                {d.items.map((key) => (
                  <tr key={key.id}>
                    <td data-label={t("settings.keyName")}>
                      {key.name} <span class="mono muted small">{key.prefix}…</span>
                    </td>
                    <td data-label={t("settings.keyRole")}>{t(`role.${key.role}`)}</td>
                    <td data-label={t("settings.lastUsed")}>
                      {key.lastUsedAt ? formatDateTime(key.lastUsedAt) : t("settings.never")}
                    </td>
                    <td>
                      {key.revokedAt ? (
                        <span class="muted">{t("settings.revoked")}</span>
                      ) : (
                        <button
                          type="button"
                          class="button small"
                          onClick={() => void settingsModel.revokeKey(key.id)}
                        >
                          {t("settings.revoke")}
                        </button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableRegion>
        )}
      </LoadState>
    </section>
  );
}

export default function SettingsPage() {
  const scope = session.dataScope.value;
  useEffect(() => settingsModel.load(), [scope]);
  const admin = roleAtLeast(session.role.value, "admin");
  const { settings } = settingsModel;
  return (
    <section class="page">
      <h1>{t("settings.title")}</h1>
      {!admin && <p class="muted">{t("settings.adminOnly")}</p>}
      <LoadState
        data={settings.data.value}
        error={settings.error.value}
        onRetry={settingsModel.load}
        rows={6}
      >
        {(s) => <SettingsForm key={s.dataVersion} settings={s} editable={admin} />}
      </LoadState>
      {admin && <MarketplaceAccounts />}
      {admin && <Users />}
      {admin && <ApiKeys />}
    </section>
  );
}
