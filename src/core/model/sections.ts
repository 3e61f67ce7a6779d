// Splits a paper into the pieces sent to the model. A paper that fits the context budget goes whole, in
// one request, so contradictions between sections are in view. A longer one goes as consecutive blocks
// of the same section packed up to a size bound, each with the context it needs from elsewhere (the
// abstract, the definitions it uses, the tables it cites) and a digest of the numbers in the rest of the
// paper. Either way every character of the paper lies in exactly one section to check.

import { findNumbers } from '../numbers.ts';
import type { Block, PaperText, TableGrid, TextSpan } from '../types.ts';

export interface ContextPiece extends TextSpan {
  label: string;
  text: string;
}

export interface ReviewSection extends TextSpan {
  /** Title for progress and notes ("Results", "Results (2/3)", "Methods + Results"). */
  title: string;
  /** paper.text.slice(start, end): sent verbatim so quotes can be found again. */
  text: string;
  context: ContextPiece[];
  /** The whole paper in one request. */
  whole?: boolean;
}

const MIN_SECTION_CHARS = 200;
// Neighbouring sections share a request while together they fill at most this much of one.
const PACK_FRACTION = 0.5;
const CONTEXT_LIMITS = { lead: 1500, definitions: 2000, table: 3000, tables: 6000 } as const;

interface Group extends TextSpan {
  title: string;
}

/** Consecutive blocks with the same section title. */
function groupBlocks(paper: PaperText): Group[] {
  const blocks = paper.blocks.length > 0 ? [...paper.blocks].sort((a, b) => a.start - b.start) : [{ kind: 'paragraph', start: 0, end: paper.text.length, section: '' } as Block];
  const groups: Group[] = [];
  for (const b of blocks) {
    const last = groups.at(-1);
    if (last && last.title === b.section) last.end = Math.max(last.end, b.end);
    else groups.push({ title: b.section, start: b.start, end: b.end });
  }
  return groups;
}

/** Cuts [start, end) into pieces of at most `max` chars, at paragraph, then sentence, then space boundaries. */
function cut(text: string, start: number, end: number, max: number): TextSpan[] {
  const out: TextSpan[] = [];
  let s = start;
  while (end - s > max) {
    const window = text.slice(s, s + max);
    let at = window.lastIndexOf('\n\n');
    if (at < max / 2) at = Math.max(window.lastIndexOf('. '), window.lastIndexOf('.\n')) + 1;
    if (at < max / 2) at = window.lastIndexOf(' ');
    if (at < max / 2) at = max;
    out.push({ start: s, end: s + at });
    s += at;
    while (s < end && /\s/.test(text[s])) s++;
  }
  if (end > s) out.push({ start: s, end });
  return out;
}

/** Pieces of at most `max` chars, each within one section or packing small neighbouring sections. */
export function splitSections(paper: PaperText, maxChars: number): { title: string; span: TextSpan }[] {
  const pieces: { title: string; span: TextSpan }[] = [];
  for (const g of groupBlocks(paper)) {
    const parts = cut(paper.text, g.start, g.end, maxChars);
    parts.forEach((span, i) => pieces.push({ title: (g.title || 'Text') + (parts.length > 1 ? ` (${i + 1}/${parts.length})` : ''), span }));
  }
  // Pack small neighbours together: one request per heading would be wasteful for short sections.
  const packed: { title: string; span: TextSpan }[] = [];
  for (const p of pieces) {
    const last = packed.at(-1);
    const lastSize = last ? last.span.end - last.span.start : 0;
    const size = p.span.end - p.span.start;
    const combined = p.span.end - (last?.span.start ?? 0);
    const small = lastSize < MIN_SECTION_CHARS || size < MIN_SECTION_CHARS;
    if (last && combined <= maxChars && (small || combined <= maxChars * PACK_FRACTION)) {
      if (!last.title.split(' + ').includes(p.title)) last.title = `${last.title} + ${p.title}`;
      last.span = { start: last.span.start, end: p.span.end };
    } else packed.push({ title: p.title, span: { ...p.span } });
  }
  const kept = packed.filter((p) => paper.text.slice(p.span.start, p.span.end).trim() !== '');
  // Text between blocks (a title, an abstract the extractor left outside any block) belongs to the
  // section before it, or the first: nothing may fall between two sections to check.
  kept.forEach((p, i) => {
    p.span.start = i === 0 ? 0 : kept[i - 1].span.end;
    if (i === kept.length - 1) p.span.end = paper.text.length;
  });
  return kept;
}

