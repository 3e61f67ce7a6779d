// Text helpers shared by the statistics checks: a same-length normalised copy of the text,
// sentence and paragraph bounds, claim strings.

import type { Block, PaperText, TextSpan } from '../../types.ts';

const MATH_ALPHANUMERIC = /\uD835[\uDC00-\uDFFF]/g;
const WHITESPACE_RUN = /[\s\u200b]+/g;
// A sentence ends at . ! ? followed by space and a capital or bracket, or at a blank line.
const SENTENCE_END = /[.!?](?=\s+[A-Z([])|\n[ \t]*\n/g;

/**
 * A copy of `text` of the same length (so offsets stay valid) in which PDF mathematical
 * alphanumerics (𝑝, 𝑡, 𝐹, 𝜒) become a space plus the plain letter.
 */
export function normaliseForStats(text: string): string {
  // indexOf is a plain memory scan; a regex test for one code unit is several times slower.
  if (text.indexOf('\uD835') < 0) return text;
  return text.replace(MATH_ALPHANUMERIC, (pair) => {
    const cp = pair.codePointAt(0) ?? 0;
    let ch = '';
    if (cp >= 0x1d400 && cp < 0x1d6a4) {
      const i = (cp - 0x1d400) % 52;
      ch = i < 26 ? String.fromCharCode(65 + i) : String.fromCharCode(97 + i - 26);
    } else if (cp >= 0x1d6a8 && cp < 0x1d7cc) {
      const i = (cp - 0x1d6a8) % 58;
      if (i < 25) ch = String.fromCharCode(0x391 + i);
      else if (i >= 26 && i < 51) ch = String.fromCharCode(0x3b1 + i - 26);
    } else if (cp >= 0x1d7ce && cp <= 0x1d7ff) {
      ch = String.fromCharCode(48 + ((cp - 0x1d7ce) % 10));
    }
    return ch ? ' ' + ch : '  ';
  });
}

/** Whitespace collapsed, for claims. */
export function collapse(s: string): string {
  return s.replace(WHITESPACE_RUN, ' ').trim();
}

/** Sentences and paragraphs of a paper, computed once, looked up by offset. */
export class TextLayout {
  readonly paragraphs: TextSpan[];
  readonly sentences: TextSpan[];

  constructor(paper: PaperText) {
    const text = paper.text;
    const blocks: TextSpan[] = paper.blocks.length > 0 ? [...paper.blocks].sort((a, b) => a.start - b.start) : [{ start: 0, end: text.length }];
    this.paragraphs = blocks.map((b: TextSpan | Block) => ({ start: b.start, end: b.end }));
    this.sentences = [];
    for (const b of this.paragraphs) {
      let start = b.start;
      // Each block is matched on its own slice so look-aheads stop at the block's end. exec on
      // one shared regex: matchAll would construct a fresh RegExp (and its iterator) per block.
      const body = text.slice(b.start, b.end);
      SENTENCE_END.lastIndex = 0;
      for (let m = SENTENCE_END.exec(body); m; m = SENTENCE_END.exec(body)) {
        const end = b.start + m.index + m[0].length;
        if (end > start) this.sentences.push({ start, end });
        start = end;
      }
      if (b.end > start) this.sentences.push({ start, end: b.end });
    }
  }

  private static find(spans: TextSpan[], offset: number): TextSpan | undefined {
    let lo = 0;
    let hi = spans.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const s = spans[mid];
      if (offset < s.start) hi = mid - 1;
      else if (offset >= s.end) lo = mid + 1;
      else return s;
    }
    return undefined;
  }

  sentenceAt(offset: number): TextSpan {
    return TextLayout.find(this.sentences, offset) ?? { start: offset, end: offset };
  }

  paragraphAt(offset: number): TextSpan {
    return TextLayout.find(this.paragraphs, offset) ?? { start: offset, end: offset };
  }
}
