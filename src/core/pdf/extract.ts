// extractPdf: PDF bytes -> PaperText. Pages are read one at a time (text content, then cleanup),
// under a page budget and a time budget; whatever goes wrong becomes a CheckNote.

import type { CheckNote, PaperText } from '../types.ts';
import { assemble } from './assemble.ts';
import { Budget, Stop } from './budget.ts';
import { pageFragments } from './fragments.ts';
import { markFurniture } from './furniture.ts';
import { layoutPage } from './layout.ts';
import type { PageLayout } from './model.ts';
import { loadPdfjs } from './pdfjs.ts';
import { MAX_SAVE_DEPTH, deepestSaveNesting } from './prescan.ts';
import type { PdfjsDocument, PdfjsLoadingTask } from './pdfjs.ts';
import { PdfSourceMap } from './source-map.ts';

export interface ExtractPdfOptions {
  /** Pages read at most (default 1000); later pages get a note. */
  maxPages?: number;
  /** Time budget for the whole extraction in milliseconds (default 60 000). */
  timeoutMs?: number;
  signal?: AbortSignal;
}

export const DEFAULT_MAX_PAGES = 1000;
export const DEFAULT_TIMEOUT_MS = 60_000;


const duration = (ms: number) => (ms >= 1000 ? `${Math.round(ms / 1000)} s` : `${ms} ms`);

function fileName(uri: string): string {
  const last = decodeURIComponent(uri.split(/[\\/]/).pop() ?? uri);
  return last || uri;
}

/** Ranges "3", "3–7" from sorted page numbers. */
export function pageRanges(pages: readonly number[]): string {
  const out: string[] = [];
  for (let i = 0; i < pages.length; ) {
    let j = i;
    while (j + 1 < pages.length && pages[j + 1] === pages[j] + 1) j++;
    out.push(i === j ? `${pages[i]}` : `${pages[i]}–${pages[j]}`);
    i = j + 1;
  }
  return out.join(', ');
}

function emptyPaper(uri: string, notes: CheckNote[]): PaperText {
  const map = new PdfSourceMap(uri);
  map.finish(0);
  return { uri, text: '', map, blocks: [], tables: [], notes, files: [uri], suppressed: [] };
}

function describeOpenError(e: unknown, name: string): string {
  const err = e as { name?: string; message?: string; code?: number };
  const msg = err?.message ?? String(e);
  if (err?.name === 'PasswordException') {
    return err.code === 2
      ? `${name} is encrypted and the password was not accepted; it was not checked.`
      : `${name} is protected with a password, so its text cannot be read; remove the password (e.g. qpdf --decrypt) to check it.`;
  }
  if (err?.name === 'InvalidPDFException') return `${name} is not a readable PDF (${msg}); the file may be damaged or not a PDF at all.`;
  if (/empty/i.test(msg)) return `${name} is empty (0 bytes); there is nothing to check.`;
  return `${name} could not be opened as a PDF: ${msg}`;
}

/** Races `p` against the deadline and the abort signal. */
function bounded<T>(p: Promise<T>, deadline: number, signal: AbortSignal | undefined): Promise<T> {
  // Whatever happens to `p` after we stop waiting for it must not become an unhandled rejection.
  p.catch(() => undefined);
  if (signal?.aborted) return Promise.reject(new Stop('abort'));
  const left = deadline - Date.now();
  if (left <= 0) return Promise.reject(new Stop('timeout'));
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => finish(() => reject(new Stop('timeout'))), left);
    const onAbort = () => finish(() => reject(new Stop('abort')));
    signal?.addEventListener('abort', onAbort, { once: true });
    function finish(f: () => void) {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      f();
    }
    p.then(
      (v) => finish(() => resolve(v)),
      (e: unknown) => finish(() => reject(e)),
    );
  });
}

/**
 * Reads a PDF into checkable text. Never throws: an unreadable document gives an empty text
 * with an error note; skipped pages give warnings.
 */