function overlaps(a: TextSpan, b: TextSpan): boolean {
  return a.start < b.end && b.start < a.end;
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : text.slice(0, max) + ' [...]';
}

/** The abstract, or failing that the first paragraph: what the paper is about. */
function leadPiece(paper: PaperText): ContextPiece | undefined {
  const abstract = paper.blocks.filter((b) => /abstract/i.test(b.section) && b.kind === 'paragraph');
  const blocks = abstract.length > 0 ? abstract : paper.blocks.filter((b) => b.kind === 'paragraph').slice(0, 1);
  if (blocks.length === 0) return undefined;
  const start = blocks[0].start;
  const end = blocks.at(-1)!.end;
  return { label: abstract.length > 0 ? 'Abstract' : 'First paragraph', start, end, text: clip(paper.text.slice(start, end), CONTEXT_LIMITS.lead) };
}

const SENTENCE = /[^.!?\n]*(?:[.!?](?=\s|$)|\n|$)/g;

/** Sentences elsewhere that define an abbreviation ("body mass index (BMI)") or a symbol the section uses. */
function definitionPieces(paper: PaperText, section: TextSpan): ContextPiece[] {
  const sectionText = paper.text.slice(section.start, section.end);
  const out: ContextPiece[] = [];
  let total = 0;
  for (const m of paper.text.matchAll(SENTENCE)) {
    const span = { start: m.index, end: m.index + m[0].length };
    if (m[0].trim() === '' || overlaps(span, section)) continue;
    const terms = [
      ...[...m[0].matchAll(/\(([A-Z][A-Za-z0-9-]{1,9})\)/g)].map((t) => t[1]),
      ...[...m[0].matchAll(/\b(?:let|where)\s+([A-Za-z][A-Za-z0-9_]{0,5})\s+(?:=|be|is|are|denotes?)\b/gi)].map((t) => t[1]),
      ...[...m[0].matchAll(/\b([A-Za-z][A-Za-z0-9_]{0,5})\s+(?:is defined as|denotes)\b/gi)].map((t) => t[1]),
    ];
    const used = terms.filter((t) => new RegExp(`(?<![\\w])${t.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&')}(?![\\w])`).test(sectionText));
    if (used.length === 0) continue;
    const text = m[0].trim();
    if (total + text.length > CONTEXT_LIMITS.definitions) break;
    total += text.length;
    out.push({ label: `Definition of ${[...new Set(used)].join(', ')}`, start: span.start, end: span.end, text });
  }
  return out;
}

/** The table a section cites as "Table N": the one whose caption says so, else the N-th table. */
function citedTable(paper: PaperText, n: number): TableGrid | undefined {
  const byCaption = paper.tables.find((t) => new RegExp(`^\\s*Table\\s+${n}\\b`, 'i').test(t.caption));
  return byCaption ?? paper.tables[n - 1];
}

function tablePieces(paper: PaperText, section: TextSpan): ContextPiece[] {
  const sectionText = paper.text.slice(section.start, section.end);
  const cited = new Set<number>();
  for (const m of sectionText.matchAll(/\bTables?\s+(\d{1,2})(?:\s*(?:and|,|-|\u2013)\s*(\d{1,2}))?/gi)) {
    cited.add(Number(m[1]));
    if (m[2]) cited.add(Number(m[2]));
  }
  const out: ContextPiece[] = [];
  let total = 0;
  for (const n of [...cited].sort((a, b) => a - b)) {
    const t = citedTable(paper, n);
    if (!t || overlaps(t, section)) continue;
    const text = clip(paper.text.slice(t.start, t.end), CONTEXT_LIMITS.table);
    if (total + text.length > CONTEXT_LIMITS.tables) break;
    total += text.length;
    out.push({ label: `Table ${n}${t.caption ? `: ${clip(t.caption, 120)}` : ''}`, start: t.start, end: t.end, text });
  }
  return out;
}

