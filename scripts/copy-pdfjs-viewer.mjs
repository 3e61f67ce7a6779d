// Copies the browser side of pdfjs-dist into media/pdfjs/ for the PDF viewer webview: the .vsix
// ships without node_modules, so the webview can only load what lies under media/.
import { cpSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));

export function copyPdfjsViewer() {
  const pkg = dirname(require.resolve('pdfjs-dist/package.json'));
  const out = join(root, 'media', 'pdfjs');
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  // Module scripts keep a .js name: webview resource servers do not all send a JavaScript MIME type
  // for .mjs, and browsers refuse module scripts without one.
  const files = { 'build/pdf.min.mjs': 'pdf.min.js', 'build/pdf.worker.min.mjs': 'pdf.worker.min.js', 'web/pdf_viewer.mjs': 'pdf_viewer.js', 'web/pdf_viewer.css': 'pdf_viewer.css', LICENSE: 'LICENSE' };
  for (const [from, to] of Object.entries(files)) cpSync(join(pkg, from), join(out, to));
  // QuickJS runs PDF JavaScript, which the viewer never enables.
  const wanted = (src) => !/quickjs/i.test(src);
  for (const dir of ['cmaps', 'standard_fonts', 'wasm', 'iccs']) if (existsSync(join(pkg, dir))) cpSync(join(pkg, dir), join(out, dir), { recursive: true, filter: wanted });
  cpSync(join(pkg, 'web', 'images'), join(out, 'images'), { recursive: true });
  // Generated: keep it out of git (the .vsix includes it through .vscodeignore).
  writeFileSync(join(out, '.gitignore'), '*\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) copyPdfjsViewer();
