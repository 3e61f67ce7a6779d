// One page's fragments -> its lines in reading order. Two-column pages are detected from the
// gutter: a vertical strip near the middle that the text of both columns leaves empty. Reading
// order then goes top to bottom through bands: a full-width band (title, abstract, a wide figure)
// is read as it stands; in a two-column band the left column is read before the right one.

import { UNLIMITED } from './budget.ts';
import type { Budget } from './budget.ts';
import type { Frag, PageLayout, PdfLine } from './model.ts';
import { buildLines, renderLine, splitSegments } from './lines.ts';
import type { RawSegment } from './lines.ts';

interface Gutter {
  x: number;
}

function median(xs: number[]): number {
  if (xs.length === 0) return 0;
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1];
}

function quantile(xs: number[], q: number): number {
  if (xs.length === 0) return 0;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.floor(q * (s.length - 1))))];
}

/** Finds the gap between two columns, if the page has two. */
export function findGutter(segs: readonly RawSegment[], pageLeft: number, pageWidth: number): Gutter | undefined {
  const text = segs.filter((s) => s.x1 - s.x0 > 2 * s.line.size);
  if (text.length < 8) return undefined;
  const step = 2;
  const lo = pageLeft + 0.25 * pageWidth;
  const hi = pageLeft + 0.75 * pageWidth;
  const n = Math.max(1, Math.ceil((hi - lo) / step));
  const cover = new Int32Array(n);
  for (const s of text) {
    const a = Math.max(0, Math.floor((s.x0 - lo) / step));
    const b = Math.min(n - 1, Math.floor((s.x1 - lo) / step));
    for (let i = a; i <= b; i++) cover[i]++;
  }
  // The emptiest strip; among equals the one nearest the middle.
  let bestI = -1;
  let bestC = Infinity;
  for (let i = 0; i < n; i++) {
    const c = cover[i];
    const centre = Math.abs(i - n / 2);
    if (c < bestC || (c === bestC && centre < Math.abs(bestI - n / 2))) {
      bestC = c;
      bestI = i;
    }
  }
  if (bestI < 0 || bestC > 0.2 * text.length) return undefined;
  // Widen to the strip of equally empty bins and take its middle.
  let a = bestI;
  let b = bestI;
  while (a > 0 && cover[a - 1] <= bestC) a--;
  while (b < n - 1 && cover[b + 1] <= bestC) b++;
  const x = lo + ((a + b + 1) / 2) * step;
  const left = text.filter((s) => s.x1 <= x);
  const right = text.filter((s) => s.x0 >= x);
  if (left.length < 0.2 * text.length || right.length < 0.2 * text.length) return undefined;
  // Columns of prose are wide; a table's columns are not.
  const wide = (ss: RawSegment[]) => median(ss.map((s) => s.x1 - s.x0)) > 0.22 * pageWidth;
  if (!wide(left) || !wide(right)) return undefined;
  return { x };
}

/**
 * Drops printed line numbers (the lineno package, review copies): digits-only fragments stacked
 * at one x position (right-aligned in a left margin or gutter, left-aligned on the right), with
 * the numbers going up down the page.
 */
export function withoutLineNumbers(frags: readonly Frag[]): Frag[] {
  const numeric = frags.filter((f) => /^\d{1,5}$/.test(f.text));
  if (numeric.length < 5) return [...frags];
  const drop = new Set<Frag>();
  for (const edge of ['x1', 'x0'] as const) {
    const clusters = new Map<number, Frag[]>();
    for (const f of numeric) {
      if (drop.has(f)) continue;
      const k = Math.round(f[edge] / 3);
      // Neighbouring keys too, so an anchor on a bucket boundary is not split.
      const list = clusters.get(k) ?? clusters.get(k - 1) ?? clusters.get(k + 1);
      if (list) list.push(f);
      else clusters.set(k, [f]);
    }
    for (const list of clusters.values()) {
      if (list.length < 5) continue;
      list.sort((a, b) => b.y - a.y);
      let up = 0;
      for (let i = 1; i < list.length; i++) {
        const d = Number(list[i].text) - Number(list[i - 1].text);
        if (d >= 1 && d <= 3) up++;
      }
      if (up >= 0.8 * (list.length - 1)) for (const f of list) drop.add(f);
    }
  }
  return drop.size ? frags.filter((f) => !drop.has(f)) : [...frags];
}

interface Placed {
  seg: RawSegment;
  column: number;
}

/** Lays out one page. `view` is the page's [x0, y0, x1, y1] box. */
export function layoutPage(page: number, frags: readonly Frag[], view: readonly number[], budget: Budget = UNLIMITED): PageLayout {
  const width = Math.abs((view[2] ?? 612) - (view[0] ?? 0));
  const height = Math.abs((view[3] ?? 792) - (view[1] ?? 0));
  const raw = buildLines(withoutLineNumbers(frags), budget);
  const segs: RawSegment[] = [];
  for (const l of raw) segs.push(...splitSegments(l));
  let left = view[0] ?? 0;
  for (const s of segs) left = Math.min(left, s.x0);
  const gutter = findGutter(segs, Math.min(view[0] ?? 0, left), width);
  const placed: Placed[] = segs.map((seg) => ({
    seg,
    column: !gutter ? 0 : seg.x1 <= gutter.x ? 1 : seg.x0 >= gutter.x ? 2 : 0,
  }));
  // Group the segments of one line that stand in the same column.
  const lineNo = new Map(raw.map((l, i) => [l, i]));
  const groups = new Map<string, Placed[]>();
  for (const p of placed) {
    const key = `${lineNo.get(p.seg.line)}:${p.column}`;
    const g = groups.get(key);
    if (g) g.push(p);
    else groups.set(key, [p]);
  }
  interface Pending {
    y: number;
    column: number;
    segs: RawSegment[];
    size: number;
  }
  const pending: Pending[] = [...groups.values()].map((g) => ({
    y: g[0].seg.line.y,
    column: g[0].column,
    segs: g.map((p) => p.seg).sort((a, b) => a.x0 - b.x0),
    size: g[0].seg.line.size,
  }));
  pending.sort((a, b) => b.y - a.y || a.column - b.column);
  // Bands: a full-width line ends the two-column band above it.
  const ordered: Pending[] = [];
  let band: Pending[] = [];
  const flush = () => {
    band.sort((a, b) => a.column - b.column || b.y - a.y);
    ordered.push(...band);
    band = [];
  };
  for (const p of pending) {
    if (p.column === 0) {
      flush();
      ordered.push(p);
    } else band.push(p);
  }
  flush();
  // Column edges, for paragraph and heading decisions.
  const edges = new Map<number, [number, number]>();
  for (const c of [0, 1, 2]) {
    const inCol = ordered.filter((p) => p.column === c);
    if (inCol.length === 0) continue;
    const x0s = inCol.map((p) => p.segs[0].x0);
    const x1s = inCol.map((p) => p.segs[p.segs.length - 1].x1);
    edges.set(c, [quantile(x0s, 0.1), quantile(x1s, 0.9)]);
  }
  const lines: PdfLine[] = ordered.map((p, index) => {
    const r = renderLine(p.segs, p.size);
    const [colLeft, colRight] = edges.get(p.column) ?? [p.segs[0].x0, p.segs[p.segs.length - 1].x1];
    return {
      page,
      index,
      text: r.text,
      spans: r.spans,
      segments: r.segments,
      x0: p.segs[0].x0,
      x1: p.segs[p.segs.length - 1].x1,
      y: p.y,
      size: p.size,
      column: p.column,
      colLeft,
      colRight,
    };
  });
  return { page, width, height, lines };
}
