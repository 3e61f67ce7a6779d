// A deadline checked inside the synchronous loops of extraction (line building, layout, table
// search), not only between awaits: one pathological page must not hold the thread past the budget.

export class Stop extends Error {
  readonly why: 'timeout' | 'abort';
  constructor(why: 'timeout' | 'abort') {
    super(why);
    this.why = why;
  }
}

export class Budget {
  private readonly deadline: number;
  private readonly signal: AbortSignal | undefined;
  private ticks = 0;

  constructor(deadline: number, signal?: AbortSignal) {
    this.deadline = deadline;
    this.signal = signal;
  }

  /** Throws Stop when the time is up or the work was cancelled. Cheap: looks at the clock every 256 calls. */
  tick(): void {
    if ((++this.ticks & 255) !== 0) return;
    this.check();
  }

  check(): void {
    if (this.signal?.aborted) throw new Stop('abort');
    if (Date.now() > this.deadline) throw new Stop('timeout');
  }

  get left(): number {
    return this.deadline - Date.now();
  }
}

/** No limit: for callers (tests, tools) that lay out a page outside an extraction. */
export const UNLIMITED = new Budget(Number.POSITIVE_INFINITY);