// A sentence worth a place in the digest prints a number that is not a year or a label's number.
const LABEL_BEFORE = /(?:Table|Tab\.|Figure|Fig\.|Section|Sec\.|Eq\.|Equation|Study|Experiment|Appendix|Hypothesis|H)\s*$/i;

function numberBearing(text: string): boolean {
  return findNumbers(text).some((n) => {
    if (n.decimals === 0 && !n.percent && n.value >= 1900 && n.value <= 2099) return false;
    return !LABEL_BEFORE.test(text.slice(Math.max(0, n.start - 12), n.start));
  });
}

/** The lines of the digest: number-bearing sentences and table rows of the text outside `section`, by section title. */
function digestLines(paper: PaperText, section: TextSpan): string[] {
  const lines: string[] = [];
  let lastTitle: string | undefined;
  const blocks = [...paper.blocks].sort((a, b) => a.start - b.start);
  for (const b of blocks) {
    if (overlaps(b, section)) continue;
    const text = paper.text.slice(b.start, b.end);
    const parts = b.kind === 'table' ? text.split('\n') : [...text.matchAll(SENTENCE)].map((m) => m[0]);
    const keep = parts.map((x) => x.replace(/\s+/g, ' ').trim()).filter((x) => x !== '' && numberBearing(x));
    if (keep.length === 0) continue;
    if (b.section !== lastTitle) lines.push(`## ${b.section || 'Text'}`);
    lastTitle = b.section;
    lines.push(...keep);
  }
  return lines;
}

/** The digest of the rest of the paper, cut to `maxChars` (what does not fit is said to be left out). */
function digestPiece(paper: PaperText, section: TextSpan, maxChars: number): ContextPiece | undefined {
  if (maxChars <= 0) return undefined;
  const lines = digestLines(paper, section);
  if (lines.length === 0) return undefined;
  let text = '';
  for (const line of lines) {
    if (text.length + line.length + 1 > maxChars) {
      text += '[... the rest of the digest did not fit ...]';
      break;
    }
    text += line + '\n';
  }
  return { label: 'Digest: the number-bearing sentences and table rows of the rest of the paper', start: 0, end: 0, text: text.trimEnd() };
}

export interface SectionLimits {
  /** Paper characters in one section to check, context excluded. */
  maxSectionChars: number;
  /** Characters of digest a request may carry (0: none). */
  maxDigestChars: number;
}

/** The sections to send, in reading order, each with its context and a digest of the rest. */
export function buildSections(paper: PaperText, limits: SectionLimits | number): ReviewSection[] {
  const { maxSectionChars, maxDigestChars } = typeof limits === 'number' ? { maxSectionChars: limits, maxDigestChars: 0 } : limits;
  const lead = leadPiece(paper);
  const pieces = splitSections(paper, maxSectionChars);
  return pieces.map(({ title, span }) => {
    const context: ContextPiece[] = [];
    if (lead && !overlaps(lead, span)) context.push(lead);
    context.push(...definitionPieces(paper, span), ...tablePieces(paper, span));
    const digest = pieces.length > 1 ? digestPiece(paper, span, maxDigestChars) : undefined;
    if (digest) context.push(digest);
    return { title, start: span.start, end: span.end, text: paper.text.slice(span.start, span.end), context };
  });
}

/** The whole paper as one section to check (its tables are part of its text). */
export function wholePaper(paper: PaperText): ReviewSection[] {
  if (paper.text.trim() === '') return [];
  return [{ title: 'Whole paper', start: 0, end: paper.text.length, text: paper.text, context: [], whole: true }];
}
