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

const builds = [
  { ...common, entryPoints: ['src/client/extension.ts'], outfile: 'dist/client/extension.cjs', format: 'cjs' },
  { ...common, entryPoints: ['src/server/server.ts'], outfile: 'dist/server/server.cjs', format: 'cjs' },
  {
    ...common,
    entryPoints: ['src/cli/main.ts'],
    outfile: 'dist/cli/tally.mjs',
    format: 'esm',
    // Some bundled CommonJS dependencies call require(); give the ES module bundle one.
    banner: { js: "import { createRequire as __tallyCreateRequire } from 'node:module'; const require = __tallyCreateRequire(import.meta.url);" },
  },
];

import { existsSync } from 'node:fs';
const present = builds.filter((b) => existsSync(b.entryPoints[0]));
if (watch) {
  for (const b of present) await (await esbuild.context(b)).watch();
} else {
  await Promise.all(present.map((b) => esbuild.build(b)));
}
