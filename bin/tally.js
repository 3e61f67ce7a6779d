#!/usr/bin/env node
// The `tally` command: the bundled CLI (built by `npm run build`, which `npm ci` runs via prepare).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const bundle = new URL('../dist/cli/tally.mjs', import.meta.url);
if (!existsSync(fileURLToPath(bundle))) {
  process.stderr.write('tally: the CLI is not built yet; run `npm run build` first\n');
  process.exit(2);
}
await import(bundle.href);
