// Per-paper facts the statistics checks share, computed once per paper (and only when a check
// asks for them), so running all four checks costs one normalisation, one sentence split and one
// scan per pattern.

import type { PaperText } from '../../types.ts';
import { findDescriptives } from './descriptives.ts';
import type { Descriptive } from './descriptives.ts';
import { findSampleSizes } from './sample-size.ts';
import type { SampleSize } from './sample-size.ts';
import { TextLayout, normaliseForStats } from './text-util.ts';

export interface StatsContext {
  readonly paper: PaperText;
  readonly text: string;
  readonly layout: TextLayout;
  readonly descriptives: Descriptive[];
  /** In text order: starts and ends both increase. */
  readonly samples: SampleSize[];
  /** Per-descriptive memo for checks that judge the same mean (GRIM and GRIMMER). */
  readonly memo: WeakMap<object, unknown>;
}

class LazyContext implements StatsContext {
  readonly paper: PaperText;
  readonly memo = new WeakMap<object, unknown>();
  private textValue?: string;
  private layoutValue?: TextLayout;
  private descriptivesValue?: Descriptive[];
  private samplesValue?: SampleSize[];

  constructor(paper: PaperText) {
    this.paper = paper;
  }
  get text(): string {
    return (this.textValue ??= normaliseForStats(this.paper.text));
  }
  get layout(): TextLayout {
    return (this.layoutValue ??= new TextLayout(this.paper));
  }
  get descriptives(): Descriptive[] {
    return (this.descriptivesValue ??= findDescriptives(this.text));
  }
  get samples(): SampleSize[] {
    return (this.samplesValue ??= findSampleSizes(this.text));
  }
}

const cache = new WeakMap<PaperText, StatsContext>();

export function statsContext(paper: PaperText): StatsContext {
  let c = cache.get(paper);
  if (!c) {
    c = new LazyContext(paper);
    cache.set(paper, c);
  }
  return c;
}

/** Bounds of the sentence around [start, end), cut to a window so long lines stay linear. */
export function windowBounds(c: StatsContext, start: number, end: number, radius = 400): { start: number; end: number } {
  const s = c.layout.sentenceAt(start);
  return { start: Math.max(Math.min(s.start, start), start - radius), end: Math.min(Math.max(s.end, end), end + radius) };
}

/** The sentence around [start, end), cut to a bounded window so long lines stay linear. */
export function sentenceWindow(c: StatsContext, start: number, end: number, radius = 400): { text: string; start: number; end: number } {
  const w = windowBounds(c, start, end, radius);
  return { text: c.text.slice(w.start, w.end), start: w.start, end: w.end };
}

/** Index of the first item whose start is at or after `offset` (items sorted by start). */
export function firstAtOrAfter(items: readonly { start: number }[], offset: number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (items[mid].start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
