// Per-paper facts the GRIM-family checks share, computed once per paper.

import type { PaperText } from '../../types.ts';
import { findDescriptives } from './descriptives.ts';
import type { Descriptive } from './descriptives.ts';
import { findSampleSizes } from './sample-size.ts';
import type { SampleSize } from './sample-size.ts';
import { TextLayout, normaliseForStats } from './text-util.ts';

export interface StatsContext {
  text: string;
  layout: TextLayout;
  descriptives: Descriptive[];
  samples: SampleSize[];
}

const cache = new WeakMap<PaperText, StatsContext>();

export function statsContext(paper: PaperText): StatsContext {
  let c = cache.get(paper);
  if (!c) {
    const text = normaliseForStats(paper.text);
    c = { text, layout: new TextLayout(paper), descriptives: findDescriptives(text), samples: findSampleSizes(text) };
    cache.set(paper, c);
  }
  return c;
}

/** The sentence around [start, end), cut to a bounded window so long lines stay linear. */
export function sentenceWindow(c: StatsContext, start: number, end: number, radius = 400): { text: string; start: number; end: number } {
  const s = c.layout.sentenceAt(start);
  const from = Math.max(Math.min(s.start, start), start - radius);
  const to = Math.min(Math.max(s.end, end), end + radius);
  return { text: c.text.slice(from, to), start: from, end: to };
}
