// Fragments -> lines. Fragments on one baseline make a line; smaller fragments raised or lowered
// next to a line's text are its superscripts and subscripts. Lines are then cut into segments
// at wide gaps (table cells, the gap between two columns).

import { UNLIMITED } from './budget.ts';
import type { Budget } from './budget.ts';
import type { Frag, LineSpan, Segment } from './model.ts';
import { isDigitGroupJoin } from './normalize.ts';

export interface RawLine {
  y: number;
  size: number;
  /** Baseline fragments, sorted by x0 once the line is complete. */
  frags: Frag[];
  scripts: Frag[];
}

/** A gap wider than this many ems splits a line into segments. */
export const SEGMENT_GAP_EM = 0.8;
/** A gap wider than this many ems between fragments is a word space. */
const SPACE_GAP_EM = 0.12;

export function buildLines(frags: readonly Frag[], budget: Budget = UNLIMITED): RawLine[] {
  // Larger text first, so a line exists before its superscripts come looking for it.
  const order = [...frags].sort((a, b) => b.size - a.size || b.y - a.y || a.x0 - b.x0);
  const lines: RawLine[] = [];
  // Lines bucketed by baseline (a bucket per 4 units) for quick lookup.
  const buckets = new Map<number, RawLine[]>();
  const bucketOf = (y: number) => Math.floor(y / 4);
  const near = (y: number, reach: number): RawLine[] => {
    const out: RawLine[] = [];
    const lo = bucketOf(y - reach);
    const hi = bucketOf(y + reach);
    // Huge type (a size of 1e9 from a broken font matrix) spans more buckets than there are
    // lines: walk the lines' buckets instead of the range, so the loop stays bounded.
    if (hi - lo > buckets.size) {
      for (const [b, ls] of buckets) if (b >= lo && b <= hi) out.push(...ls);
    } else for (let b = lo; b <= hi; b++) for (const l of buckets.get(b) ?? []) out.push(l);
    return out;
  };
  for (const f of order) {
    budget.tick();
    let best: RawLine | undefined;
    let bestDist = Infinity;
    let script = 0;
    for (const l of near(f.y, f.size * 1.2 + 4)) {
      const dy = f.y - l.y;
      const small = f.size < 0.88 * l.size;
      const raised = small && dy > 0.12 * l.size && dy <= 0.6 * l.size;
      const lowered = small && dy < -0.07 * l.size && dy >= -0.45 * l.size;
      if (raised || lowered) {
        // A script stands right after, over or just before some text of the line.
        const attached = [...l.frags, ...l.scripts].some(
          (g) => (f.x0 >= g.x0 - 0.1 * l.size && f.x0 <= g.x1 + 0.35 * l.size) || (f.x1 >= g.x0 - 0.35 * l.size && f.x1 <= g.x0 + 0.1 * l.size),
        );
        if (attached) {
          const d = Math.abs(dy) + 0.3 * l.size; // a baseline match wins over a script match
          if (d < bestDist) {
            best = l;
            bestDist = d;
            script = raised ? 1 : -1;
          }
          continue;
        }
      }
      // Text of another size on the same baseline joins only when it stands close by (a heading
      // in one column and body text in the other are different lines).
      const similar = f.size >= 0.85 * l.size && f.size <= 1.18 * l.size;
      const close = similar || l.frags.some((g) => f.x0 <= g.x1 + 0.4 * Math.min(f.size, g.size) && f.x1 >= g.x0 - 0.4 * Math.min(f.size, g.size));
      if (close && Math.abs(dy) <= 0.2 * l.size && f.size >= 0.5 * l.size && Math.abs(dy) < bestDist) {
        best = l;
        bestDist = Math.abs(dy);
        script = 0;
      }
    }
    if (best) {
      if (script === 0) best.frags.push(f);
      else {
        f.script = script;
        best.scripts.push(f);
      }
      continue;
    }
    const line: RawLine = { y: f.y, size: f.size, frags: [f], scripts: [] };
    lines.push(line);
    const b = bucketOf(f.y);
    const list = buckets.get(b);
    if (list) list.push(line);
    else buckets.set(b, [line]);
  }
  for (const l of lines) {
    l.frags.sort((a, b) => a.x0 - b.x0);
    l.scripts.sort((a, b) => a.x0 - b.x0);
  }
  return lines;
}

