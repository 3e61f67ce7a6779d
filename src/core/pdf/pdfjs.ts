// Finds and loads pdfjs-dist's legacy (Node) build at run time. pdfjs-dist stays outside the
// bundles (scripts/build.mjs), so it is looked up next to the bundle first (dist/pdfjs/, copied at
// build time, for a .vsix packaged without node_modules) and then in node_modules.

import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The part of pdfjs-dist's API the extractor uses (kept narrow so the types stay ours). */
export interface PdfjsTextItem {
  str: string;
  dir: string;
  transform: number[];
  width: number;
  height: number;
  fontName: string;
  hasEOL: boolean;
}

export interface PdfjsPage {
  view: number[];
  rotate: number;
  getTextContent(params?: { includeMarkedContent?: boolean; disableNormalization?: boolean }): Promise<{ items: Array<PdfjsTextItem | { type: string }> }>;
  getOperatorList?(): Promise<{ fnArray: number[] }>;
  cleanup(): boolean;
}

export interface PdfjsDocument {
  numPages: number;
  getPage(n: number): Promise<PdfjsPage>;
  destroy(): Promise<void>;
}

export interface PdfjsLoadingTask {
  promise: Promise<PdfjsDocument>;
  destroy(): Promise<void>;
  onPassword?: ((update: (password: string) => void, reason: number) => void) | null;
}

export interface PdfjsModule {
  getDocument(params: Record<string, unknown>): PdfjsLoadingTask;
  GlobalWorkerOptions: { workerSrc: string };
  OPS: Record<string, number>;
  VerbosityLevel: { ERRORS: number };
  version: string;
}

export interface PdfjsRuntime {
  lib: PdfjsModule;
  /** Folder URLs (absolute file paths ending in '/') for getDocument. */
  standardFontDataUrl: string;
  cMapUrl: string;
  /** Where it was found, for messages. */
  root: string;
}

/** The file this module is running from (the bundle, or this .ts file under type stripping). */
function currentFile(): string | undefined {
  try {
    // esbuild's CommonJS bundles get import.meta.url defined by scripts/build.mjs.
    if (import.meta.url) return fileURLToPath(import.meta.url);
  } catch {
    // fall through
  }
  return typeof __filename === 'string' ? __filename : undefined;
}


interface Layout {
  root: string;
  main: string;
  worker: string;
  fonts: string;
  cmaps: string;
}

function copiedLayout(dir: string): Layout {
  return { root: dir, main: join(dir, 'pdf.mjs'), worker: join(dir, 'pdf.worker.mjs'), fonts: join(dir, 'standard_fonts'), cmaps: join(dir, 'cmaps') };
}

function packageLayout(pkgDir: string): Layout {
  return {
    root: pkgDir,
    main: join(pkgDir, 'legacy', 'build', 'pdf.mjs'),
    worker: join(pkgDir, 'legacy', 'build', 'pdf.worker.mjs'),
    fonts: join(pkgDir, 'standard_fonts'),
    cmaps: join(pkgDir, 'cmaps'),
  };
}

/** Candidate locations, best first. */
export function pdfjsCandidates(): Layout[] {
  const out: Layout[] = [];
  const env = process.env.TALLY_PDFJS_DIR;
  if (env) out.push(existsSync(join(env, 'pdf.mjs')) ? copiedLayout(env) : packageLayout(env));
  const here = currentFile();
  if (here) {
    // dist/cli/tally.mjs and dist/server/server.cjs both sit one folder below dist/pdfjs/, and
    // code split into dist/*/chunks/ two folders below.
    out.push(copiedLayout(join(dirname(here), '..', 'pdfjs')));
    out.push(copiedLayout(join(dirname(here), '..', '..', 'pdfjs')));
    out.push(copiedLayout(join(dirname(here), 'pdfjs')));
  }
  for (const base of [here, join(process.cwd(), 'package.json')]) {
    if (!base) continue;
    try {
      const pkg = createRequire(base).resolve('pdfjs-dist/package.json');
      out.push(packageLayout(dirname(pkg)));
    } catch {
      // not installed next to this file
    }
  }
  return out;
}

const withSlash = (p: string): string => (p.endsWith('/') ? p : p + '/');

let loading: Promise<PdfjsRuntime> | undefined;

/** Loads pdfjs once per process. Rejects with a readable message when it cannot be found. */
export function loadPdfjs(): Promise<PdfjsRuntime> {
  loading ??= load().catch((e: unknown) => {
    loading = undefined;
    throw e;
  });
  return loading;
}

/** pdfjs 6 expects Node 22 built-ins; VS Code's Electron has them, a Node 20 CLI may not. */
function polyfill(): void {
  const P = Promise as unknown as { withResolvers?: unknown };
  if (typeof P.withResolvers !== 'function') {
    P.withResolvers = function withResolvers<T>() {
      let resolve!: (v: T) => void;
      let reject!: (e: unknown) => void;
      const promise = new Promise<T>((res, rej) => {
        resolve = res;
        reject = rej;
      });
      return { promise, resolve, reject };
    };
  }
}

async function load(): Promise<PdfjsRuntime> {
  polyfill();
  const tried: string[] = [];
  for (const c of pdfjsCandidates()) {
    tried.push(c.root);
    if (!existsSync(c.main) || !existsSync(c.worker)) continue;
    // Load the worker module ourselves and hand it over through the global pdfjs looks for, so
    // the 'fake worker' (the worker code on the main thread, as pdfjs runs in Node) never has to
    // resolve its own path.
    const g = globalThis as { pdfjsWorker?: unknown };
    if (!g.pdfjsWorker) g.pdfjsWorker = await quietly(() => import(pathToFileURL(c.worker).href));
    const lib = (await quietly(() => import(pathToFileURL(c.main).href))) as PdfjsModule;
    lib.GlobalWorkerOptions.workerSrc = pathToFileURL(c.worker).href;
    return { lib, standardFontDataUrl: withSlash(c.fonts), cMapUrl: withSlash(c.cmaps), root: c.root };
  }
  throw new Error(`pdfjs-dist was not found (looked in ${tried.join(', ') || 'no location'}); reinstall Tally or run npm install.`);
}

/**
 * pdfjs warns on the console while its module initialises (no canvas package to polyfill
 * rendering, which text extraction does not need). Keep those lines out of the CLI's output.
 */
async function quietly<T>(fn: () => Promise<T>): Promise<T> {
  const warn = console.warn;
  console.warn = (...args: unknown[]) => {
    if (typeof args[0] === 'string' && args[0].startsWith('Warning: ')) return;
    warn(...args);
  };
  try {
    return await fn();
  } finally {
    console.warn = warn;
  }
}
