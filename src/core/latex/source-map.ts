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

const STRIDE = 6;

/**
 * Segments packed six integers apiece in one growable Int32Array (t0, t1, file, s0, s1, exact):
 * a long paper has a million of them, and objects would cost several times the memory and GC work.
 */
export class SegmentList {
  private data = new Int32Array(STRIDE * 1024);
  length = 0;

  /** Appends a segment, or extends the last one when it continues it (same file, exact, adjacent). */
  add(t0: number, t1: number, file: number, s0: number, s1: number, exact: boolean): void {
    const d = this.data;
    if (this.length > 0) {
      const k = (this.length - 1) * STRIDE;
      if (d[k + 1] === t0 && d[k + 2] === file && (file < 0 || (exact && d[k + 5] === 1 && d[k + 4] === s0))) {
        d[k + 1] = t1;
        if (file >= 0) d[k + 4] = s1;
        return;
      }
    }
    if ((this.length + 1) * STRIDE > d.length) {
      const grown = new Int32Array(d.length * 2);
      grown.set(d);
      this.data = grown;
    }
    const k = this.length * STRIDE;
    const g = this.data;
    g[k] = t0;
    g[k + 1] = t1;
    g[k + 2] = file;
    g[k + 3] = s0;
    g[k + 4] = s1;
    g[k + 5] = exact ? 1 : 0;
    this.length++;
  }

  t0(i: number): number { return this.data[i * STRIDE]; }
  t1(i: number): number { return this.data[i * STRIDE + 1]; }
  file(i: number): number { return this.data[i * STRIDE + 2]; }
  s0(i: number): number { return this.data[i * STRIDE + 3]; }
  s1(i: number): number { return this.data[i * STRIDE + 4]; }
  exact(i: number): boolean { return this.data[i * STRIDE + 5] === 1; }

  get(i: number): Segment {
    return { t0: this.t0(i), t1: this.t1(i), file: this.file(i), s0: this.s0(i), s1: this.s1(i), exact: this.exact(i) };
  }

  /** Drops the unused capacity once the text is complete. */
  trim(): void {
    if (this.data.length > this.length * STRIDE) this.data = this.data.slice(0, this.length * STRIDE);
  }
}

export interface SourceFile {
  uri: string;
  text: string;
}

export class SegmentMap implements SourceMap {
  private readonly segs: SegmentList;
  private readonly files: SourceFile[];
  private readonly indexes = new Map<number, LineIndex>();
  private readonly textLength: number;

  constructor(segs: SegmentList, files: SourceFile[], textLength: number) {
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
      if (this.segs.t0(mid) <= t) lo = mid;
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
    while (k < this.segs.length && this.segs.file(k) < 0 && this.segs.t0(k) < Math.max(e, s + 1)) k++;
    if (k < this.segs.length && this.segs.file(k) >= 0 && this.segs.t0(k) < Math.max(e, s + 1)) i = k;
    else {
      // Only separators: point at the nearest real character before (or after) them.
      let b = i;
      while (b >= 0 && this.segs.file(b) < 0) b--;
      if (b >= 0) return { file: this.segs.file(b), start: this.segs.s1(b), end: this.segs.s1(b) };
      let f = i;
      while (f < this.segs.length && this.segs.file(f) < 0) f++;
      if (f < this.segs.length) return { file: this.segs.file(f), start: this.segs.s0(f), end: this.segs.s0(f) };
      return undefined;
    }
    const first = this.segs.get(i);
    const from = Math.max(s, first.t0);
    const srcStart = first.exact ? first.s0 + (from - first.t0) : first.s0;
    if (e <= s) return { file: first.file, start: srcStart, end: srcStart };
    // The last real segment of the same file inside the span.
    let j = this.find(e - 1);
    while (j > i && (this.segs.file(j) !== first.file || this.segs.s1(j) < srcStart)) j--;
    const last = this.segs.get(j);
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
    for (let k = 0; k < this.segs.length; k++) {
      if (this.segs.file(k) !== file) continue;
      const seg = this.segs.get(k);
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