/** A line's fragments split at wide gaps. */
export interface RawSegment {
  line: RawLine;
  x0: number;
  x1: number;
  frags: Frag[];
}

export function splitSegments(line: RawLine): RawSegment[] {
  const segs: RawSegment[] = [];
  let cur: RawSegment | undefined;
  // Scripts count as text here, so "g g^-1," is not split at the superscript.
  const all = [...line.frags, ...line.scripts].sort((a, b) => a.x0 - b.x0 || b.script - a.script);
  for (const f of all) {
    const prev = cur?.frags[cur.frags.length - 1];
    const em = prev ? Math.min(Math.max(prev.size, f.size), line.size) : line.size;
    if (cur && f.x0 - cur.x1 <= SEGMENT_GAP_EM * em) {
      cur.frags.push(f);
      cur.x1 = Math.max(cur.x1, f.x1);
    } else {
      cur = { line, x0: f.x0, x1: f.x1, frags: [f] };
      segs.push(cur);
    }
  }
  return segs;
}

export interface RenderedLine {
  text: string;
  spans: LineSpan[];
  segments: Segment[];
}

const PLAIN_SCRIPT = /^[-\u2212+]?[\p{L}\p{N}.,*′'†‡§]+$/u;

/**
 * Renders segments (left to right) as one line of text: superscripts as "^2" or "^{a b}",
 * subscripts with "_", segments separated by one space.
 */
export function renderLine(segments: readonly RawSegment[], size: number): RenderedLine {
  let text = '';
  const spans: LineSpan[] = [];
  const outSegs: Segment[] = [];
  for (const seg of segments) {
    if (text) text += ' ';
    const segStart = text.length;
    let prev: Frag | undefined;
    const frags = seg.frags;
    for (let i = 0; i < frags.length; i++) {
      const f = frags[i];
      if (f.script !== 0) {
        // Gather consecutive fragments of the same kind into one script.
        let j = i;
        let content = '';
        let last = f;
        const parts: Array<{ frag: Frag; at: number }> = [];
        while (j < frags.length && frags[j].script === f.script) {
          const g = frags[j];
          if (content && g.x0 - last.x1 > SPACE_GAP_EM * g.size) content += ' ';
          parts.push({ frag: g, at: content.length });
          content += g.text;
          last = g;
          j++;
        }
        if (prev && f.x0 - prev.x1 > 0.3 * size && !/[([{]$/.test(text)) text += ' ';
        const mark = f.script > 0 ? '^' : '_';
        const braces = !PLAIN_SCRIPT.test(content);
        text += mark + (braces ? '{' : '');
        const base = text.length;
        for (const p of parts) spans.push({ start: base + p.at, end: base + p.at + p.frag.text.length, frag: p.frag, fragStart: 0 });
        text += content + (braces ? '}' : '');
        prev = last;
        i = j - 1;
        continue;
      }
      if (prev) {
        const gap = f.x0 - prev.x1;
        // Scripts are followed by \scriptspace and have loose advance widths: allow more.
        if (gap > (prev.script !== 0 ? 0.25 : SPACE_GAP_EM) * size) {
          const thin = gap < 0.25 * size && prev.script === 0 && isDigitGroupJoin(text, f.text);
          text += thin ? '\u2009' : ' ';
        }
      }
      spans.push({ start: text.length, end: text.length + f.text.length, frag: f, fragStart: 0 });
      text += f.text;
      prev = f;
    }
    outSegs.push({ x0: seg.x0, x1: seg.x1, start: segStart, end: text.length });
  }
  return { text, spans, segments: outSegs };
}
