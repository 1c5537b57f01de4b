// Command-line arguments of `npm run sim`: defaults, values, and errors that name the bad argument.

import { describe, expect, it } from "vitest";
import { parseArgs } from "../../../dev/sim/args";

describe("parseArgs", () => {
  it("has the documented defaults", () => {
    expect(parseArgs([])).toMatchObject({
      host: "127.0.0.1",
      port: 8790,
      limitsEnabled: true,
      mode: "current",
      help: false,
    });
  });

  it("reads every option, with spaces or =", () => {
    expect(
      parseArgs([
        "--port",
        "0",
        "--seed=5",
        "--size",
        "100",
        "--time-scale",
        "60",
        "--no-limits",
        "--legacy",
      ]),
    ).toMatchObject({
      mode: "legacy",
      port: 0,
      seed: 5,
      size: 100,
      timeScale: 60,
      limitsEnabled: false,
    });
    expect(parseArgs(["--help"]).help).toBe(true);
  });

  it("names the bad argument", () => {
    expect(() => parseArgs(["--port", "http"])).toThrow(/^--port: expected an integer/);
    expect(() => parseArgs(["--port", "70000"])).toThrow(/^--port: must be between/);
    expect(() => parseArgs(["--size"])).toThrow(/^--size: a value is required/);
    expect(() => parseArgs(["--time-scale", "-1"])).toThrow(/^--time-scale:/);
    expect(() => parseArgs(["--colour"])).toThrow(/^--colour: unknown argument/);
  });
});
