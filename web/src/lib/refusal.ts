// A refused input in the user's language: the API names the field and a stable reason with its numbers
// (worker/api/input-issue.ts); the English sentence it also sends is for API users, never shown here.
import type { FieldProblem } from "../api/client";
import { t } from "../i18n/locale";
import type { MessageKey } from "../i18n/messages-en";

/** A form's own names for its fields, where the same key means different things ("name" of a user or an account). */
export type FieldLabels = Partial<Record<string, MessageKey>>;

const LABELS: FieldLabels = {
  email: "auth.email",
  password: "auth.password",
  role: "users.role",
  disabled: "field.disabled",
  marketplace: "accounts.marketplace",
  "credentials.clientId": "accounts.ozonClientId",
  "credentials.apiKey": "accounts.ozonApiKey",
  "credentials.token": "accounts.token",
  adapters: "field.adapters",
  "adapters.stock": "field.stockAdapters",
  "adapters.sales": "field.salesAdapters",
  criticalMax: "settings.criticalMax",
  lowMax: "settings.lowMax",
  overstockMin: "settings.overstockMin",
  leadTimeDays: "settings.leadTime",
  safetyStockDays: "settings.safetyStock",
  targetCoverDays: "settings.targetCover",
  velocityWindowDays: "settings.velocityWindow",
  coverCeilingDays: "field.coverCeiling",
  timeZone: "field.timeZone",
  ipAllowlist: "field.ipAllowlist",
  from: "field.from",
  to: "field.to",
  body: "refusal.anyField",
  rules: "alerts.rules",
  language: "alerts.language",
  quietHours: "alerts.quietFrom",
  digestHour: "alerts.digestHour",
  sunsetWarningDays: "alerts.sunsetDays",
};

/** "adapters.stock[1]" is labelled as "adapters"; "ipAllowlist[2]" as "ipAllowlist". */
function labelOf(field: string, labels: FieldLabels): string {
  const bare = field.replace(/\[\d+\]/g, "");
  const key = labels[bare] ?? LABELS[bare] ?? LABELS[bare.split(".")[0] ?? ""];
  return key ? t(key) : `«${field}»`;
}

const numberParam = (params: FieldProblem["params"], name: string) => Number(params?.[name] ?? 0);

function sizeProblem(problem: FieldProblem): string {
  const { params } = problem;
  const origin = params?.origin;
  if (problem.reason === "too_small") {
    const minimum = numberParam(params, "minimum");
    if (origin === "string") return minimum <= 1 ? t("refusal.required") : t("refusal.tooShort", { minimum });
    return t(origin === "array" ? "refusal.tooFew" : "refusal.tooSmall", { minimum });
  }
  const maximum = numberParam(params, "maximum");
  if (origin === "string") return t("refusal.tooLong", { maximum });
  return t(origin === "array" ? "refusal.tooMany" : "refusal.tooBig", { maximum });
}

function formatProblem(problem: FieldProblem): string {
  if (problem.params?.format === "email") return t("refusal.email");
  if (problem.field === "credentials.clientId") return t("refusal.number");
  return t("refusal.characters");
}

/** A change the caller may not make to themselves: which one, by the field it came under. */
function selfProblem(field: string): string {
  if (field === "disabled") return t("refusal.selfDisable");
  if (field === "role") return t("refusal.selfDemote");
  if (field === "ipAllowlist") return t("refusal.selfLockout");
  return t("refusal.self");
}

function takenProblem(field: string): string {
  if (field === "email") return t("refusal.emailTaken");
  if (field === "name") return t("refusal.accountNameTaken");
  return t("refusal.taken");
}

const PLAIN_REASONS: Record<string, MessageKey> = {
  required: "refusal.required",
  invalid_type: "refusal.type",
  invalid_value: "refusal.value",
  unknown_field: "refusal.unknownField",
  repeated: "refusal.repeated",
  thresholds_order: "refusal.thresholdsOrder",
  cover_ceiling_short: "refusal.coverCeiling",
  target_cover_short: "refusal.targetCoverShort",
  target_cover_over_ceiling: "refusal.targetCoverOverCeiling",
  after_to: "refusal.afterTo",
  not_used: "refusal.notUsed",
  same_orders: "refusal.sameOrders",
  disabled: "refusal.disabled",
};

/** The problem alone, e.g. "не короче 10 символов". */
export function problemText(problem: FieldProblem): string {
  switch (problem.reason) {
    case "too_small":
    case "too_big":
      return sizeProblem(problem);
    case "invalid_format":
      return formatProblem(problem);
    case "taken":
      return takenProblem(problem.field);
    case "self":
      return selfProblem(problem.field);
    case "same_cabinet":
      return t("refusal.sameCabinet", { account: String(problem.params?.account ?? "") });
    case "period_too_long":
      return t("refusal.periodTooLong", { maximum: numberParam(problem.params, "maximum") });
    default: {
      const key = PLAIN_REASONS[problem.reason];
      return t(key ?? "refusal.invalid");
    }
  }
}

/** "Пароль — не короче 10 символов"; an unknown key is named as sent ("«rol» — неизвестное поле"). */
export function refusalText(problem: FieldProblem, labels: FieldLabels = {}): string {
  const field = problem.reason === "unknown_field" ? `«${problem.field}»` : labelOf(problem.field, labels);
  return t("refusal.field", { field, problem: problemText(problem) });
}
