// A refused form says what is wrong in the user's language: the API's field and reason (never its English
// sentence) become "Пароль — не короче 10 символов", for every form's fields and reasons.
import { afterAll, describe, expect, it } from "vitest";
import { ApiFailure, type FieldProblem } from "../../../web/src/api/client";
import { setLocale } from "../../../web/src/i18n/locale";
import { errorText } from "../../../web/src/lib/error-text";

const refused = (status: number, message: string, problem: FieldProblem) =>
  errorText(new ApiFailure(status, status === 409 ? "CONFLICT" : "BAD_REQUEST", message, "req", problem));

afterAll(() => setLocale("ru"));

describe("a refused change in Russian", () => {
  it("names the field and the problem without the API's English", () => {
    setLocale("ru");
    const cases: Array<[number, string, FieldProblem, string]> = [
      [
        400,
        "password: Too small: expected string to have >=10 characters",
        { field: "password", reason: "too_small", params: { minimum: 10, origin: "string" } },
        "Не сохранено: Пароль — не короче 10 символов",
      ],
      [
        400,
        "email: Invalid email address",
        { field: "email", reason: "invalid_format", params: { format: "email" } },
        "Не сохранено: Эл. почта — это не адрес эл. почты",
      ],
      [
        400,
        "disabled: you cannot disable yourself",
        { field: "disabled", reason: "self" },
        "Не сохранено: Отключён — нельзя отключить самого себя",
      ],
      [
        400,
        "role: you cannot demote yourself",
        { field: "role", reason: "self" },
        "Не сохранено: Роль — нельзя снять с себя роль администратора",
      ],
      [
        409,
        'name: your organization already has an account named "Main"',
        { field: "name", reason: "taken" },
        "Не сохранено: Название аккаунта — в организации уже есть аккаунт с таким названием",
      ],
      [
        409,
        'credentials.clientId: this Client-Id opens the seller cabinet your organization already connected as "Ozon demo"',
        { field: "credentials.clientId", reason: "same_cabinet", params: { account: "Ozon demo" } },
        "Не сохранено: Client ID — этот кабинет продавца уже подключён как «Ozon demo»; чтобы сменить ключ, нажмите «Сменить ключ» у того аккаунта",
      ],
      [
        400,
        "lowMax: thresholds must satisfy criticalMax < lowMax < overstockMin",
        { field: "lowMax", reason: "thresholds_order" },
        "Не сохранено: Мало: не более — пороги должны расти: критично < мало < избыток",
      ],
      [
        400,
        "targetCoverDays: must be more than leadTimeDays + safetyStockDays (now targetCoverDays 10, leadTimeDays 30, safetyStockDays 7, coverCeilingDays 120)",
        { field: "targetCoverDays", reason: "target_cover_short" },
        "Не сохранено: Целевой запас, дней — должно быть больше срока поставки и страхового запаса вместе",
      ],
      [
        400,
        "targetCoverDays: must not be more than coverCeilingDays (now targetCoverDays 200, leadTimeDays 14, safetyStockDays 7, coverCeilingDays 120)",
        { field: "targetCoverDays", reason: "target_cover_over_ceiling" },
        "Не сохранено: Целевой запас, дней — должно быть не больше предела запаса",
      ],
      [
        400,
        "credentials.apiKey: the Api-Key may hold only Latin letters, digits and punctuation (no spaces)",
        { field: "credentials.apiKey", reason: "invalid_format", params: { format: "regex" } },
        "Не сохранено: API-ключ — только латинские буквы, цифры и знаки препинания, без пробелов",
      ],
      [
        400,
        "rol: unknown field",
        { field: "rol", reason: "unknown_field" },
        "Не сохранено: «rol» — неизвестное поле",
      ],
      [
        400,
        "from: a period spans at most 731 days",
        { field: "from", reason: "period_too_long", params: { maximum: 731 } },
        "Не сохранено: С — период не длиннее 731 дня",
      ],
    ];
    for (const [status, english, problem, shown] of cases) {
      const text = errorText(new ApiFailure(status, "BAD_REQUEST", english, "req", problem), {
        name: "accounts.name",
      });
      expect(text).toBe(shown);
      expect(text, english).not.toContain(english.split(": ").slice(1).join(": "));
    }
  });

  it("says it in English when the interface is English, and keeps a problem-less failure's message", () => {
    setLocale("en");
    expect(
      refused(400, "criticalMax: Too big", {
        field: "criticalMax",
        reason: "too_big",
        params: { maximum: 1_000_000, origin: "number" },
      }),
    ).toBe("Not saved: Critical: at most — at most 1,000,000");
    expect(
      refused(409, "credentials.token: this token opens the seller cabinet …", {
        field: "credentials.token",
        reason: "same_cabinet",
        params: { account: "WB main" },
      }),
    ).toBe(
      "Not saved: API token — this seller cabinet is already connected as “WB main”; to change its key, use “Change key” on that account",
    );
    expect(errorText(new ApiFailure(500, "INTERNAL", "Internal error"))).toBe(
      "Could not load: Internal error",
    );
  });
});