export async function extractPdf(data: Uint8Array, uri: string, opts: ExtractPdfOptions = {}): Promise<PaperText> {
  const name = fileName(uri);
  const notes: CheckNote[] = [];
  const maxPages = Math.max(1, Math.floor(opts.maxPages ?? DEFAULT_MAX_PAGES));
  const timeoutMs = Math.max(1, opts.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  const deadline = Date.now() + timeoutMs;
  const signal = opts.signal;

  if (!data || data.byteLength === 0) {
    return emptyPaper(uri, [{ level: 'error', message: `${name} is empty (0 bytes); there is nothing to check.`, uri }]);
  }
  const nesting = deepestSaveNesting(data);
  if (nesting > MAX_SAVE_DEPTH) {
    const message = `${name} saves the graphics state ${nesting} times without restoring it in one content stream (a damaged or hostile file); its text cannot be read in reasonable time, so it was not checked.`;
    return emptyPaper(uri, [{ level: 'error', message, uri }]);
  }
  const budget = new Budget(deadline, signal);
  let runtime;
  try {
    runtime = await loadPdfjs();
  } catch (e) {
    return emptyPaper(uri, [{ level: 'error', message: `PDF support is not available: ${(e as Error).message}`, uri }]);
  }
  // pdfjs takes ownership of (detaches) the buffer it is given: hand it a copy.
  const bytes = new Uint8Array(data.byteLength);
  bytes.set(data);

  let task: PdfjsLoadingTask | undefined;
  let doc: PdfjsDocument | undefined;
  const layouts: PageLayout[] = [];
  const noText: number[] = [];
  const failed: Array<{ page: number; message: string }> = [];
  let rotatedPages = 0;
  try {
    task = runtime.lib.getDocument({
      data: bytes,
      standardFontDataUrl: runtime.standardFontDataUrl,
      cMapUrl: runtime.cMapUrl,
      cMapPacked: true,
      isEvalSupported: false,
      useWasm: false,
      useSystemFonts: false,
      disableFontFace: true,
      stopAtErrors: false,
      verbosity: runtime.lib.VerbosityLevel.ERRORS,
    });
    // Without a password callback pdfjs rejects with a PasswordException; keep it that way.
    task.onPassword = null;
    doc = await bounded(task.promise, deadline, signal);
    const total = doc.numPages;
    const last = Math.min(total, maxPages);
    if (total > maxPages) {
      notes.push({ level: 'warning', message: `${name} has ${total} pages; only the first ${maxPages} were checked (page budget).`, uri, partial: true });
    }
    for (let n = 1; n <= last; n++) {
      try {
        const page = await bounded(doc.getPage(n), deadline, signal);
        try {
          const content = await bounded(page.getTextContent({ disableNormalization: false }), deadline, signal);
          budget.check();
          const { frags, rotatedSkipped, view } = pageFragments(content.items, page.view);
          if (rotatedSkipped > 0) rotatedPages++;
          if (frags.length === 0) noText.push(n);
          else layouts.push(layoutPage(n, frags, view, budget));
        } finally {
          page.cleanup();
        }
      } catch (e) {
        if (e instanceof Stop) throw e;
        failed.push({ page: n, message: (e as Error)?.message ?? String(e) });
      }
    }
  } catch (e) {
    if (e instanceof Stop) {
      const done = layouts.length + noText.length + failed.length;
      if (!doc) {
        notes.push(
          e.why === 'timeout'
            ? { level: 'error', message: `${name} could not be opened within the ${duration(timeoutMs)} time budget; it was not checked.`, uri, partial: true }
            : { level: 'info', message: `Reading ${name} was cancelled.`, uri },
        );
      } else {
        notes.push(
          e.why === 'timeout'
            ? { level: 'warning', message: `Reading ${name} stopped after ${done} of ${doc.numPages} pages: the ${duration(timeoutMs)} time budget ran out; later pages are not checked.`, uri, partial: true }
            : { level: 'info', message: `Reading ${name} was cancelled after ${done} pages.`, uri },
        );
      }
    } else {
      notes.push({ level: 'error', message: describeOpenError(e, name), uri });
    }
  } finally {
    // Destroying the loading task destroys the document and its (fake) worker. Wait for it (a
    // little), so nothing of this document is still running when the caller goes on.
    if (task) await Promise.race([task.destroy().catch(() => undefined), new Promise((r) => setTimeout(r, 1000).unref())]);
  }

  if (noText.length > 0) {
    const all = doc !== undefined && layouts.length === 0 && failed.length === 0;
    const what = noText.length === 1 ? `page ${noText[0]} has` : `pages ${pageRanges(noText)} have`;
    notes.push(
      all
        ? { level: 'error', message: `${name} has no text layer (a scanned or image-only PDF); scanned pages are not checked. Run OCR on it first.`, uri }
        : { level: 'warning', message: `${what} no text layer; scanned pages are not checked.`, uri },
    );
  }
  for (const f of failed.slice(0, 20)) notes.push({ level: 'warning', message: `Page ${f.page} of ${name} could not be read and was skipped: ${f.message}`, uri });
  if (failed.length > 20) notes.push({ level: 'warning', message: `${failed.length - 20} more pages of ${name} could not be read.`, uri });
  if (rotatedPages > 0) notes.push({ level: 'info', message: `Text printed sideways on ${rotatedPages} page(s) of ${name} (margin stamps, rotated labels) was left out.`, uri });

  try {
    markFurniture(layouts);
    // Putting the pages together gets what is left of the budget, and at least a few seconds:
    // pages already read are worth checking.
    const out = assemble(uri, layouts, new Budget(Date.now() + Math.max(5000, budget.left), signal));
    notes.push(...out.notes);
    return { uri, text: out.text, map: out.map, blocks: out.blocks, tables: out.tables, notes, files: [uri], suppressed: [] };
  } catch (e) {
    if (e instanceof Stop) {
      notes.push({ level: 'error', message: `${name} was read but its text could not be put together within the time budget; it was not checked.`, uri, partial: true });
      return emptyPaper(uri, notes);
    }
    notes.push({ level: 'error', message: `The text of ${name} could not be put together: ${(e as Error)?.message ?? String(e)}`, uri });
    return emptyPaper(uri, notes);
  }
}
