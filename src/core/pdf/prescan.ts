// A quick look at a PDF's content streams before pdf.js reads them. pdf.js clones its text state
// on every `q` (save) and keeps the clones in a chain, so a stream that saves tens of thousands of
// times without restoring makes getTextContent take minutes (and it yields only through
// microtasks, so no timer can stop it). Real papers nest a handful of saves deep.

import { Buffer } from 'node:buffer';
import { inflateSync } from 'node:zlib';

/** Nesting depth above which pdf.js slows to a crawl (5,000 takes seconds, 40,000 minutes). */
export const MAX_SAVE_DEPTH = 2000;
/** Inflated bytes looked at in all, so the scan itself stays cheap on huge files. */
const MAX_SCANNED = 256 * 1024 * 1024;


/** Deepest run of `q` operators not closed by `Q` in one content stream's operators. */
export function maxSaveDepth(ops: Uint8Array): number {
  let depth = 0;
  let max = 0;
  const n = ops.length;
  for (let i = 0; i < n; i++) {
    const c = ops[i];
    if (c !== 0x71 && c !== 0x51) continue; // q, Q
    const before = i === 0 ? 0x20 : ops[i - 1];
    const after = i + 1 >= n ? 0x20 : ops[i + 1];
    if (!isDelimiter(before) || !isDelimiter(after)) continue;
    if (c === 0x71) {
      if (++depth > max) max = depth;
    } else if (depth > 0) depth--;
  }
  return max;
}

function isDelimiter(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09 || c === 0x0c || c === 0x00;
}

/**
 * The deepest `q` nesting among the file's content streams (page contents and form XObjects;
 * fonts, images and object streams are skipped). Streams that do not inflate are skipped too:
 * pdf.js will say what is wrong with them.
 */
export function deepestSaveNesting(data: Uint8Array): number {
  let max = 0;
  let scanned = 0;
  let from = 0;
  // latin1: one character per byte, so string offsets are byte offsets (and Buffer's decoder is native).
  const text = Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString('latin1');
  for (;;) {
    const s = text.indexOf('stream', from);
    if (s < 0 || scanned > MAX_SCANNED) break;
    from = s + 6;
    if (text.startsWith('endstream', s - 3)) continue;
    const dictStart = text.lastIndexOf('<<', s);
    if (dictStart < 0 || s - dictStart > 2048) continue;
    const dict = text.slice(dictStart, s);
    if (/\/(?:Subtype\s*\/(?:Image|Type1C|CIDFontType0C|OpenType|XML)|Length[123]|Type\s*\/(?:XRef|ObjStm|Metadata|EmbeddedFile))\b/.test(dict)) continue;
    let start = s + 6;
    if (text[start] === '\r') start++;
    if (text[start] === '\n') start++;
    const end = text.indexOf('endstream', start);
    if (end < 0) break;
    from = end + 9;
    let body = data.subarray(start, end);
    if (/\/Filter\s*(?:\[\s*)?\/FlateDecode\s*\]?/.test(dict)) {
      try {
        body = inflateSync(body, { maxOutputLength: 64 * 1024 * 1024, finishFlush: 2 /* Z_SYNC_FLUSH: tolerate a cut stream */ });
      } catch {
        continue;
      }
    } else if (/\/Filter/.test(dict)) continue;
    scanned += body.length;
    max = Math.max(max, maxSaveDepth(body));
  }
  return max;
}
