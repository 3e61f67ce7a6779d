// Maps offsets of the extracted text back to the page, line and box they were printed at.
// Stored per run (a stretch of text from one fragment), in typed arrays, not per character.

import type { SourceMap, SourceRange } from '../types.ts';
import type { LineSpan, PdfLine } from './model.ts';

const INTS = 5; // textStart, length, page, line, lineChar
const FLOATS = 6; // baseline x0, y0, x1, y1, size, fragment length (characters)

export class PdfSourceMap implements SourceMap {
  private ints = new Int32Array(INTS * 1024);
  private floats = new Float32Array(FLOATS * 1024);
  private count = 0;
  private readonly uri: string;
  private textLength = 0;

  constructor(uri: string) {
    this.uri = uri;
  }

  get runCount(): number {
    return this.count;
  }

  /** Records that text[textStart, textStart + length) shows line.text[lineChar, lineChar + length) of `span`. */
  add(textStart: number, length: number, line: PdfLine, span: LineSpan, lineChar: number): void {
    if (length <= 0) return;
    if (this.count * INTS >= this.ints.length) {
      const ni = new Int32Array(this.ints.length * 2);
      ni.set(this.ints);
      this.ints = ni;
      const nf = new Float32Array(this.floats.length * 2);
      nf.set(this.floats);
      this.floats = nf;
    }
    const f = span.frag;
    const n = Math.max(1, f.text.length);
    // The part of the fragment this run shows, as a fraction of its baseline.
    const a = (span.fragStart + (lineChar - span.start)) / n;
    const b = (span.fragStart + (lineChar - span.start) + length) / n;
    const i = this.count * INTS;
    this.ints[i] = textStart;
    this.ints[i + 1] = length;
    this.ints[i + 2] = line.page;
    this.ints[i + 3] = line.index;
    this.ints[i + 4] = lineChar;
    const j = this.count * FLOATS;
    this.floats[j] = f.ux0 + (f.ux1 - f.ux0) * a;
    this.floats[j + 1] = f.uy0 + (f.uy1 - f.uy0) * a;
    this.floats[j + 2] = f.ux0 + (f.ux1 - f.ux0) * b;
    this.floats[j + 3] = f.uy0 + (f.uy1 - f.uy0) * b;
    this.floats[j + 4] = f.size;
    this.floats[j + 5] = length;
    this.count++;
  }

  /** Called once the text is complete, so offsets can be clamped. */
  finish(textLength: number): void {
    this.textLength = textLength;
    this.ints = this.ints.slice(0, this.count * INTS);
    this.floats = this.floats.slice(0, this.count * FLOATS);
  }

  /** Index of the first run that ends after `offset` (runs are in text order). */
  private runAtOrAfter(offset: number): number {
    let lo = 0;
    let hi = this.count;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.ints[mid * INTS] + this.ints[mid * INTS + 1] <= offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private box(r: number, from: number, to: number): [number, number, number, number] {
    const j = r * FLOATS;
    const len = this.floats[j + 5] || 1;
    const [x0, y0, x1, y1, size] = [this.floats[j], this.floats[j + 1], this.floats[j + 2], this.floats[j + 3], this.floats[j + 4]];
    const ax = x0 + ((x1 - x0) * from) / len;
    const ay = y0 + ((y1 - y0) * from) / len;
    const bx = x0 + ((x1 - x0) * to) / len;
    const by = y0 + ((y1 - y0) * to) / len;
    // Unit vector along the baseline, and the "up" normal to it.
    const dl = Math.hypot(x1 - x0, y1 - y0) || 1;
    const ux = -(y1 - y0) / dl || 0;
    const uy = (x1 - x0) / dl || 1;
    const xs = [ax - ux * 0.25 * size, bx - ux * 0.25 * size, ax + ux * 0.8 * size, bx + ux * 0.8 * size];
    const ys = [ay - uy * 0.25 * size, by - uy * 0.25 * size, ay + uy * 0.8 * size, by + uy * 0.8 * size];
    return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
  }

  toSource(start: number, end: number): SourceRange {
    const s = Math.max(0, Math.min(start, this.textLength));
    const e = Math.max(s, Math.min(end, this.textLength));
    if (this.count === 0) return { uri: this.uri, start: { line: 0, character: 0 }, end: { line: 0, character: 0 }, page: 1, box: [0, 0, 0, 0] };
    let first = this.runAtOrAfter(s);
    if (first >= this.count) first = this.count - 1;
    // The last run that starts before e (or the first run, for an empty range).
    let last = e > s ? this.runAtOrAfter(e - 1) : first;
    if (last >= this.count || this.ints[last * INTS] >= e) last = Math.max(first, last - 1);
    if (last < first) last = first;
    const page = this.ints[first * INTS + 2];
    while (last > first && this.ints[last * INTS + 2] !== page) last--;
    const fi = first * INTS;
    const li = last * INTS;
    const fromFirst = Math.max(0, Math.min(this.ints[fi + 1], s - this.ints[fi]));
    const toLast = Math.max(0, Math.min(this.ints[li + 1], e - this.ints[li]));
    let box: [number, number, number, number];
    if (first === last) box = this.box(first, fromFirst, Math.max(fromFirst, toLast));
    else {
      box = this.box(first, fromFirst, this.ints[fi + 1]);
      for (let r = first + 1; r <= last; r++) {
        const b = this.box(r, 0, r === last ? toLast : this.ints[r * INTS + 1]);
        box = [Math.min(box[0], b[0]), Math.min(box[1], b[1]), Math.max(box[2], b[2]), Math.max(box[3], b[3])];
      }
    }
    const round = (v: number) => Math.round(v * 100) / 100;
    return {
      uri: this.uri,
      start: { line: this.ints[fi + 3], character: this.ints[fi + 4] + fromFirst },
      end: { line: this.ints[li + 3], character: this.ints[li + 4] + toLast },
      page,
      box: [round(box[0]), round(box[1]), round(box[2]), round(box[3])],
    };
  }
}
