// The virtualized list renders a small window of rows wherever it is scrolled, never past the ends.
import { describe, expect, it } from "vitest";
import { virtualWindow } from "../../../web/src/lib/virtual-window";

describe("virtualWindow", () => {
  it("renders only the rows in view plus the overscan at the top", () => {
    expect(virtualWindow(0, 440, 44, 50_000, 8)).toEqual({
      start: 0,
      end: 19,
      offsetTop: 0,
      totalHeight: 2_200_000,
    });
  });

  it("follows the scroll position deep into a long list", () => {
    const view = virtualWindow(44 * 30_000, 440, 44, 50_000, 8);
    expect(view.start).toBe(29_992);
    expect(view.end).toBe(30_019);
    expect(view.offsetTop).toBe(29_992 * 44);
    expect(view.end - view.start).toBeLessThan(40);
  });

  it("clamps at the end and handles an empty list", () => {
    const view = virtualWindow(10_000_000, 440, 44, 100, 8);
    expect(view.end).toBe(100);
    expect(view.start).toBeGreaterThan(80);
    expect(virtualWindow(0, 440, 44, 0)).toEqual({ start: 0, end: 0, offsetTop: 0, totalHeight: 0 });
  });
});
