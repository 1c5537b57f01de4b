// The dev runner's demo world follows the wall clock: behind it, the world moves up to it and takes new orders;
// level with it, nothing moves. The simulator's clock is pinned here, and "now" is given, never read.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { catchUp } from "../../../dev/demo-clock";
import { HOUR_MS, MINUTE_MS } from "../../../dev/sim/clock";
import { type Simulator, startSimulator } from "../../../dev/sim/server";

const START = new Date("2026-11-01T06:00:00Z");
let sim: Simulator;

beforeAll(async () => {
  sim = await startSimulator({ port: 0, seed: 7, size: 200, start: START });
});
afterAll(() => sim.close());

describe("the demo world following the wall clock", () => {
  it("moves the world up to now, in whole minutes, and places new orders", () => {
    const summary = catchUp(sim, START.getTime() + 5 * HOUR_MS + 30_000);
    expect(sim.now().getTime()).toBe(START.getTime() + 5 * HOUR_MS);
    expect((summary?.newOzonPostings ?? 0) + (summary?.newWbOrders ?? 0)).toBeGreaterThan(0);
  });

  it("leaves a world that is not a whole minute behind where it is", () => {
    const before = sim.now().getTime();
    expect(catchUp(sim, before + MINUTE_MS - 1)).toBeNull();
    expect(catchUp(sim, before - HOUR_MS)).toBeNull();
    expect(sim.now().getTime()).toBe(before);
  });
});
