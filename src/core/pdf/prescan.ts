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
  // Jumps from one q or Q byte to the next with indexOf (memchr): most of a stream is neither.
  const bytes = Buffer.from(ops.buffer, ops.byteOffset, ops.byteLength);
  const n = bytes.length;
  let depth = 0;
  let max = 0;
  let q = bytes.indexOf(0x71);
  let Q = bytes.indexOf(0x51);
  while (q >= 0 || Q >= 0) {
    const save = Q < 0 || (q >= 0 && q < Q);
    const i = save ? q : Q;
    if (save) q = bytes.indexOf(0x71, i + 1);
    else Q = bytes.indexOf(0x51, i + 1);
    const before = i === 0 ? 0x20 : bytes[i - 1];
    const after = i + 1 >= n ? 0x20 : bytes[i + 1];
    if (!isDelimiter(before) || !isDelimiter(after)) continue;
    if (save) {
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
  // Searched as bytes: decoding a whole file to a string cost more than the scan itself.
  const bytes = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  for (;;) {
    const s = bytes.indexOf('stream', from, 'latin1');
    if (s < 0 || scanned > MAX_SCANNED) break;
    from = s + 6;
    if (s >= 3 && bytes[s - 3] === 0x65 && bytes[s - 2] === 0x6e && bytes[s - 1] === 0x64) continue; // endstream
    const windowStart = Math.max(0, s - 2048);
    const open = bytes.subarray(windowStart, s).lastIndexOf('<<');
    if (open < 0) continue;
    const dict = bytes.toString('latin1', windowStart + open, s);
    if (/\/(?:Subtype\s*\/(?:Image|Type1C|CIDFontType0C|OpenType|XML)|Length[123]|Type\s*\/(?:XRef|ObjStm|Metadata|EmbeddedFile))\b/.test(dict)) continue;
    let start = s + 6;
    if (bytes[start] === 0x0d) start++;
    if (bytes[start] === 0x0a) start++;
    const end = bytes.indexOf('endstream', start, 'latin1');
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
