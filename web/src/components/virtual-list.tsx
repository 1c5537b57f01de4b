// A list of fixed-height rows that renders only the rows in view (see lib/virtual-window), so tens of
// thousands of products scroll smoothly. The scroll position is a signal local to the list.
import { useSignal } from "@preact/signals";
import type { ComponentChildren } from "preact";
import { useEffect, useRef } from "preact/hooks";
import { virtualWindow } from "../lib/virtual-window";

interface VirtualListProps<T> {
  items: readonly T[];
  rowHeight: number;
  height: number;
  renderRow: (item: T, index: number) => ComponentChildren;
  label?: string;
  testId?: string;
}

export function VirtualList<T>({ items, rowHeight, height, renderRow, label, testId }: VirtualListProps<T>) {
  const scrollTop = useSignal(0);
  const viewport = useSignal(height);
  const ref = useRef<HTMLElement>(null);

  useEffect(() => {
    const element = ref.current;
    if (!element || typeof ResizeObserver === "undefined") return;
    const observer = new ResizeObserver(() => {
      viewport.value = element.clientHeight;
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  const view = virtualWindow(scrollTop.value, viewport.value, rowHeight, items.length);
  const rows: ComponentChildren[] = [];
  for (let index = view.start; index < view.end; index++) {
    const item = items[index] as T;
    rows.push(
      <li
        key={index}
        class="vrow"
        aria-posinset={index + 1}
        aria-setsize={items.length}
        style={{ height: `${rowHeight}px` }}
      >
        {renderRow(item, index)}
      </li>,
    );
  }
  return (
    <section
      ref={ref}
      class="vlist"
      aria-label={label}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scroll box must be focusable to scroll by keyboard.
      tabIndex={0}
      data-testid={testId}
      data-count={items.length}
      style={{ height: `${height}px` }}
      onScroll={(event) => {
        scrollTop.value = (event.currentTarget as HTMLElement).scrollTop;
      }}
    >
      <div style={{ height: `${view.totalHeight}px`, position: "relative" }}>
        <ul aria-label={label} style={{ transform: `translateY(${view.offsetTop}px)` }}>
          {rows}
        </ul>
      </div>
    </section>
  );
}
