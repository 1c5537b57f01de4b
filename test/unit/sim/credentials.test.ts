// The simulator's vendors accept the credentials they were given: POST /_sim/credentials adds more without
// replacing any (so test files running side by side each add their own), and a WB token added again takes
// its new categories.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Simulator } from "../../../dev/sim/server";
import { control, OZON_HEADERS, ozon, start, WB_TOKEN } from "./helpers";

let sim: Simulator;
beforeAll(async () => {
  sim = await start({ limitsEnabled: false, size: 50 });
});
afterAll(() => sim.close());

const productList = { filter: { visibility: "ALL" }, last_id: "", limit: 1 };
const ozonAs = (clientId: string, apiKey: string) =>
  ozon(sim, "/v3/product/list", productList, { ...OZON_HEADERS, "Client-Id": clientId, "Api-Key": apiKey });

describe("POST /_sim/credentials", () => {
  it("accepts added credentials beside the configured ones, once each", async () => {
    expect((await ozonAs("5001", "key-one")).status).toBe(404); // Ozon's answer to an unknown Api-Key
    const first = await control(sim, "POST", "/credentials", {
      ozon: [{ clientId: "5001", apiKey: "key-one" }],
    });
    expect(first.status).toBe(200);
    await control(sim, "POST", "/credentials", {
      ozon: [{ clientId: "5001", apiKey: "key-one" }],
      wb: [{ token: "wb-extra", categories: ["statistics"] }],
    });
    expect((await ozonAs("5001", "key-one")).status).toBe(200);
    expect((await ozonAs("1001", "demo-ozon-key")).status).toBe(200);
    const config = await control(sim, "GET", "/config");
    expect(config.json.credentials.ozon).toEqual([
      { clientId: "1001", apiKey: "demo-ozon-key" },
      { clientId: "5001", apiKey: "key-one" },
    ]);
    expect(config.json.credentials.wb.map((one: { token: string }) => one.token)).toEqual([
      WB_TOKEN,
      "wb-extra",
    ]);
  });

  it("gives a known WB token the categories sent, and refuses a malformed body naming the field", async () => {
    await control(sim, "POST", "/credentials", { wb: [{ token: "wb-extra", categories: ["analytics"] }] });
    const config = await control(sim, "GET", "/config");
    const extra = config.json.credentials.wb.filter((one: { token: string }) => one.token === "wb-extra");
    expect(extra).toEqual([{ token: "wb-extra", categories: ["analytics"] }]);
    const bad = await control(sim, "POST", "/credentials", { ozon: [{ clientId: "abc", apiKey: "k" }] });
    expect(bad.status).toBe(400);
    expect(bad.text).toContain("clientId");
  });
});
