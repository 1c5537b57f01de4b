// The time zones the settings accept and the dashboard offers: real IANA zones only, Russia's first.
import { describe, expect, it } from "vitest";
import { canonicalTimeZone, isTimeZone, timeZoneChoices } from "../../../domain/time-zone";

describe("time zones", () => {
  it("accepts IANA zones and refuses anything else", () => {
    expect(isTimeZone("Europe/Moscow")).toBe(true);
    expect(isTimeZone("UTC")).toBe(true);
    expect(isTimeZone("")).toBe(false);
    expect(isTimeZone("Moscow")).toBe(false);
    expect(isTimeZone("Europe/Moskva")).toBe(false);
    expect(isTimeZone("MSK+3")).toBe(false);
  });

  it("offers every zone it accepts, Russia's first from west to east, each once", () => {
    const choices = timeZoneChoices();
    expect(choices.slice(0, 3)).toEqual(["Europe/Kaliningrad", "Europe/Moscow", "Europe/Samara"]);
    expect(choices).toContain("Asia/Vladivostok");
    expect(choices).toContain("UTC");
    expect(new Set(choices).size).toBe(choices.length);
    expect(choices.every(isTimeZone)).toBe(true);
  });
});

describe("the zone stored", () => {
  it("is the runtime's spelling of the zone sent", () => {
    expect(canonicalTimeZone("europe/moscow")).toBe("Europe/Moscow");
    expect(canonicalTimeZone("Europe/Moscow")).toBe("Europe/Moscow");
    expect(canonicalTimeZone("utc")).toBe("UTC");
  });
});
