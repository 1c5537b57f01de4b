// `npm run dev`'s living demo seller: the simulated world is moved up to the wall clock once a minute, so it
// keeps taking orders, shipping and receiving supplies while the app runs and a scheduled sync finds new sales.
// Only the dev runner does this; tests start the simulator on a fixed clock and move it explicitly.
import type { Simulator } from "./sim/server";

/** How often the world catches up with the wall clock. */
export const DEMO_TICK_MS = 60_000;

/** Moves the world to `nowMs` if it is behind; answers the summary of what happened, or null when it was not. */
export function catchUp(simulator: Pick<Simulator, "now" | "advance">, nowMs: number) {
  const behindMs = nowMs - simulator.now().getTime();
  // Whole minutes only: advance() refuses nothing positive, but a sub-minute step adds no order worth a rebuild.
  const minutes = Math.floor(behindMs / 60_000);
  if (minutes < 1) return null;
  return simulator.advance({ minutes });
}

/** Starts following the wall clock; the returned function stops it. The timer never keeps the process alive. */
export function followWallClock(simulator: Pick<Simulator, "now" | "advance">): () => void {
  const timer = setInterval(() => {
    try {
      catchUp(simulator, Date.now());
    } catch (error) {
      console.error(`The demo world could not advance: ${error instanceof Error ? error.message : error}`);
    }
  }, DEMO_TICK_MS);
  timer.unref();
  return () => clearInterval(timer);
}
