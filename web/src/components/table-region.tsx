// A table's horizontal scroll box: on a narrow screen the table scrolls inside it (its first, key column
// pinned) instead of running off the page, or turns into one card per row. Focusable and labelled, so a
// keyboard user can scroll it too.
import type { ComponentChildren } from "preact";

export function TableRegion({
  label,
  children,
  pinned = true,
  phoneCards = false,
}: {
  label: string;
  children: ComponentChildren;
  /** Pin the first column; off for tables of controls, whose buttons a pinned column would cover. */
  pinned?: boolean;
  /**
   * On a phone, each row becomes a card of "label, value" lines (from each cell's data-label) that fits the
   * screen, for tables whose right columns matter as much as the key: nothing is left past the edge.
   */
  phoneCards?: boolean;
}) {
  const classes = ["table-wrap", pinned ? "" : "unpinned", phoneCards ? "phone-cards" : ""].filter(Boolean);
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scroll box must be focusable to scroll by keyboard.
    <section class={classes.join(" ")} aria-label={label} tabIndex={0}>
      {children}
    </section>
  );
}
