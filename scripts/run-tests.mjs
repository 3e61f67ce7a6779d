// `npm test`: type check and lint, then every tier in one node --test run (unit, language server, fixture
// evaluation), then the real-VS-Code tests in code-server. Exits non-zero if any tier fails.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const node = process.execPath;

function step(name, command, args, options = {}) {
  process.stdout.write(`\n== ${name}\n`);
  const r = spawnSync(command, args, { stdio: 'inherit', ...options });
  if (r.error) process.stdout.write(`${name}: ${r.error.message}\n`);
  return r.status === 0;
}

const results = [];
results.push(['typecheck', step('typecheck', node, ['node_modules/typescript/bin/tsc', '-p', '.', '--noEmit'])]);
results.push(['lint', step('lint', node, ['node_modules/eslint/bin/eslint.js', 'src', 'test', 'scripts', 'bench'])]);
const globs = ['test/unit/**/*.test.ts', 'test/server/**/*.test.ts', 'test/eval/**/*.test.ts'];
results.push(['node --test', step('unit, server and evaluation tests', node, ['--test', '--test-concurrency=2', ...globs])]);
if (process.env.TALLY_SKIP_E2E === '1') {
  process.stdout.write('\n== real-VS-Code tests skipped (TALLY_SKIP_E2E=1)\n');
} else if (existsSync('test/e2e/run-all.mjs')) {
  results.push(['real VS Code (code-server)', step('real-VS-Code tests (code-server)', node, ['test/e2e/run-all.mjs'])]);
}

const failed = results.filter(([, ok]) => !ok).map(([name]) => name);
process.stdout.write(`\n${failed.length ? `FAILED: ${failed.join(', ')}` : 'All test tiers passed.'}\n`);
process.exit(failed.length ? 1 : 0);
