// The time as the page shows it ("5 минут назад"): a signal that moves every 15 s while some component reads it
// through useClock(), so an age on screen keeps counting without anything else changing.
import { signal } from "@preact/signals";
import { useEffect } from "preact/hooks";

const TICK_MS = 15_000;
const now = signal(Date.now());
let readers = 0;
let timer: ReturnType<typeof setInterval> | undefined;

/** The current time, re-rendering the caller as it moves. */
export function useClock(): number {
  useEffect(() => {
    readers++;
    now.value = Date.now();
    timer ??= setInterval(() => (now.value = Date.now()), TICK_MS);
    return () => {
      readers--;
      if (readers === 0 && timer !== undefined) {
        clearInterval(timer);
        timer = undefined;
      }
    };
  }, []);
  return now.value;
}
