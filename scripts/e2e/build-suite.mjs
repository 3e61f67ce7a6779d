// Bundles the end-to-end mocha suite for the extension host: test/e2e/suite/index.ts plus every
// test/e2e/suite/*.test.ts → out/e2e/suite/index.cjs (CommonJS, `vscode` external).
// The test files are required lazily from run(), after mocha has put describe/it on globalThis.
import * as esbuild from 'esbuild';
import { readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const SUITE_DIR = join(ROOT, 'test/e2e/suite');
export const SUITE_BUNDLE = join(ROOT, 'out/e2e/suite/index.cjs');

export async function buildSuite({ grep } = {}) {
  const files = readdirSync(SUITE_DIR)
    .filter((f) => f.endsWith('.test.ts'))
    .filter((f) => !grep || f.includes(grep))
    .sort();
  const entry = [
    "import { createRunner } from './index.ts';",
    `export const run = createRunner(${JSON.stringify(files)}, (name) => {`,
    ...files.map((f) => `  if (name === ${JSON.stringify(f)}) require(${JSON.stringify(`./${f}`)});`),
    '});',
  ].join('\n');
  await esbuild.build({
    stdin: { contents: entry, resolveDir: SUITE_DIR, sourcefile: 'suite-entry.ts', loader: 'ts' },
    outfile: SUITE_BUNDLE,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    sourcemap: 'inline',
    external: ['vscode'],
    logLevel: 'warning',
    // mocha's parallel mode (unused here) resolves worker files at run time.
    logOverride: { 'require-resolve-not-external': 'silent' },
  });
  return { files, bundle: SUITE_BUNDLE };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { files, bundle } = await buildSuite({ grep: process.env.TALLY_E2E_GREP });
  process.stdout.write(`built ${bundle} from ${files.length} test files\n`);
}
