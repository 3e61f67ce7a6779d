// Lines of all pages -> the paper's checkable text: blocks (paragraphs, headings, captions,
// tables, footnotes) separated by "\n\n", lines of a paragraph joined by one space, words
// hyphenated at line ends joined again, and a run-level source map.

import type { Block, BlockKind, CheckNote, TableCell, TableGrid } from '../types.ts';
import { UNLIMITED } from './budget.ts';
import type { Budget } from './budget.ts';
import type { PageLayout, PdfLine } from './model.ts';
import { PdfSourceMap } from './source-map.ts';
import { CAPTION_START, detectTables, EQUATION_NUMBER } from './tables.ts';
import type { DetectedTable } from './tables.ts';

const NUMBERED_HEADING = /^(?:\d{1,2}(?:\.\d{1,2}){0,3}\.?|[IVX]{1,5}\.|[A-H]\.)\s+\p{Lu}/u;
const NAMED_HEADING = /^(?:abstract|introduction|background|methods?|materials and methods|results|discussion|conclusions?|references|bibliography|acknowledge?ments?|appendix(?:\s+\S+)?|supplementary (?:material|information)|limitations|data availability|funding|author contributions|conflicts? of interest|keywords)\.?$/i;

type Group = { kind: 'lines'; lines: PdfLine[] } | { kind: 'table'; table: DetectedTable; page: number } | { kind: 'region'; lines: PdfLine[] };
type Unit = { kind: 'line'; line: PdfLine } | { kind: 'table'; table: DetectedTable; page: number } | { kind: 'region'; lines: PdfLine[] };

export interface Assembled {
  text: string;
  map: PdfSourceMap;
  blocks: Block[];
  tables: TableGrid[];
  notes: CheckNote[];
}

function charWeightedMode(values: Array<[number, number]>): number {
  const counts = new Map<number, number>();
  for (const [v, w] of values) {
    const k = Math.round(v * 2) / 2;
    counts.set(k, (counts.get(k) ?? 0) + w);
  }
  let best = 10;
  let bestW = -1;
  for (const [k, w] of counts) if (w > bestW) [best, bestW] = [k, w];
  return best;
}

/** Typical distance between baselines of consecutive text lines of one size. */
function linePitch(lines: readonly PdfLine[], bodySize: number): number {
  const ds: number[] = [];
  for (let i = 1; i < lines.length; i++) {
    const a = lines[i - 1];
    const b = lines[i];
    if (a.column !== b.column || Math.abs(a.size - bodySize) > 0.05 * bodySize || Math.abs(b.size - bodySize) > 0.05 * bodySize) continue;
    const d = a.y - b.y;
    if (d > 0.9 * bodySize && d < 3 * bodySize) ds.push(d);
  }
  if (ds.length === 0) return 1.2 * bodySize;
  ds.sort((x, y) => x - y);
  return ds[Math.floor(ds.length * 0.3)];
}

