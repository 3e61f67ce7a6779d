#!/usr/bin/env node
// The `tally` command: the bundled CLI (built by `npm run build`, which `npm ci` runs via prepare).
// Runs on the Node 24 the project pins when an older Node started it (pdf.js's legacy build patches
// built-ins such as Array.prototype.push on old Nodes), and caches compiled code between runs.
import { existsSync, readFileSync } from 'node:fs';
import module from 'node:module';
import { fileURLToPath } from 'node:url';

// `tally --version` answers from package.json without loading the CLI (its start-up is most of the cost).
if (process.argv.length === 3 && (process.argv[2] === '--version' || process.argv[2] === '-v')) {
  process.stdout.write(`${JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version}\n`);
  process.exit(0);
}

const major = Number(process.versions.node.split('.')[0]);
const pinned = fileURLToPath(new URL('../node_modules/node/bin/node', import.meta.url));
// Only checks are worth a second process start; --version and --help answer on any Node.
if (major < 22 && process.argv.includes('check') && existsSync(pinned) && !process.env.TALLY_NO_REEXEC) {
  const { spawnSync } = await import('node:child_process');
  const r = spawnSync(pinned, [fileURLToPath(import.meta.url), ...process.argv.slice(2)], { stdio: 'inherit', env: { ...process.env, TALLY_NO_REEXEC: '1' } });
  process.exit(r.status ?? 2);
}

const bundle = new URL('../dist/cli/tally.mjs', import.meta.url);
if (!existsSync(fileURLToPath(bundle))) {
  process.stderr.write('tally: the CLI is not built yet; run `npm run build` first\n');
  process.exit(2);
}
// Node >= 22.1: reuse the V8 code cache of the bundle's modules (start-up is mostly compiling them).
const cache = module.enableCompileCache?.();
// Worker threads (the CLI checks papers in a pool) inherit the cache through the environment only.
if (cache?.directory && !process.env.NODE_COMPILE_CACHE) process.env.NODE_COMPILE_CACHE = cache.directory;
await import(bundle.href);
