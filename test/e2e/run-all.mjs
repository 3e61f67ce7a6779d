// The real-VS-Code tier of `npm test`: installs the tools (scripts/e2e/install.sh, idempotent), runs the
// mocha suite in code-server, then the UI test, and prints one `N passed, N failed` line for both.
// Set TALLY_SKIP_E2E=1 to skip (exit 0 with a message); nothing else skips it.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './lib/code-server.mjs';

const log = (s) => process.stdout.write(`[e2e] ${s}\n`);

if (process.env.TALLY_SKIP_E2E === '1') {
  log('real-VS-Code tests skipped because TALLY_SKIP_E2E=1');
  process.exit(0);
}

const t0 = Date.now();
const secs = (from) => ((Date.now() - from) / 1000).toFixed(1);

const install = spawnSync('bash', [join(ROOT, 'scripts/e2e/install.sh')], { stdio: ['ignore', 'inherit', 'inherit'] });
if (install.status !== 0) {
  log(`install failed (exit ${install.status ?? install.signal}); the real-VS-Code tests cannot run`);
  process.stdout.write('0 passed, 1 failed\n');
  process.exit(1);
}
const installSeconds = secs(t0);

if (!existsSync(join(ROOT, 'dist/client/extension.cjs'))) {
  log('dist/client/extension.cjs is missing: building');
  spawnSync(process.execPath, [join(ROOT, 'scripts/build.mjs')], { stdio: 'inherit', cwd: ROOT });
}

const { runSuite } = await import('./run-code-server.mjs');
const t1 = Date.now();
const suite = await runSuite();
log(`suite: ${suite.passed} passed, ${suite.failed} failed, exit ${suite.code}, ${secs(t1)} s`);

// The same suite against the packaged .vsix (no node_modules, only what .vscodeignore lets in).
let vsix = { passed: 0, failed: 0, code: 0 };
if (process.env.TALLY_E2E_SKIP_VSIX === '1') {
  log('packaged-extension run skipped (TALLY_E2E_SKIP_VSIX=1)');
} else {
  const tv = Date.now();
  const r = spawnSync(process.execPath, [join(ROOT, 'test/e2e/run-vsix.mjs')], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  process.stdout.write(r.stdout ?? '');
  const counts = /^(\d+) passed, (\d+) failed$/m.exec(r.stdout ?? '');
  vsix = { passed: Number(counts?.[1] ?? 0), failed: Number(counts?.[2] ?? 1), code: r.status ?? 1 };
  if (vsix.code !== 0 && vsix.failed === 0) vsix.failed = 1;
  log(`packaged .vsix suite: ${vsix.passed} passed, ${vsix.failed} failed, ${secs(tv)} s`);
}

let ui = { passed: 0, failed: 0, code: 0 };
if (process.env.TALLY_E2E_SKIP_UI === '1') {
  log('UI test skipped (TALLY_E2E_SKIP_UI=1)');
} else {
  const t2 = Date.now();
  const { runUiTest } = await import('./ui.mjs');
  ui = await runUiTest();
  log(`UI test: ${ui.passed} passed, ${ui.failed} failed, ${secs(t2)} s; screenshots in test-output/screenshots/`);
}

log(`install ${installSeconds} s, total ${secs(t0)} s`);
const ok = suite.code === 0 && vsix.code === 0 && ui.code === 0;
process.stdout.write(`${suite.passed + vsix.passed + ui.passed} passed, ${suite.failed + vsix.failed + ui.failed} failed\n`);
process.exit(ok ? 0 : 1);
