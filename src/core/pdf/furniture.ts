// Page headers, footers and page numbers: lines at the top or bottom edge of the page that are
// page numbers or repeat (digits aside) on several pages. They are left out of the text.

import type { PageLayout, PdfLine } from './model.ts';

const PAGE_NUMBER = /^(?:page\s*)?[-–—]?\s*(?:\d{1,4}|[ivxlcdm]{1,6})\s*[-–—]?(?:\s*(?:of|\/)\s*\d{1,4})?$/i;

function edgeLines(p: PageLayout): PdfLine[] {
  if (p.lines.length === 0) return [];
  const ys = p.lines.map((l) => l.y);
  const top = Math.max(...ys);
  const bottom = Math.min(...ys);
  const band = 0.1 * p.height;
  const out: PdfLine[] = [];
  // Up to two lines at each edge, and only when they sit in the outer tenth of the page... or
  // are the outermost line with a clear gap to the body.
  const byY = [...p.lines].sort((a, b) => b.y - a.y);
  for (const l of byY.slice(0, 2)) if (l.y >= top - 2.5 * l.size && (l.y > p.height - band || byY.length > 6)) out.push(l);
  for (const l of byY.slice(-2)) if (l.y <= bottom + 2.5 * l.size && (l.y < band || byY.length > 6)) out.push(l);
  return out;
}

const key = (l: PdfLine, top: boolean) => `${top ? 'T' : 'B'}:${l.text.replace(/\d+/g, '#').replace(/\s+/g, ' ').trim().toLowerCase()}`;

/** Marks header and footer lines on every page (`furniture`). */
export function markFurniture(pages: readonly PageLayout[]): void {
  const counts = new Map<string, number>();
  const edges = pages.map((p) => {
    const e = edgeLines(p);
    const mid = (Math.max(...p.lines.map((l) => l.y)) + Math.min(...p.lines.map((l) => l.y))) / 2;
    return e.map((l) => ({ line: l, top: l.y > mid }));
  });
  for (const e of edges) {
    const seen = new Set<string>();
    for (const { line, top } of e) seen.add(key(line, top));
    for (const k of seen) counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  const repeatMin = pages.length >= 6 ? 3 : 2;
  edges.forEach((e, pi) => {
    const p = pages[pi];
    for (const { line, top } of e) {
      const text = line.text.trim();
      const inBand = top ? line.y > p.height * 0.85 : line.y < p.height * 0.15;
      if (PAGE_NUMBER.test(text) && (inBand || text.length <= 4)) line.furniture = true;
      else if (inBand && (counts.get(key(line, top)) ?? 0) >= repeatMin && text.length < 200) line.furniture = true;
    }
  });
}
