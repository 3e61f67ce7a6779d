// The extractor works from bundles laid out like dist/ (CommonJS server, ES module CLI) with
// pdfjs copied to dist/pdfjs/ and no node_modules anywhere above them (a .vsix built with
// --no-dependencies).

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, it } from 'node:test';
import * as esbuild from 'esbuild';
import { FIXTURES } from './helpers.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const dist = mkdtempSync(join(tmpdir(), 'tally-pdf-bundle-'));
after(() => rmSync(dist, { recursive: true, force: true }));

function copyPdfjs(): void {
  // As scripts/build.mjs does.
  const from = join(ROOT, 'node_modules', 'pdfjs-dist');
  const to = join(dist, 'pdfjs');
  mkdirSync(to, { recursive: true });
  for (const f of ['legacy/build/pdf.mjs', 'legacy/build/pdf.worker.mjs']) cpSync(join(from, f), join(to, f.split('/').pop()!));
  for (const d of ['standard_fonts', 'cmaps']) cpSync(join(from, d), join(to, d), { recursive: true });
}

const entry = (file: string) => `
import { readFileSync } from 'node:fs';
import { extractPdf, loadPdfjs } from ${JSON.stringify(join(ROOT, 'src', 'core', 'pdf', 'index.ts'))};
async function main() {
  const rt = await loadPdfjs();
  const p = await extractPdf(new Uint8Array(readFileSync(${JSON.stringify(file)})), 'file:///table.pdf');
  process.stdout.write(JSON.stringify({ root: rt.root, text: p.text, notes: p.notes }));
}
void main();
`;

it('runs from a CommonJS bundle and an ES module bundle with pdfjs in dist/pdfjs/', async () => {
  copyPdfjs();
  const src = join(dist, 'entry.ts');
  writeFileSync(src, entry(join(FIXTURES, 'table.pdf')));
  const common: esbuild.BuildOptions = { entryPoints: [src], bundle: true, platform: 'node', target: 'node20', external: ['pdfjs-dist', 'pdfjs-dist/*'], logLevel: 'error' };
  await esbuild.build({
    ...common,
    format: 'cjs',
    outfile: join(dist, 'server', 'server.cjs'),
    define: { 'import.meta.url': '__tallyImportMetaUrl' },
    banner: { js: "const __tallyImportMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
  });
  await esbuild.build({ ...common, format: 'esm', outfile: join(dist, 'cli', 'tally.mjs') });
  for (const bundle of [join(dist, 'server', 'server.cjs'), join(dist, 'cli', 'tally.mjs')]) {
    const out = JSON.parse(execFileSync(process.execPath, [bundle], { cwd: dist, encoding: 'utf8', env: { PATH: process.env.PATH ?? '' } }));
    assert.equal(out.root, join(dist, 'pdfjs'), bundle);
    assert.deepEqual(out.notes, []);
    assert.ok(out.text.includes('Spatula | 7 | 11 | 18 | 45%'), bundle);
  }
});
