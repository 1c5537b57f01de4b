// Reading a WB token's categories and expiry from its JWT payload, and which categories an account's feeds need.
import { describe, expect, it } from "vitest";
import { readWbToken, wbCategoriesNeeded } from "../../../cron/adapters/wb/token-categories";
import { wbJwt } from "../../support/wb-token";

describe("readWbToken", () => {
  it("reads the categories from the bitmask and the expiry", () => {
    const claims = readWbToken(wbJwt(["content", "statistics", "readonly"], { exp: 1_800_000_000 }));
    expect([...(claims?.categories ?? [])].sort()).toEqual(["content", "statistics"]);
    expect(claims?.expiresAt?.toISOString()).toBe("2027-01-15T08:00:00.000Z");
  });

  it("takes a token sent with a Bearer prefix", () => {
    expect([...(readWbToken(`Bearer ${wbJwt(["marketplace"])}`)?.categories ?? [])]).toEqual(["marketplace"]);
  });

  it("says nothing of a token that is not a JWT carrying s", () => {
    expect(readWbToken("demo-wb-token")).toBeNull();
    expect(readWbToken("a.b.c")).toBeNull();
    const noMask = `${btoa("{}")}.${btoa(JSON.stringify({ id: "x" }))}.sig`;
    expect(readWbToken(noMask)).toBeNull();
    const badMask = `${btoa("{}")}.${btoa(JSON.stringify({ s: "all" }))}.sig`;
    expect(readWbToken(badMask)).toBeNull();
  });
});

describe("wbCategoriesNeeded", () => {
  it("covers every host the default feeds call", () => {
    expect(wbCategoriesNeeded({}).sort()).toEqual(["analytics", "content", "marketplace", "statistics"]);
  });

  it("follows the account's configured feeds", () => {
    expect(wbCategoriesNeeded({ stock: ["wb.v3.seller_stocks"], sales: [] })).toEqual(["marketplace"]);
  });
});
