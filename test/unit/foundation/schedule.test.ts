// Every cron declared in wrangler.toml runs a known job, and a cron nobody mapped fails loudly.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { CRON_JOBS, jobForCron, UnknownCronError } from "../../../cron/schedule";

function declaredCrons(): string[] {
  const toml = readFileSync(new URL("../../../wrangler.toml", import.meta.url), "utf8");
  const line = toml.split("\n").find((entry) => entry.trim().startsWith("crons"));
  if (!line) throw new Error("wrangler.toml declares no crons");
  return JSON.parse(line.slice(line.indexOf("=") + 1)) as string[];
}

describe("cron schedule", () => {
  it("maps each cron in wrangler.toml to a job, and runs each job from exactly one cron", () => {
    const crons = declaredCrons();
    expect(crons.map(jobForCron).sort()).toEqual(["full-sync", "health-check", "incremental-sync"]);
    expect(Object.keys(CRON_JOBS).sort()).toEqual([...crons].sort());
  });

  it("runs the full sync twice a day and the incremental every two hours", () => {
    expect(jobForCron("0 3,15 * * *")).toBe("full-sync");
    expect(jobForCron(" 0 */2 * * * ")).toBe("incremental-sync");
  });

  it("rejects an unmapped cron naming it and the known ones", () => {
    expect(() => jobForCron("5 4 * * *")).toThrowError(UnknownCronError);
    expect(() => jobForCron("5 4 * * *")).toThrowError(/"5 4 \* \* \*".*0 3,15/);
  });
});
