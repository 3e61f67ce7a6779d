// Replacement text for a quick fix, built from the claim's LaTeX source rather than from the
// checkable text: only the digits of the number change, and everything around them (`\%`, `{,}`,
// `\,`, \num{...}, \SI{...}{...}, math mode, macros) keeps its form. When the number cannot be found
// in the source exactly as it reads, there is no faithful edit and no fix is offered.

/** A number as the checkable text shows it: sign and words around it, integer and fraction digits. */
interface PlainNumber {
  before: string;
  after: string;
  int: string;
  frac: string;
  /** The grouping character the integer part used, if any. */
  group?: string;
}

const PLAIN_CORE = /^(\d{1,3}(?:([,\u2009\u202f\u00a0 '])\d{3})+|\d+)(?:\.(\d+))?/;

function readPlain(text: string): PlainNumber | undefined {
  const first = text.search(/\d/);
  if (first < 0) return undefined;
  const m = PLAIN_CORE.exec(text.slice(first));
  if (!m) return undefined;
  const after = text.slice(first + m[0].length);
  if (/\d/.test(after)) return undefined;
  return { before: text.slice(0, first), after, int: m[1].replace(/\D/g, ''), frac: m[3] ?? '', group: m[2] };
}

// A number in LaTeX source: digit groups joined by grouping marks, then a decimal part.
const SOURCE_SEP = String.raw`(?:\{,\}|\\,|\\thinspace\s*(?:\{\})?|\\ |~|\{\}|[,'\u2009\u202f ])`;
const SOURCE_NUMBER = new RegExp(String.raw`\d+(?:${SOURCE_SEP}\d+)*(?:(\.|\{\.\})(\d+))?`, 'g');

interface SourceNumber {
  index: number;
  length: number;
  int: string;
  frac: string;
  /** The grouping mark between integer groups ('' when the integer part is one run of digits). */
  group: string;
  point: string;
}

function readSource(text: string): SourceNumber | undefined {
  const matches = [...text.matchAll(SOURCE_NUMBER)];
  if (matches.length !== 1) return undefined;
  const m = matches[0];
  const intText = m[1] ? m[0].slice(0, m[0].length - m[1].length - m[2].length) : m[0];
  const groups = intText.split(/\D+(?=\d)/);
  const seps = intText.match(/\D+/g) ?? [];
  // Grouping marks must be one mark, between groups of three (else it is not one number).
  if (new Set(seps).size > 1 || groups.slice(1).some((g) => g.length !== 3)) return undefined;
  return { index: m.index, length: m[0].length, int: groups.join(''), frac: m[2] ?? '', group: seps[0] ?? '', point: m[1] ?? '' };
}

/** How the grouping mark of the suggestion is written when the source had none to copy. */
const GROUP_IN_LATEX: Record<string, string> = { ',': '{,}', '\u2009': '\\,', '\u202f': '\\,', '\u00a0': '\\,', ' ': '\\,', "'": "'" };

function groupDigits(int: string, mark: string): string {
  if (!mark) return int;
  return int.replace(/\B(?=(\d{3})+(?!\d))/g, mark);
}

/**
 * The source text `source` (what the finding's range covers) with its number replaced by the
 * suggestion's, when `written` (the checkable text of the same range) and `suggestion` differ
 * only in that number; undefined when no faithful edit exists.
 */
export function faithfulReplacement(source: string, written: string, suggestion: string): string | undefined {
  const was = readPlain(written);
  const next = readPlain(suggestion);
  const src = readSource(source);
  if (!was || !next || !src) return undefined;
  // Only the number may change: the same sign, symbol and words around it.
  if (was.before.trim() !== next.before.trim() || was.after.trim() !== next.after.trim()) return undefined;
  // The source number must be the one the text reads.
  if (src.int !== was.int || src.frac !== was.frac) return undefined;
  // The suggestion decides whether digits are grouped; the source decides how a group is marked.
  let mark = '';
  if (next.group) {
    mark = src.group || GROUP_IN_LATEX[next.group];
    if (mark === undefined) return undefined;
  }
  const number = groupDigits(next.int, mark) + (next.frac ? (src.point || '.') + next.frac : '');
  return source.slice(0, src.index) + number + source.slice(src.index + src.length);
}
