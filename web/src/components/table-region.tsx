// A table's horizontal scroll box: on a narrow screen the table scrolls inside it (its first, key column
// pinned) instead of running off the page. Focusable and labelled, so a keyboard user can scroll it too.
import type { ComponentChildren } from "preact";

export function TableRegion({
  label,
  children,
  pinned = true,
}: {
  label: string;
  children: ComponentChildren;
  /** Pin the first column; off for tables of controls, whose buttons a pinned column would cover. */
  pinned?: boolean;
}) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scroll box must be focusable to scroll by keyboard.
    <section class={pinned ? "table-wrap" : "table-wrap unpinned"} aria-label={label} tabIndex={0}>
      {children}
    </section>
  );
}
