// Runs the same end-to-end mocha suite in desktop VS Code through @vscode/test-electron
// (`npm run test:vscode`). test-electron downloads VS Code at run time, so this needs a machine that
// can reach Microsoft's update server (a contributor's laptop, GitHub Actions), or a local VS Code
// given by TALLY_VSCODE_EXECUTABLE. On machines without that network, use `node test/e2e/run-all.mjs`
// (the same suite in code-server). Environment: TALLY_VSCODE_VERSION (default 'stable'),
// TALLY_E2E_GREP, TALLY_E2E_GREP_TEST, TALLY_E2E_KEEP=1.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { runTests } from '@vscode/test-electron';
import { buildSuite } from '../../scripts/e2e/build-suite.mjs';
import { EXTENSION, OUTPUT, ROOT, defaultFixtures, ensureExamplePdf, makeSandbox, removeSandbox } from './lib/code-server.mjs';

const log = (s) => process.stdout.write(`[e2e:electron] ${s}\n`);

const { files, bundle } = await buildSuite({ grep: process.env.TALLY_E2E_GREP });
log(`suite: ${files.join(', ')}`);
mkdirSync(join(OUTPUT, 'e2e'), { recursive: true });
const sandbox = makeSandbox({ fixtures: defaultFixtures(), prefix: 'tally-e2e-electron-' });
log(ensureExamplePdf(sandbox));

let code;
try {
  code = await runTests({
    version: process.env.TALLY_VSCODE_VERSION ?? 'stable',
    vscodeExecutablePath: process.env.TALLY_VSCODE_EXECUTABLE || undefined,
    extensionDevelopmentPath: EXTENSION,
    extensionTestsPath: bundle,
    extensionTestsEnv: { TALLY_E2E: '1', TALLY_E2E_OUTPUT: join(OUTPUT, 'e2e'), TALLY_E2E_REPO: ROOT },
    launchArgs: [
      sandbox.workspace,
      '--user-data-dir', sandbox.userData,
      '--extensions-dir', sandbox.extensions,
      '--disable-workspace-trust',
      '--skip-welcome',
      '--skip-release-notes',
    ],
  });
} catch (err) {
  const message = err instanceof Error ? err.message : String(err);
  if (/ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|getaddrinfo|Failed to get|download/i.test(message)) {
    log(`could not download VS Code (${message.split('\n')[0]}).`);
    log('This runner needs network access to the VS Code update server, or TALLY_VSCODE_EXECUTABLE=/path/to/code.');
    log('Offline, run the same suite in code-server instead: node test/e2e/run-all.mjs');
  } else {
    log(`failed: ${err instanceof Error ? err.stack : message}`);
  }
  code = 1;
} finally {
  removeSandbox(sandbox);
}
log(`exit code ${code}`);
process.exit(code === 0 ? 0 : 1);
