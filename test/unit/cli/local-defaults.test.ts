// The CLI's copies of the dev setup's constants (the CLI may not import dev/) match the originals.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  DEMO_LOGIN,
  DEV_CREDENTIALS_KEY,
  LOCAL_DATABASE_URL,
  LOCAL_WORKER_URL,
} from "../../../cli/local-defaults";
import { DEMO_LOGIN as SEEDED } from "../../../dev/demo-seed";

describe("local defaults", () => {
  it("match dev/demo-seed.ts and dev/run.ts", () => {
    expect(DEMO_LOGIN).toEqual(SEEDED);
    const run = readFileSync(new URL("../../../dev/run.ts", import.meta.url), "utf8");
    expect(run).toContain(`const credentialsKey = "${DEV_CREDENTIALS_KEY}"`);
    expect(run).toMatch(/"port", values\.port as string \| undefined, 8787/);
    expect(run).toMatch(/"db-port", values\["db-port"\] as string \| undefined, 8791/);
    expect(LOCAL_WORKER_URL).toBe("http://127.0.0.1:8787");
    expect(LOCAL_DATABASE_URL).toBe("postgresql://local:local@127.0.0.1:8791/main");
  });
});