const endsSentence = (s: string) => /[.!?:]["'’”)\]]*$/.test(s);
const isIndented = (l: PdfLine) => l.x0 - l.colLeft > 0.7 * l.size && l.x0 - l.colLeft < 4 * l.size;
const isShort = (l: PdfLine) => l.x1 < l.colRight - 2.5 * l.size;
const startsBlock = (l: PdfLine) => CAPTION_START.test(l.text) || (NUMBERED_HEADING.test(l.text) && isShort(l) && !endsSentence(l.text));

const MATH_SIGN = /[=^_+−×÷/<>≤≥±∑∏∫√∂∆∇·]/;

/**
 * A line of a display formula: set apart from both margins with math in it (a fraction's
 * numerator, a centred equation), or ending at the right margin in an equation number.
 */
function isDisplayLine(l: PdfLine): boolean {
  const away = (d: number) => d > 4 * l.size;
  if (away(l.x0 - l.colLeft) && away(l.colRight - l.x1)) return MATH_SIGN.test(l.text);
  const last = l.segments[l.segments.length - 1];
  return l.segments.length >= 2 && l.x0 - l.colLeft > 2 * l.size && l.colRight - l.x1 < l.size && EQUATION_NUMBER.test(l.text.slice(last.start, last.end).trim());
}

function sameSize(a: PdfLine, b: PdfLine): boolean {
  return Math.abs(a.size - b.size) <= 0.1 * Math.max(a.size, b.size);
}

/** Whether b continues the paragraph a is in. */
function continues(a: PdfLine, b: PdfLine, pitch: number, bodySize: number): boolean {
  if (!sameSize(a, b) || startsBlock(b)) return false;
  // A display formula is a block of its own: its equation number and the pieces of a fraction
  // are not words of the sentence around it.
  const display = isDisplayLine(a);
  if (display !== isDisplayLine(b)) return false;
  const jumped = a.page !== b.page || a.column !== b.column || b.y > a.y;
  if (jumped) {
    // A paragraph goes on in the next column or page when its last line was full and did not end a sentence,
    // or the new line starts in lower case.
    if (isIndented(b)) return false;
    return (!isShort(a) && !endsSentence(a.text)) || /^[\p{Ll}(,;]/u.test(b.text);
  }
  const d = a.y - b.y;
  // Line spacing grows with the type size (a title's lines are further apart than the text's).
  const expected = (pitch * Math.max(a.size, b.size, bodySize)) / bodySize;
  // Big operators and fractions push a formula's lines further apart than the text's.
  if (display) return d < 3 * expected;
  if (d > 1.3 * expected && d > 1.25 * Math.max(a.size, b.size)) return false;
  // A first-line indent: the line starts further right than the one before it.
  // (Only after a line that ends a sentence or stops short: in a reference list with hanging
  // indents the second line of an entry is indented too.)
  const indent = b.x0 - a.x0;
  if (indent > 0.7 * b.size && indent < 4 * b.size && (isShort(a) || endsSentence(a.text))) return false;
  // (Title lines, much larger than the text, are short and may end in ':' without ending the title.)
  if (isShort(a) && endsSentence(a.text) && a.size < 1.25 * bodySize) return false;
  if (isHeadingLine(a) && isShort(a)) return false;
  return true;
}

function isHeadingLine(l: PdfLine): boolean {
  return (NUMBERED_HEADING.test(l.text) && !endsSentence(l.text) && l.text.length < 100) || NAMED_HEADING.test(l.text.trim());
}

/** The font most of the text is set in. */
function bodyFontOf(lines: readonly PdfLine[]): string {
  const weight = new Map<string, number>();
  for (const l of lines) for (const s of l.spans) weight.set(s.frag.font, (weight.get(s.frag.font) ?? 0) + s.end - s.start);
  let best = '';
  let bestW = -1;
  for (const [f, w] of weight) if (w > bestW) [best, bestW] = [f, w];
  return best;
}

/** A short line set wholly in another font than the text (bold, italic): an unnumbered heading. */
function isFontHeading(lines: readonly PdfLine[], bodyFont: string): boolean {
  if (lines.length !== 1) return false;
  const l = lines[0];
  const t = l.text.trim();
  if (t.length < 3 || t.length > 80 || /[.,;:=]$/.test(t) || !/^[\p{Lu}\d]/u.test(t) || t.split(/\s+/).length > 10) return false;
  const letters = t.replace(/[^\p{L}\s]/gu, '').length;
  if (letters < 0.7 * t.length || /[=<>±×^_]/.test(t)) return false;
  return l.spans.length > 0 && l.spans.every((s) => s.frag.font !== bodyFont);
}

function classify(lines: readonly PdfLine[], bodySize: number, pageHeight: number, bodyFont = ''): BlockKind {
  const first = lines[0];
  if (CAPTION_START.test(first.text)) return 'caption';
  if (lines.every(isDisplayLine)) return 'display-math';
  const text = lines.map((l) => l.text).join(' ');
  const words = text.split(/\s+/).length;
  if (lines.length <= 2 && text.length <= 150 && !/[,;=]$/.test(text) && !/^[\d\s.,%()|±−-]+$/.test(text)) {
    if (NAMED_HEADING.test(text.trim()) || (NUMBERED_HEADING.test(text) && words <= 14 && !/[.]$/.test(text))) return 'heading';
    if (first.size >= 1.12 * bodySize && words <= 20 && !endsSentence(text)) return 'heading';
    if (Math.abs(first.size - bodySize) < 0.1 * bodySize && bodyFont && isFontHeading(lines, bodyFont)) return 'heading';
  }
  if (first.size <= 0.92 * bodySize && first.y < 0.4 * pageHeight && lines.every((l) => l.size <= 0.92 * bodySize)) return 'footnote';
  return 'paragraph';
}

/** Words printed in the paper, to decide whether a line-end hyphen is part of the word. */
function wordSets(pages: readonly PageLayout[]): { words: Set<string>; compounds: Set<string> } {
  const words = new Set<string>();
  const compounds = new Set<string>();
  for (const p of pages) {
    let prevHyphen = false;
    for (const l of p.lines) {
      if (l.furniture) continue;
      const tokens = l.text.split(/[^\p{L}\p{N}-]+/u).filter(Boolean);
      tokens.forEach((t, i) => {
        if (i === 0 && prevHyphen) return; // the second half of a hyphenated word
        if (i === tokens.length - 1 && t.endsWith('-')) return;
        const w = t.toLowerCase();
        if (w.includes('-')) compounds.add(w);
        else words.add(w);
      });
      prevHyphen = /\p{L}-$/u.test(l.text);
    }
  }
  return { words, compounds };
}

function keepsHyphen(before: string, after: string, sets: { words: Set<string>; compounds: Set<string> }): boolean {
  const left = /([\p{L}\p{N}-]+)-$/u.exec(before)?.[1] ?? '';
  const right = /^[\p{L}\p{N}]+/u.exec(after)?.[0] ?? '';
  if (!left || !right) return true;
  if (/\d$/.test(left) || /^[\p{Lu}\p{N}]/u.test(right)) return true;
  const l = left.toLowerCase();
  const r = right.toLowerCase();
  if (sets.compounds.has(`${l}-${r}`)) return true;
  if (sets.words.has(l + r)) return false;
  // "disability-adjusted": both halves are words of their own; "sci-entific": not.
  const lastPart = l.split('-').pop() ?? l;
  return sets.words.has(lastPart) && sets.words.has(r) && lastPart.length > 2;
}

export function assemble(uri: string, pages: readonly PageLayout[], budget: Budget = UNLIMITED): Assembled {
  const map = new PdfSourceMap(uri);
  const all = pages.flatMap((p) => p.lines.filter((l) => !l.furniture));
  const bodySize = charWeightedMode(all.map((l) => [l.size, l.text.length]));
  const pitch = linePitch(all, bodySize);
  const bodyFont = bodyFontOf(all);
  const sets = wordSets(pages);
  const heights = new Map(pages.map((p) => [p.page, p.height]));

  // Units in reading order, tables replacing their lines.
  const units: Unit[] = [];
  const captionOf = new Map<DetectedTable, PdfLine>();
  const regionPages: number[] = [];
  for (const p of pages) {
    budget.check();
    const { tables, regions } = detectTables(p.lines, budget);
    const unitAt = new Map<number, Unit>();
    const inTable = new Set<number>();
    for (const t of tables) {
      unitAt.set(t.lineIndexes[0], { kind: 'table', table: t, page: p.page });
      for (const k of t.lineIndexes) inTable.add(k);
      if (t.captionLine >= 0) captionOf.set(t, p.lines[t.captionLine]);
    }
    for (const r of regions) {
      unitAt.set(r.lineIndexes[0], { kind: 'region', lines: r.lineIndexes.map((k) => p.lines[k]) });
      for (const k of r.lineIndexes) inTable.add(k);
      regionPages.push(p.page);
    }
    p.lines.forEach((l, i) => {
      const u = unitAt.get(i);
      if (u) units.push(u);
      else if (!inTable.has(i) && !l.furniture) units.push({ kind: 'line', line: l });
    });
  }
  const notes: CheckNote[] = [];
  if (regionPages.length > 0) {
    const where = [...new Set(regionPages)].join(', ');
    notes.push({ level: 'info', message: `Parts of page(s) ${where} look like tables but could not be cut into rows and columns; their numbers are not checked.`, uri });
  }

  // Group lines into blocks.
  const groups: Group[] = [];
  for (const u of units) {
    budget.tick();
    if (u.kind === 'table') {
      const last = groups[groups.length - 1];
      // A table that goes on at the top of the next page, with the same columns, is one table.
      if (last?.kind === 'table' && last.page === u.page - 1 && continuesTable(last.table, u.table)) {
        last.table = joinTables(last.table, u.table);
        last.page = u.page;
      } else groups.push({ kind: 'table', table: u.table, page: u.page });
      continue;
    }
    if (u.kind === 'region') {
      groups.push({ kind: 'region', lines: u.lines });
      continue;
    }
    const last = groups[groups.length - 1];
    if (last && last.kind === 'lines' && continues(last.lines[last.lines.length - 1], u.line, pitch, bodySize)) last.lines.push(u.line);
    else groups.push({ kind: 'lines', lines: [u.line] });
  }

  rejoinAcrossFloats(groups);

  // The text is built from parts: slicing a growing string would flatten it again and again.
  const parts: string[] = [];
  let length = 0;
  const put = (s: string) => {
    parts.push(s);
    length += s.length;
  };
  const blocks: Block[] = [];
  const tables: TableGrid[] = [];
  const tableBlocks: Array<{ grid: TableGrid; caption: PdfLine | undefined }> = [];
  const blockOfLine = new Map<PdfLine, Block>();
  let section = '';
  let seenStructural = false;

  const emit = (line: PdfLine, from: number, to: number): string => {
    for (const s of line.spans) {
      const a = Math.max(from, s.start);
      const b = Math.min(to, s.end);
      if (b > a) map.add(length + (a - from), b - a, line, s, a);
    }
    const piece = line.text.slice(from, to);
    put(piece);
    return piece;
  };

  for (const g of groups) {
    budget.tick();
    if (blocks.length) put('\n\n');
    const start = length;
    if (g.kind === 'region') {
      // Kept in the text (findings elsewhere can point into it) as a table block without a grid:
      // the prose checks skip table blocks, the table checks read grids only.
      g.lines.forEach((l, i) => {
        if (i > 0) put('\n');
        emit(l, 0, l.text.length);
      });
      blocks.push({ kind: 'table', start, end: length, section });
      continue;
    }
    if (g.kind === 'table') {
      const rows: TableCell[][] = [];
      g.table.rows.forEach((row, ri) => {
        if (ri > 0) put('\n');
        const cells: TableCell[] = [];
        let col = 0;
        for (const cell of row) {
          // Empty cells for grid columns the row leaves blank, so columns stay aligned.
          while (col < cell.column) {
            if (cells.length) put(' | ');
            cells.push({ start: length, end: length, text: '', column: col, colspan: 1 });
            col++;
          }
          if (cells.length) put(' | ');
          const cs = length;
          let cellText = '';
          cell.pieces.forEach((piece, pi) => {
            if (pi > 0) {
              put(' ');
              cellText += ' ';
            }
            cellText += emit(piece.line, piece.start, piece.end);
          });
          cells.push({ start: cs, end: length, text: cellText, column: cell.column, colspan: cell.colspan });
          col = cell.column + cell.colspan;
        }
        rows.push(cells);
      });
      const block: Block = { kind: 'table', start, end: length, section };
      blocks.push(block);
      const grid: TableGrid = { start, end: length, caption: '', section, rows };
      tables.push(grid);
      tableBlocks.push({ grid, caption: captionOf.get(g.table) });
      continue;
    }
    const lines = g.lines;
    const firstPart = parts.length;
    for (let i = 0; i < lines.length; i++) {
      const l = lines[i];
      const next = lines[i + 1];
      let to = l.text.length;
      let joiner = ' ';
      if (next && /\p{L}-$/u.test(l.text) && /^[\p{L}]/u.test(next.text)) {
        joiner = '';
        if (!keepsHyphen(l.text, next.text, sets)) to--;
      }
      emit(l, 0, to);
      if (next && joiner) put(joiner);
    }
    const kind = classify(lines, bodySize, heights.get(lines[0].page) ?? 792, bodyFont);
    if (kind === 'heading') {
      const title = parts.slice(firstPart).join('').replace(/\s+/g, ' ').trim();
      // Large type before the first numbered or named heading is the paper's title: the LaTeX
      // extractor's sections start at the first \section, so this one does not set the section.
      const structural = NUMBERED_HEADING.test(title) || NAMED_HEADING.test(title) || Math.abs(lines[0].size - bodySize) < 0.1 * bodySize;
      if (structural) seenStructural = true;
      if (structural || seenStructural) section = title;
    }
    const block: Block = { kind, start, end: length, section };
    blocks.push(block);
    for (const l of lines) blockOfLine.set(l, block);
  }
  const text = parts.join('');
  for (const { grid, caption } of tableBlocks) {
    const b = caption ? blockOfLine.get(caption) : undefined;
    grid.caption = b ? text.slice(b.start, b.end) : '';
  }
  map.finish(text.length);
  return { text, map, blocks, tables, notes };
}

/**
 * A paragraph interrupted by a figure or table (its caption, its contents) goes on after it:
 * a group that starts in lower case is moved back onto the paragraph that broke off mid-sentence.
 */
function rejoinAcrossFloats(groups: Group[]): void {
  const isFloat = (g: Group) => g.kind !== 'lines' || CAPTION_START.test(g.lines[0].text) || g.lines.length <= 2;
  for (let i = 1; i < groups.length; i++) {
    const g = groups[i];
    if (g.kind !== 'lines' || !/^\p{Ll}/u.test(g.lines[0].text)) continue;
    let k = i - 1;
    while (k >= 0 && i - k <= 4 && isFloat(groups[k])) k--;
    if (k === i - 1 || k < 0) continue;
    const prev = groups[k];
    if (prev.kind !== 'lines') continue;
    const last = prev.lines[prev.lines.length - 1];
    if (!endsSentence(last.text) && !isShort(last) && sameSize(last, g.lines[0]) && !CAPTION_START.test(prev.lines[0].text)) {
      prev.lines.push(...g.lines);
      groups.splice(i, 1);
      i--;
    }
  }
}

/** Whether `next` (at the top of the next page) continues `prev`: the same number of columns. */
function continuesTable(prev: DetectedTable, next: DetectedTable): boolean {
  return prev.columns === next.columns && next.captionLine < 0;
}

/** One table from a table and its continuation; a header repeated on the new page is dropped. */
function joinTables(prev: DetectedTable, next: DetectedTable): DetectedTable {
  const textOf = (row: DetectedTable['rows'][number]) => row.map((c) => c.pieces.map((p) => p.line.text.slice(p.start, p.end)).join(' ')).join('|');
  const header = prev.rows[0] ? textOf(prev.rows[0]) : '';
  const rows = next.rows.length > 0 && textOf(next.rows[0]) === header ? next.rows.slice(1) : next.rows;
  return { ...prev, rows: [...prev.rows, ...rows], lineIndexes: [...prev.lineIndexes] };
}
