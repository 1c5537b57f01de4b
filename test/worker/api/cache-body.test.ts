// A cached answer is served byte for byte as it was first sent, with its headers: a Russian CSV keeps its byte
// order mark (Excel needs it) and its file name on a HIT, and a JSON answer parses the same.
import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "../../support/worker-database";
import { distinctIps, get, seedShop, seedTenant, signIn } from "./fixtures";

useTestDatabase();

const ip = distinctIps(193);
let cookie: string;

beforeAll(async () => {
  const acme = await seedTenant("acme");
  await seedShop(acme.orgId);
  cookie = await signIn(acme.users.viewer.email, ip());
});

async function twice(path: string): Promise<Array<{ response: Response; bytes: Uint8Array }>> {
  const answers = [];
  for (const expected of ["MISS", "HIT"]) {
    const response = await get(path, ip(), { cookie });
    expect(response.status).toBe(200);
    expect(response.headers.get("X-Cache")).toBe(expected);
    answers.push({ response, bytes: new Uint8Array(await response.arrayBuffer()) });
  }
  return answers;
}

describe("cached answers", () => {
  it("keep a CSV's byte order mark, type and file name", async () => {
    const [miss, hit] = await twice("/api/inventory?format=csv&sort=article&lang=ru");
    expect([...(hit?.bytes.slice(0, 3) ?? [])]).toEqual([0xef, 0xbb, 0xbf]);
    expect(hit?.bytes).toEqual(miss?.bytes);
    expect(hit?.response.headers.get("Content-Type")).toBe(miss?.response.headers.get("Content-Type"));
    expect(hit?.response.headers.get("Content-Disposition")).toMatch(/attachment; filename="inventory-/);
  });

  it("keep a JSON answer's bytes and type", async () => {
    const [miss, hit] = await twice("/api/analytics/abc?from=2026-03-01&to=2026-03-10");
    expect(hit?.bytes).toEqual(miss?.bytes);
    expect(hit?.response.headers.get("Content-Type")).toContain("application/json");
  });
});
