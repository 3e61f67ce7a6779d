// Folds the Unicode variants PDFs print into the characters the checks read, as the LaTeX
// extractor writes them: ligatures split, math alphanumerics to plain letters, hyphen variants to
// '-', U+2212 minus and × kept, the dot operator as '·', odd spaces as ' '.

const LIGATURES: Record<string, string> = {
  '\uFB00': 'ff',
  '\uFB01': 'fi',
  '\uFB02': 'fl',
  '\uFB03': 'ffi',
  '\uFB04': 'ffl',
  '\uFB05': 'st',
  '\uFB06': 'st',
};

const SINGLE: Record<string, string> = {
  '\u2010': '-',
  '\u2011': '-',
  '\u2012': '\u2013',
  '\u22C5': '\u00B7',
  '\u2219': '\u00B7',
  '\u2217': '*',
  '\u00A0': ' ',
  '\u2002': ' ',
  '\u2003': ' ',
  '\u2004': ' ',
  '\u2005': ' ',
  '\u2006': ' ',
  '\u2007': ' ',
  '\u2008': ' ',
  '\u2009': ' ',
  '\u200A': ' ',
  '\u202F': ' ',
  '\u205F': ' ',
  '\u3000': ' ',
  '\t': ' ',
  '\u2215': '/',
  '\u2044': '/',
  '\u2264': '≤',
  '\u2A7D': '≤',
  '\u2A7E': '≥',
  '\u2266': '≤',
  '\u2267': '≥',
  '\uFF05': '%',
  '\u066A': '%',
  '\u2032': '\u2032',
};

// Spaces that never separate words in print: a thin or no-break space between digit groups.
const GROUP_SPACES = /(?<![\d.,])(\d{1,3})[\u00A0\u2009\u202F\u2006\u2005]((?:\d{3}[\u00A0\u2009\u202F\u2006\u2005])*\d{3})(?![\d])/g;

// TeX fonts without a ToUnicode map (bitmap Type 3 fonts above all) reach pdfjs as raw font
// codes; below U+0020 those are dashes and ligatures that the encoding puts there. T1 (Cork):
const CORK_CONTROLS: Record<string, string> = {
  '\u0015': '\u2013',
  '\u0016': '\u2014',
  '\u001B': 'ff',
  '\u001C': 'fi',
  '\u001D': 'fl',
  '\u001E': 'ffi',
  '\u001F': 'ffl',
};
// OT1, the default text encoding (its dashes sit at '{' and '|', out of reach here, and pdfjs
// itself already blanks fi and ff, a form feed and a vertical tab):
const OT1_CONTROLS: Record<string, string> = {
  '\u000B': 'ff',
  '\u000C': 'fi',
  '\u000D': 'fl',
  '\u000E': 'ffi',
  '\u000F': 'ffl',
};

/**
 * Decodes the dash and ligature codes of the two TeX text encodings. Each encoding's ligatures
 * are letters (oe, AE, ...) or accents in the other, so a fragment showing the other's ligature
 * codes is left alone; an en dash between digits ("15\u001520") is the common case.
 */
export function decodeTexControlCodes(s: string): string {
  let hasOt1Ligature = false;
  let hasCorkCode = false;
  let hasCorkLigature = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x0b && c <= 0x0f) hasOt1Ligature = true;
    else if (c >= 0x15 && c <= 0x1f) {
      hasCorkCode = true;
      if (c >= 0x1b) hasCorkLigature = true;
    }
  }
  if (!hasOt1Ligature && !hasCorkCode) return s;
  const table = hasOt1Ligature ? (hasCorkLigature ? undefined : OT1_CONTROLS) : CORK_CONTROLS;
  if (!table) return s;
  let out = '';
  for (const ch of s) out += table[ch] ?? ch;
  return out;
}

function isDropped(c: number): boolean {
  // soft hyphen, zero-width spaces and joiners, BOM, control characters
  return c === 0xad || (c >= 0x200b && c <= 0x200d) || c === 0xfeff || c === 0x2060 || c < 0x20;
}

/**
 * Some TeX engines write ToUnicode entries for math letters (U+1D400-U+1D7FF) as 4-byte code
 * points, which pdfjs reads as UTF-16 and keeps only the low half of: italic t arrives as U+D461,
 * a Hangul syllable. Text with such characters and no other Hangul gets them back.
 */
function repairMathAlphanumerics(s: string): string {
  if (!/[\uD400-\uD7FF]/.test(s) || /[\uAC00-\uD3FF\u1100-\u11FF\u3130-\u318F]/.test(s)) return s;
  return s.replace(/[\uD400-\uD7FF]/g, (ch) => String.fromCodePoint(0x10000 + ch.charCodeAt(0)));
}

/** Normalises one fragment's text. Digit groups separated by a thin or no-break space get U+2009. */
export function normalizeText(s: string): string {
  let needs = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 || c > 0x7e) {
      needs = true;
      break;
    }
  }
  if (!needs) return s;
  s = decodeTexControlCodes(s);
  s = repairMathAlphanumerics(s);
  const grouped = s.replace(GROUP_SPACES, (m) => m.replace(/[\u00A0\u202F\u2006\u2005]/g, '\u2009'));
  let out = '';
  for (const ch of grouped) {
    const c = ch.codePointAt(0)!;
    if (isDropped(c)) continue;
    if (c === 0x2009) {
      out += ch;
      continue;
    }
    const lig = LIGATURES[ch];
    if (lig) {
      out += lig;
      continue;
    }
    const single = SINGLE[ch];
    if (single !== undefined) {
      out += single;
      continue;
    }
    // Mathematical alphanumeric symbols (italic x, bold 1, script A, ...) and full-width forms.
    if ((c >= 0x1d400 && c <= 0x1d7ff) || (c >= 0xff01 && c <= 0xff5e)) {
      out += ch.normalize('NFKC');
      continue;
    }
    out += ch;
  }
  // A thin space that is not between digit groups is just a space.
  return out.replace(/\u2009/g, (m, i: number) => (/\d/.test(out[i - 1] ?? '') && /\d/.test(out[i + 1] ?? '') ? m : ' '));
}

/** True when the line-level space between `left` and `right` sits between digit groups ("420 000"). */
export function isDigitGroupJoin(left: string, right: string): boolean {
  return /(?:^|[^\d.,\w])\d{1,3}(?:\u2009\d{3})*$/.test(left) && /^\d{3}(?![\d\w])/.test(right);
}

/**
 * pdfjs turns every gap wider than a tenth of an em into ' ', so the thin space of "420\,000"
 * arrives as a plain space. Digit groups (1-3 digits, then groups of exactly 3) joined by one
 * space are taken as one number.
 */
export function joinDigitGroups(line: string): string {
  if (!/\d \d{3}/.test(line)) return line;
  return line.replace(/(?<![\d.,\w\u2009])\d{1,3}(?: \d{3})+(?![\d\w])/g, (m) => m.replace(/ /g, '\u2009'));
}
