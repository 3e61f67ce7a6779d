// Ignore comments in the sources: `% tally-ignore-next-line`, `% tally-ignore` at the end of a
// line, and `% tally-ignore-start` … `% tally-ignore-end`. Found as source ranges, then mapped to
// spans of the checkable text. The line forms may name what they hide, by finding kind or id
// (`% tally-ignore-next-line percentage`); then they hide only that. Other words after a directive
// are the author's note, so a bare directive with a note keeps hiding everything.

import { RULES } from '../rules.ts';

const DIRECTIVE = /(?<!\\)%\s*tally-ignore(-next-line|-start|-end)?(?![\w-])([^\r\n%]*)/;
const KINDS: ReadonlySet<string> = new Set(RULES.map((r) => r.id));
const FINDING_ID = /^[0-9a-f]{12}$/;

/** The kinds and finding ids a directive names (empty: it hides everything). */
export function directiveTargets(rest: string): string[] {
  return rest.split(/[\s,;]+/).filter((w) => KINDS.has(w) || FINDING_ID.test(w));
}

/** A line whose findings are hidden only when their kind or id is in `only`. */
export interface SelectiveRange {
  start: number;
  end: number;
  only: string[];
}

/** [start, end) source offsets of the lines whose text is suppressed. */
export function suppressedRanges(text: string): [number, number][] {
  return suppressionDirectives(text).all;
}

/** Lines hidden for every finding (`all`) and lines hidden for some kinds or ids (`selective`). */
export function suppressionDirectives(text: string): { all: [number, number][]; selective: SelectiveRange[] } {
  const selective: SelectiveRange[] = [];
  if (!text.includes('tally-ignore')) return { all: [], selective };
  const lines: [number, number][] = [];
  const re = /[^\r\n]*(?:\r\n|\r|\n|$)/g;
  for (const m of text.matchAll(re)) {
    if (m[0] === '' && m.index >= text.length) break;
    lines.push([m.index, m.index + m[0].length]);
    if (m.index + m[0].length >= text.length) break;
  }
  const out: [number, number][] = [];
  let regionStart: number | undefined;
  for (let i = 0; i < lines.length; i++) {
    const [a, b] = lines[i];
    const m = DIRECTIVE.exec(text.slice(a, b));
    if (!m) continue;
    const kind = m[1];
    const only = kind === '-start' || kind === '-end' ? [] : directiveTargets(m[2]);
    const hide = (line: [number, number]) => (only.length ? selective.push({ start: line[0], end: line[1], only }) : out.push(line));
    if (kind === '-next-line') {
      if (i + 1 < lines.length) hide(lines[i + 1]);
    } else if (kind === '-start') {
      regionStart ??= a;
    } else if (kind === '-end') {
      if (regionStart !== undefined) out.push([regionStart, b]);
      regionStart = undefined;
    } else hide([a, b]);
  }
  if (regionStart !== undefined) out.push([regionStart, text.length]);
  return { all: out, selective };
}
