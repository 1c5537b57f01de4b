// A refused connect's answer becomes the form's verdict: 400 wrong_key / missing_scope and 503 rate_limited,
// unreachable or vendor_error on field `credentials`, with the vendor's status and words; any other failure
// (a name taken, a malformed field, a 500) stays an ordinary error.
import { describe, expect, it } from "vitest";
import { ApiFailure } from "../../../web/src/api/client";
import { connectVerdict } from "../../../web/src/lib/connect-verdict";

const refusal = (
  status: number,
  reason: string,
  params?: Record<string, string | number>,
  field = "credentials",
) =>
  new ApiFailure(status, status === 400 ? "BAD_REQUEST" : "SERVICE_UNAVAILABLE", "credentials: …", "r1", {
    field,
    reason,
    ...(params && { params }),
  });

describe("connectVerdict", () => {
  it("reads the vendor's verdict from a refused connect", () => {
    expect(connectVerdict(refusal(400, "wrong_key", { status: 404, detail: "Invalid Api-Key" }))).toEqual({
      outcome: "wrong_key",
      message: "credentials: …",
      status: 404,
      detail: "Invalid Api-Key",
      expiredOn: null,
      missing: [],
    });
    expect(connectVerdict(refusal(400, "missing_scope"))).toMatchObject({
      outcome: "missing_scope",
      status: null,
      missing: [],
    });
    expect(
      connectVerdict(refusal(400, "missing_scope", { detail: "lacks …", missing: "Статистика, Аналитика" })),
    ).toMatchObject({ outcome: "missing_scope", missing: ["Статистика", "Аналитика"] });
    expect(connectVerdict(refusal(400, "wrong_key", { expiredOn: "2020-09-13" }))).toMatchObject({
      outcome: "wrong_key",
      expiredOn: "2020-09-13",
    });
    expect(connectVerdict(refusal(503, "rate_limited", { status: 429 }))).toMatchObject({
      outcome: "rate_limited",
      status: 429,
      detail: null,
    });
  });

  it("leaves other failures alone", () => {
    expect(connectVerdict(refusal(409, "taken", undefined, "name"))).toBeNull();
    expect(connectVerdict(refusal(400, "invalid", undefined, "credentials.clientId"))).toBeNull();
    expect(connectVerdict(refusal(400, "ok"))).toBeNull();
    expect(connectVerdict(new ApiFailure(500, "INTERNAL", "boom"))).toBeNull();
    expect(connectVerdict(new Error("network"))).toBeNull();
  });
});
