// Runs the end-to-end mocha suite inside a real VS Code: code-server (VS Code for the web, with its
// Node extension host) driven by headless Chromium through playwright-core.
//
//   node test/e2e/run-code-server.mjs        (after `npm run build` and scripts/e2e/install.sh)
//
// Bundles the suite, starts code-server on a free 127.0.0.1 port in a fresh temporary HOME and its own
// process group, opens the workbench with the smoke-test driver's payload (extensionDevelopmentPath
// = this repo, extensionTestsPath = the bundled suite), relays the extension host's console, and exits
// with the suite's code. Environment: TALLY_E2E_TIMEOUT (ms, default 600000), TALLY_E2E_GREP (test file
// name filter), TALLY_E2E_GREP_TEST (mocha grep), TALLY_E2E_KEEP=1 (keep the temporary folder).
import { createWriteStream, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSuite } from '../../scripts/e2e/build-suite.mjs';
import {
  EXTENSION, OUTPUT, ROOT, defaultFixtures, ensureExamplePdf, formatLogArgs, isNoise, launchBrowser, makeSandbox, remoteUri, removeSandbox, startCodeServer, workbenchUrl,
} from './lib/code-server.mjs';

const log = (s) => process.stdout.write(`[e2e] ${s}\n`);

/** Runs the suite once; resolves with { code, passed, failed, seconds }. */
export async function runSuite({ timeoutMs = Number(process.env.TALLY_E2E_TIMEOUT ?? 600_000), extraEnv = {} } = {}) {
  const started = Date.now();
  const { files, bundle } = await buildSuite({ grep: process.env.TALLY_E2E_GREP });
  log(`suite: ${files.join(', ')}`);
  mkdirSync(join(OUTPUT, 'e2e'), { recursive: true });
  mkdirSync(join(OUTPUT, 'screenshots'), { recursive: true });

  const sandbox = makeSandbox({ fixtures: defaultFixtures() });
  log(ensureExamplePdf(sandbox));
  const serverLog = join(OUTPUT, 'e2e/code-server-suite.log');
  let server;
  let browser;
  let counts = null;
  const suiteLog = createWriteStream(join(OUTPUT, 'e2e/suite.log'));
  const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1).padStart(5)}s`;
  let code;
  try {
    server = await startCodeServer(sandbox, { logFile: serverLog });
    log(`code-server on ${server.url} (pid ${server.pid}), workspace ${sandbox.workspace}`);
    const env = {
      TALLY_E2E: '1',
      TALLY_E2E_OUTPUT: join(OUTPUT, 'e2e'),
      TALLY_E2E_REPO: ROOT,
      ...extraEnv,
    };
    const payload = [
      ['extensionDevelopmentPath', remoteUri(server, EXTENSION)],
      ['extensionTestsPath', remoteUri(server, bundle)],
      ['extensionEnvironment', JSON.stringify(env)],
      ['skipWelcome', 'true'],
    ];
    browser = await launchBrowser();
    const page = browser.context.pages()[0] ?? (await browser.context.newPage());
    page.on('pageerror', (err) => log(`page error: ${err.message}`));

    const exitCode = new Promise((resolveExit) => {
      void page.exposeFunction('codeAutomationLog', (type, args) => {
        const text = formatLogArgs(args);
        suiteLog.write(`${elapsed()} ${type}: ${text}\n`);
        if (isNoise(text)) return;
        for (const line of text.split('\n')) {
          const m = /^(?:\w+: )?(\d+) passed, (\d+) failed/.exec(line.trim());
          if (m) counts = { passed: Number(m[1]), failed: Number(m[2]) };
          // Keep the stack of a test's failure, drop the workbench's own long traces.
          if (type === 'error' && /^\s+at .*\/static\/out\/vs\//.test(line)) continue;
          process.stdout.write(`${elapsed()} ${type === 'error' ? '!' : ' '} ${line}\n`);
        }
      });
      void page.exposeFunction('codeAutomationExit', (c) => resolveExit(Number(c)));
    });
    await page.goto(workbenchUrl(server, sandbox.workspace, payload));
    let timer;
    const timeout = new Promise((resolveTimeout) => {
      timer = setTimeout(() => resolveTimeout('timeout'), Math.max(1000, timeoutMs - (Date.now() - started)));
    });
    const result = await Promise.race([exitCode, timeout]);
    clearTimeout(timer);
    if (result === 'timeout') {
      log(`timed out after ${Math.round(timeoutMs / 1000)} s; screenshot in test-output/screenshots/suite-timeout.png`);
      await page.screenshot({ path: join(OUTPUT, 'screenshots/suite-timeout.png') }).catch(() => {});
      code = 1;
    } else {
      code = result;
    }
  } catch (err) {
    log(`error: ${err instanceof Error ? err.stack : err}`);
    code = 1;
  } finally {
    await browser?.close();
    await server?.stop();
    removeSandbox(sandbox, { keepLogsIn: join(OUTPUT, 'e2e/vscode-logs-suite') });
    await new Promise((r) => suiteLog.end(r));
  }
  if (!counts) counts = { passed: 0, failed: 1 };
  if (code !== 0 && counts.failed === 0) counts.failed = 1; // the suite did not finish as it said
  return { code, ...counts, seconds: (Date.now() - started) / 1000 };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const r = await runSuite();
  log(`suite finished with code ${r.code} in ${r.seconds.toFixed(1)} s (code-server log: test-output/e2e/code-server-suite.log)`);
  process.stdout.write(`${r.passed} passed, ${r.failed} failed\n`);
  process.exit(r.code === 0 ? 0 : 1);
}
