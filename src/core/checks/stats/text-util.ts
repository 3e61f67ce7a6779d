// Text helpers shared by the statistics checks: a same-length normalised copy of the text,
// sentence and paragraph bounds, claim strings.

import type { Block, PaperText, TextSpan } from '../../types.ts';

/**
 * A copy of `text` of the same length (so offsets stay valid) in which PDF mathematical
 * alphanumerics (𝑝, 𝑡, 𝐹, 𝜒) become a space plus the plain letter.
 */
export function normaliseForStats(text: string): string {
  if (!/[\uD835]/.test(text)) return text;
  return text.replace(/\uD835[\uDC00-\uDFFF]/g, (pair) => {
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
  return s.replace(/[\s\u200b]+/g, ' ').trim();
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
      const body = text.slice(b.start, b.end);
      // A sentence ends at . ! ? followed by space and a capital, bracket or digit-free start, or at a blank line.
      for (const m of body.matchAll(/[.!?](?=\s+[A-Z(\[])|\n[ \t]*\n/g)) {
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
