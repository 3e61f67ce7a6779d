// The map from checkable text back to the LaTeX sources: a sorted list of segments, each a run
// of text that came from one source range. Exact segments map character by character; others
// (macro replacements such as \times → ×) map any part of them to their whole source range.

import type { SourceMap, SourceRange, TextSpan } from '../types.ts';
import { LineIndex } from '../text/line-index.ts';

export interface Segment {
  /** [t0, t1) in the checkable text. */
  t0: number;
  t1: number;
  /** Index into the file list; -1 for separators the extractor inserted ("\n\n", " | "). */
  file: number;
  /** [s0, s1) in that file's text. */
  s0: number;
  s1: number;
  exact: boolean;
}

export interface SourceFile {
  uri: string;
  text: string;
}

export class SegmentMap implements SourceMap {
  private readonly segs: Segment[];
  private readonly files: SourceFile[];
  private readonly indexes = new Map<number, LineIndex>();
  private readonly textLength: number;

  constructor(segs: Segment[], files: SourceFile[], textLength: number) {
    this.segs = segs;
    this.files = files;
    this.textLength = textLength;
  }

  /** Index of the segment containing text offset `t` (the last one starting at or before it). */
  private find(t: number): number {
    let lo = 0;
    let hi = this.segs.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.segs[mid].t0 <= t) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  private index(file: number): LineIndex {
    let idx = this.indexes.get(file);
    if (!idx) {
      idx = new LineIndex(this.files[file]?.text ?? '');
      this.indexes.set(file, idx);
    }
    return idx;
  }

  /** Source offsets [file, start, end) for a text span; the span's first real character decides the file. */
  sourceSpan(start: number, end: number): { file: number; start: number; end: number } | undefined {
    if (this.segs.length === 0) return undefined;
    const s = Math.max(0, Math.min(start, this.textLength));
    const e = Math.max(s, Math.min(end, this.textLength));
    let i = this.find(s);
    // Skip inserted separators forwards, within the span.
    let k = i;
    while (k < this.segs.length && this.segs[k].file < 0 && this.segs[k].t0 < Math.max(e, s + 1)) k++;
    if (k < this.segs.length && this.segs[k].file >= 0 && this.segs[k].t0 < Math.max(e, s + 1)) i = k;
    else {
      // Only separators: point at the nearest real character before (or after) them.
      let b = i;
      while (b >= 0 && this.segs[b].file < 0) b--;
      if (b >= 0) return { file: this.segs[b].file, start: this.segs[b].s1, end: this.segs[b].s1 };
      let f = i;
      while (f < this.segs.length && this.segs[f].file < 0) f++;
      if (f < this.segs.length) return { file: this.segs[f].file, start: this.segs[f].s0, end: this.segs[f].s0 };
      return undefined;
    }
    const first = this.segs[i];
    const from = Math.max(s, first.t0);
    const srcStart = first.exact ? first.s0 + (from - first.t0) : first.s0;
    if (e <= s) return { file: first.file, start: srcStart, end: srcStart };
    // The last real segment of the same file inside the span.
    let j = this.find(e - 1);
    while (j > i && (this.segs[j].file !== first.file || this.segs[j].s1 < srcStart)) j--;
    const last = this.segs[j];
    const to = Math.min(e, last.t1);
    const srcEnd = last.exact ? last.s0 + (to - last.t0) : last.s1;
    return { file: first.file, start: srcStart, end: Math.max(srcStart, srcEnd) };
  }

  toSource(start: number, end: number): SourceRange {
    const span = this.sourceSpan(start, end);
    if (!span) {
      const uri = this.files[0]?.uri ?? '';
      return { uri, start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    }
    const idx = this.index(span.file);
    return { uri: this.files[span.file].uri, start: idx.positionAt(span.start), end: idx.positionAt(span.end) };
  }

  /** Text spans whose source lies inside the given source ranges of one file (for ignore comments). */
  textSpansFor(file: number, ranges: readonly [number, number][]): TextSpan[] {
    const out: TextSpan[] = [];
    if (ranges.length === 0) return out;
    for (const seg of this.segs) {
      if (seg.file !== file) continue;
      for (const [a, b] of ranges) {
        if (seg.s1 <= a || seg.s0 >= b) continue;
        if (seg.exact) {
          const lo = Math.max(a, seg.s0);
          const hi = Math.min(b, seg.s1);
          out.push({ start: seg.t0 + (lo - seg.s0), end: seg.t0 + (hi - seg.s0) });
        } else if (seg.s0 >= a && seg.s0 < b) out.push({ start: seg.t0, end: seg.t1 });
      }
    }
    return mergeSpans(out);
  }
}

export function mergeSpans(spans: TextSpan[]): TextSpan[] {
  const sorted = spans.filter((s) => s.end > s.start).sort((x, y) => x.start - y.start);
  const out: TextSpan[] = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    // Spans separated only by an inserted space or separator are one region.
    if (last && s.start <= last.end + 1) last.end = Math.max(last.end, s.end);
    else out.push({ ...s });
  }
  return out;
}
