// pdfjs text items -> fragments in layout coordinates. Text drawn at an angle other than the
// page's dominant one (arXiv side stamps, rotated figure labels) is left out.

import type { PdfjsTextItem } from './pdfjs.ts';
import type { Frag } from './model.ts';
import { decodeTexControlCodes, joinDigitGroups, normalizeText } from './normalize.ts';

export interface PageFragments {
  frags: Frag[];
  /** Items skipped because they were drawn at another angle. */
  rotatedSkipped: number;
  /** Quarter turns of the page's main reading direction (1 or 3: a landscape table set sideways). */
  quarterTurns: number;
  /** The page box in layout coordinates, from (0, 0): a sideways page is as wide as it is tall. */
  view: number[];
}

function isTextItem(it: unknown): it is PdfjsTextItem {
  return typeof (it as PdfjsTextItem).str === 'string' && Array.isArray((it as PdfjsTextItem).transform);
}

/** Quarter turns of the text direction: 0 for normal text, 1 for text running upwards, ... */
function quarter(t: number[]): number {
  const a = Math.atan2(t[1], t[0]);
  const q = Math.round(a / (Math.PI / 2));
  if (Math.abs(a - (q * Math.PI) / 2) > 0.02) return -1; // slanted: not a reading direction
  return ((q % 4) + 4) % 4;
}

/** Rotates user-space point by -q quarter turns so text of that direction reads left to right. */
function toLayout(x: number, y: number, q: number): [number, number] {
  switch (q) {
    case 1:
      return [y, -x];
    case 2:
      return [-x, -y];
    case 3:
      return [-y, x];
    default:
      return [x, y];
  }
}

/** The page box [x0, y0, x1, y1] in the layout coordinates of text turned by `q` quarter turns. */
export function layoutView(view: readonly number[], q: number): number[] {
  const [a, b] = toLayout(view[0] ?? 0, view[1] ?? 0, q);
  const [c, d] = toLayout(view[2] ?? 612, view[3] ?? 792, q);
  return [Math.min(a, c), Math.min(b, d), Math.max(a, c), Math.max(b, d)];
}

export function pageFragments(items: readonly unknown[], view: readonly number[] = [0, 0, 612, 792]): PageFragments {
  const text: PdfjsTextItem[] = [];
  const counts = [0, 0, 0, 0];
  for (const it of items) {
    // Non-finite positions or sizes (broken font matrices) cannot be placed on the page.
    if (!isTextItem(it)) continue;
    // TeX dash and ligature codes of fonts without a ToUnicode map (normalize.ts), decoded
    // before the box is measured on the string.
    it.str = decodeTexControlCodes(it.str);
    if (it.str.trim() === '' || !it.transform.every(Number.isFinite) || !Number.isFinite(it.width)) continue;
    text.push(it);
    const q = quarter(it.transform);
    if (q >= 0) counts[q] += it.str.length;
  }
  const dominant = counts.indexOf(Math.max(...counts));
  const frags: Frag[] = [];
  let rotatedSkipped = 0;
  for (const it of text) {
    const t = it.transform;
    if (quarter(t) !== dominant) {
      rotatedSkipped++;
      continue;
    }
    // Font size: length of the transformed em's vertical axis (transform[0] also carries
    // horizontal scaling, e.g. microtype's font expansion).
    const size = Math.hypot(t[2], t[3]) || Math.abs(it.height) || 1;
    const dirx = Math.cos((dominant * Math.PI) / 2);
    const diry = Math.sin((dominant * Math.PI) / 2);
    const ux0 = t[4];
    const uy0 = t[5];
    const width = Math.max(0, it.width);
    // Leading and trailing spaces are dropped; move the ends in proportion so boxes stay tight.
    const raw = it.str;
    const lead = raw.length - raw.trimStart().length;
    const trail = raw.length - raw.trimEnd().length;
    const per = raw.length > 0 ? width / raw.length : 0;
    const a = lead * per;
    const b = width - trail * per;
    const sx = ux0 + dirx * a;
    const sy = uy0 + diry * a;
    const ex = ux0 + dirx * b;
    const ey = uy0 + diry * b;
    const [lx0, ly] = toLayout(sx, sy, dominant);
    const [lx1] = toLayout(ex, ey, dominant);
    const str = joinDigitGroups(normalizeText(raw.trim()).replace(/ {2,}/g, ' '));
    if (!str) continue;
    frags.push({ text: str, x0: Math.min(lx0, lx1), x1: Math.max(lx0, lx1), y: ly, size, ux0: sx, uy0: sy, ux1: ex, uy1: ey, script: 0, font: it.fontName });
  }
  // Layout coordinates of a sideways page start at (0, 0) like an upright page's, so
  // "near the top" and "left edge" mean the same on both.
  const box = layoutView(view, dominant);
  if (dominant !== 0) {
    for (const f of frags) {
      f.x0 -= box[0];
      f.x1 -= box[0];
      f.y -= box[1];
    }
  }
  return { frags, rotatedSkipped, quarterTurns: dominant, view: dominant !== 0 ? [0, 0, box[2] - box[0], box[3] - box[1]] : [...view] };
}
