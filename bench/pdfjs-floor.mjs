// The floor under any pdf.js-based checker, as a whole process: Node starts, loads pdf.js (with the
// compile cache, as bin/tally.js does) and reads the text of every page, with no layout and no
// checks. bench/startup.mjs times it next to `tally check` and pdftotext.
// Run: node bench/pdfjs-floor.mjs FILE.pdf  (after npm run build: it loads dist/pdfjs/)
import module from 'node:module';
import { readFileSync } from 'node:fs';

module.enableCompileCache?.();
const pdfjs = new URL('../dist/pdfjs/', import.meta.url);
const lib = await import(new URL('pdf.mjs', pdfjs).href);
const task = lib.getDocument({
  data: new Uint8Array(readFileSync(process.argv[2])),
  standardFontDataUrl: new URL('standard_fonts/', pdfjs).pathname,
  cMapUrl: new URL('cmaps/', pdfjs).pathname,
  cMapPacked: true,
  isEvalSupported: false,
  useWasm: false,
  disableFontFace: true,
  verbosity: 0,
});
const doc = await task.promise;
let items = 0;
for (let n = 1; n <= doc.numPages; n++) items += (await (await doc.getPage(n)).getTextContent()).items.length;
await task.destroy();
process.stdout.write(`${items}\n`);
