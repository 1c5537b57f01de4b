// A binary min-heap of timed events, so advancing the clock applies them in time order.

export interface Timed {
  at: number;
}

export class EventQueue<E extends Timed> {
  private readonly heap: E[] = [];
  /** Tie-breaker keeps equal-time events in insertion order (determinism). */
  private readonly order = new WeakMap<E, number>();
  private counter = 0;

  get size(): number {
    return this.heap.length;
  }

  push(event: E): void {
    this.order.set(event, this.counter++);
    this.heap.push(event);
    let i = this.heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.less(i, parent)) break;
      this.swap(i, parent);
      i = parent;
    }
  }

  /** Removes and returns the earliest event at or before `until`, if any. */
  popUntil(until: number): E | undefined {
    const top = this.heap[0];
    if (!top || top.at > until) return undefined;
    const last = this.heap.pop();
    if (this.heap.length > 0 && last) {
      this.heap[0] = last;
      let i = 0;
      for (;;) {
        const left = 2 * i + 1;
        const right = left + 1;
        let smallest = i;
        if (left < this.heap.length && this.less(left, smallest)) smallest = left;
        if (right < this.heap.length && this.less(right, smallest)) smallest = right;
        if (smallest === i) break;
        this.swap(i, smallest);
        i = smallest;
      }
    }
    return top;
  }

  private less(a: number, b: number): boolean {
    const x = this.heap[a] as E;
    const y = this.heap[b] as E;
    if (x.at !== y.at) return x.at < y.at;
    return (this.order.get(x) ?? 0) < (this.order.get(y) ?? 0);
  }

  private swap(a: number, b: number): void {
    const x = this.heap[a] as E;
    this.heap[a] = this.heap[b] as E;
    this.heap[b] = x;
  }
}
