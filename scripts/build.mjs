// One esbuild script, several entry points: the extension (client), the language server,
// and the command line. VS Code loads CommonJS; the CLI is an ES module.
import * as esbuild from 'esbuild';

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');

import { readFileSync } from 'node:fs';
const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

const common = {
  define: { TALLY_VERSION: JSON.stringify(version) },
  bundle: true,
  platform: 'node',
  target: 'node20',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  // pdfjs-dist is an ES module that loads its worker, fonts and cmaps from its own folder at run time.
  external: ['vscode', 'pdfjs-dist', 'pdfjs-dist/*'],
};

// CommonJS bundles have no import.meta; give them import.meta.url (the PDF extractor finds
// dist/pdfjs/ from it).
const cjs = {
  format: 'cjs',
  define: { ...common.define, 'import.meta.url': '__tallyImportMetaUrl' },
  banner: { js: "const __tallyImportMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
};

const builds = [
  { ...common, ...cjs, entryPoints: ['src/client/extension.ts'], outfile: 'dist/client/extension.cjs' },
  { ...common, ...cjs, entryPoints: ['src/server/server.ts'], outfile: 'dist/server/server.cjs' },
  // The language server's check worker (extraction and checks off the server's main thread).
  { ...common, ...cjs, entryPoints: ['src/server/worker.ts'], outfile: 'dist/server/worker.cjs' },
  {
    ...common,
    // The CLI and its check worker share chunks; what only some runs need (the checker, pdf.js's
    // extractor, the model client) is split out and loaded on demand, so `tally --version` loads
    // almost nothing and a plain check never loads the openai client.
    entryPoints: { tally: 'src/cli/main.ts', worker: 'src/cli/worker.ts' },
    outdir: 'dist/cli',
    outExtension: { '.js': '.mjs' },
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    format: 'esm',
    // Some bundled CommonJS dependencies call require(); give the ES module bundle one.
    banner: { js: "import { createRequire as __tallyCreateRequire } from 'node:module'; const require = __tallyCreateRequire(import.meta.url);" },
  },
];

import { existsSync, rmSync } from 'node:fs';
import { copyPdfjsViewer } from './copy-pdfjs-viewer.mjs';
// The PDF viewer webview loads pdf.js from media/pdfjs/.
copyPdfjsViewer();
// The PDF extractor's pdfjs (Node legacy build, fonts, cmaps) next to the bundles, for a .vsix
// packaged without node_modules: dist/pdfjs/ is looked at before node_modules.
{
  const { cpSync, mkdirSync } = await import('node:fs');
  const from = new URL('../node_modules/pdfjs-dist/', import.meta.url);
  const to = new URL('../dist/pdfjs/', import.meta.url);
  mkdirSync(to, { recursive: true });
  for (const f of ['legacy/build/pdf.mjs', 'legacy/build/pdf.worker.mjs']) cpSync(new URL(f, from), new URL(f.split('/').pop(), to));
  for (const d of ['standard_fonts', 'cmaps']) cpSync(new URL(d, from), new URL(d, to), { recursive: true });
  cpSync(new URL('LICENSE', from), new URL('LICENSE', to));
}
const entryFiles = (b) => (Array.isArray(b.entryPoints) ? b.entryPoints : Object.values(b.entryPoints));
const present = builds.filter((b) => entryFiles(b).every((f) => existsSync(f)));
// Old chunks would pile up across builds.
rmSync(new URL('../dist/cli/chunks/', import.meta.url), { recursive: true, force: true });
if (watch) {
  for (const b of present) await (await esbuild.context(b)).watch();
} else {
  await Promise.all(present.map((b) => esbuild.build(b)));
}
