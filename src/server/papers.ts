// Adapter from the worker's jobs to the engine's extractors: reads files (open documents win
// over the disk), records which files a LaTeX project read so results can be cached by content.

import { readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { projectReader, readFileUri } from '../core/files.ts';
import { extractLatex } from '../core/latex/index.ts';
import { extractPdf } from '../core/pdf/index.ts';
import type { PaperText } from '../core/types.ts';
import type { LatexJob, PdfJob } from './worker-protocol.ts';

/** One spelling per file: VS Code and Node encode some characters of file URIs differently. */
export function normalizeUri(uri: string): string {
  if (!uri.startsWith('file:')) return uri;
  try {
    return pathToFileURL(fileURLToPath(uri)).href;
  } catch {
    return uri;
  }
}

export interface LatexPaper {
  paper: PaperText;
  /** Every file the extractor read, with the content it got (undefined: missing). */
  reads: Map<string, string | undefined>;
}

/** The job with its root's text: read here, in the worker, when the root is not open in the editor. */
export function withRootText(job: LatexJob): LatexJob & { rootText: string } {
  if (job.rootText !== undefined) return job as LatexJob & { rootText: string };
  const rootText = readFileUri(job.rootUri);
  if (rootText === undefined) throw new Error(`Cannot read ${job.rootUri}`);
  return { ...job, rootText };
}

export function latexPaper(job: LatexJob & { rootText: string }): LatexPaper {
  const reads = new Map<string, string | undefined>();
  const fromDisk = job.projectDir ? projectReader(job.projectDir) : readFileUri;
  const readFile = (uri: string): string | undefined => {
    const key = normalizeUri(uri);
    // Refused files (outside the project, devices, FIFOs) throw here and become a note.
    const text = Object.hasOwn(job.overlay, key) ? job.overlay[key] : fromDisk(uri);
    reads.set(uri, text);
    return text;
  };
  const paper = extractLatex(job.rootText, job.rootUri, { readFile });
  return { paper, reads };
}

export function readPdfBytes(uri: string): Uint8Array {
  return new Uint8Array(readFileSync(fileURLToPath(uri)));
}

export async function pdfPaper(job: PdfJob, data: Uint8Array, signal: AbortSignal): Promise<PaperText> {
  return extractPdf(data, job.uri, { maxPages: job.maxPages, timeoutMs: job.timeoutMs, signal });
}
