// PDF papers -> PaperText: text in reading order with a page and box for every character.

export { extractPdf, DEFAULT_MAX_PAGES, DEFAULT_TIMEOUT_MS } from './extract.ts';
export type { ExtractPdfOptions } from './extract.ts';
export { PdfSourceMap } from './source-map.ts';
export { loadPdfjs, pdfjsCandidates } from './pdfjs.ts';
