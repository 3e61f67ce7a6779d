// The UI test: Tally in code-server as a person uses it, driven by playwright-core in headless
// Chromium, with the extension installed from its .vsix and WITHOUT the smoke-test driver, so
// notification toasts and progress show as a user sees them. Opens the example paper from the
// Explorer, the Problems panel, a hover on the error, the report, the PDF in Tally's viewer (and a
// PDF problem's row in the Problems panel moving it to the problem's page, and its hide row: the
// arrow keys passing it only ask, Enter hides it with an Undo that brings it back); then
// runs Check Workspace (its progress notification and its toast, whose "Open Report" button opens
// the report) and opens a real multi-file paper from the shared fixtures. Each step saves a
// screenshot in test-output/screenshots/ (the README's come from here: problems.png, hover.png,
// pdf-viewer.png, report.png, check-workspace.png, real-paper.png, real-paper-report.png).
//
//   node test/e2e/ui.mjs        (after `npm run build` and scripts/e2e/install.sh)
import { createWriteStream, mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  OUTPUT, ROOT, defaultFixtures, ensureExamplePdf, installExtension, launchBrowser, makeSandbox, removeSandbox, startCodeServer, workbenchUrl,
} from './lib/code-server.mjs';

const SHOTS = join(OUTPUT, 'screenshots');
// 1-based line of the wrong reference dose in the example paper.
const errorLine = readFileSync(join(ROOT, 'examples/black-spatula.tex'), 'utf8').split('\n').findIndex((l) => l.includes('42{,}000')) + 1;
const log = (s) => process.stdout.write(`[e2e:ui] ${s}\n`);

/** Opens a file by clicking through the Explorer tree (Ctrl+P raced the file index and was flaky). */
async function openFromExplorer(page, folder, file) {
  const explorer = page.locator('.explorer-folders-view');
  await explorer.waitFor({ timeout: 60_000 });
  const fileRow = explorer.getByRole('treeitem', { name: file, exact: true });
  if (!(await fileRow.isVisible())) {
    await explorer.getByRole('treeitem', { name: folder, exact: true }).click();
  }
  await fileRow.waitFor({ timeout: 30_000 });
  await fileRow.click();
}

/**
 * Runs a command from the command palette (F1), as a user types it. The palette closes when it loses
 * focus, and a toast that was just clicked hands focus back a moment later, so a palette closed
 * before it was typed into is opened again (up to three times).
 */
async function runCommand(page, title) {
  const input = page.locator('.quick-input-widget input');
  for (let attempt = 1; ; attempt++) {
    await page.keyboard.press('Escape');
    await page.keyboard.press('F1');
    await input.waitFor({ timeout: 10_000 });
    try {
      await input.fill(`>${title}`, { timeout: 5_000 });
      break;
    } catch (e) {
      if (attempt >= 3) throw e;
    }
  }
  await page.locator('.quick-input-list .monaco-list-row').filter({ hasText: title }).first().waitFor({ timeout: 10_000 });
  await page.keyboard.press('Enter');
}

/** The frame of the webview whose document has `selector` (webviews nest an iframe in an iframe). */
async function webviewFrame(page, selector, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    for (const frame of page.frames()) {
      if (frame === page.mainFrame()) continue;
      const found = await frame.locator(selector).count().catch(() => 0);
      if (found > 0) return frame;
    }
    if (Date.now() > deadline) throw new Error(`no webview with ${selector} after ${timeoutMs} ms`);
    await page.waitForTimeout(250);
  }
}

export async function runUiTest({ timeoutMs = Number(process.env.TALLY_E2E_UI_TIMEOUT ?? 420_000) } = {}) {
  const started = Date.now();
  mkdirSync(SHOTS, { recursive: true });
  mkdirSync(join(OUTPUT, 'e2e'), { recursive: true });
  const fixtures = defaultFixtures();
  const realPaper = 'real-paper' in fixtures;
  const sandbox = makeSandbox({ fixtures, prefix: 'tally-e2e-ui-' });
  log(ensureExamplePdf(sandbox));
  const results = [];
  let server;
  let browser;
  let page;

  const step = async (name, shot, fn) => {
    const t = Date.now();
    try {
      await fn();
      results.push({ name, ok: true });
      log(`✔ ${name} (${((Date.now() - t) / 1000).toFixed(1)} s)`);
    } catch (err) {
      results.push({ name, ok: false });
      log(`✘ ${name}: ${(err instanceof Error ? err.message : String(err)).split('\n')[0]}`);
    } finally {
      if (shot && page) await page.screenshot({ path: join(SHOTS, shot) }).catch(() => {});
    }
  };

  const overall = setTimeout(() => {
    log(`timed out after ${timeoutMs / 1000} s`);
    void Promise.all([browser?.close(), server?.stop()]).finally(() => process.exit(1));
  }, timeoutMs);

  try {
    installExtension(sandbox, { log });
    server = await startCodeServer(sandbox, { logFile: join(OUTPUT, 'e2e/code-server-ui.log'), driver: false });
    log(`code-server on ${server.url}`);
    browser = await launchBrowser();
    page = browser.context.pages()[0] ?? (await browser.context.newPage());
    // Every frame's console (the workbench and the webviews) goes to a log for debugging.
    const browserLog = createWriteStream(join(OUTPUT, 'e2e/ui-browser.log'));
    page.on('console', (m) => browserLog.write(`${m.type()} ${m.location()?.url?.replace(/\?.*$/, '') ?? ''}: ${m.text()}\n`));
    page.on('pageerror', (e) => {
      browserLog.write(`pageerror: ${e.message}\n`);
      log(`page error (workbench or webview): ${e.message}`);
    });
    // A loaded machine can take long to serve the workbench's first page.
    await page.goto(workbenchUrl(server, sandbox.workspace), { timeout: 120_000, waitUntil: 'domcontentloaded' });
    await page.locator('.monaco-workbench').waitFor({ timeout: 90_000 });

    await step('open examples/black-spatula.tex from the Explorer; the error is underlined', null, async () => {
      await openFromExplorer(page, 'examples', 'black-spatula.tex');
      await page.locator('.monaco-editor .view-lines').filter({ hasText: 'documentclass' }).first().waitFor({ timeout: 60_000 });
      // Go to the line of 42{,}000 (Ctrl+G) so the editor renders it, then wait for the underline.
      await page.locator('.monaco-editor .view-lines').first().click();
      await page.keyboard.press('Control+G');
      await page.keyboard.type(String(errorLine));
      await page.keyboard.press('Enter');
      await page.locator('.monaco-editor .squiggly-error').first().waitFor({ state: 'attached', timeout: 90_000 });
    });

    await step('Problems panel (Ctrl+Shift+M) lists the finding', 'problems.png', async () => {
      await page.locator('.monaco-editor .view-lines').first().click();
      await page.keyboard.press('Control+Shift+M');
      const row = page.locator('.markers-panel .monaco-list-row').filter({ hasText: /420,?000/ }).first();
      await row.waitFor({ timeout: 30_000 });
      // Click the message (not the rule link in the middle of the row): reveals the error for the hover.
      await row.click({ position: { x: 90, y: 10 } });
    });

    await step('hover on the error shows the working', 'hover.png', async () => {
      const squiggle = page.locator('.monaco-editor .squiggly-error').first();
      await squiggle.waitFor({ state: 'attached', timeout: 10_000 });
      const box = await squiggle.boundingBox();
      if (!box) throw new Error('the underline is not on screen');
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2 - 4);
      const hover = page.locator('.monaco-hover').filter({ hasText: /Recomputed/ }).first();
      await hover.waitFor({ state: 'visible', timeout: 15_000 });
      const text = await hover.innerText();
      if (!/420,?000/.test(text)) throw new Error(`the hover does not show 420,000: ${text.slice(0, 200)}`);
    });

    await step('report (Tally: Generate Verification Report) lists the finding', 'report.png', async () => {
      await page.keyboard.press('Escape');
      await page.locator('.monaco-editor .view-lines').first().click();
      await page.keyboard.press('F1');
      const input = page.locator('.quick-input-widget input');
      await input.waitFor({ timeout: 10_000 });
      await input.fill('>Tally: Generate Verification Report');
      await page.locator('.quick-input-list .monaco-list-row').filter({ hasText: 'Generate Verification Report' }).first().waitFor({ timeout: 10_000 });
      await page.keyboard.press('Enter');
      const frame = await webviewFrame(page, '#report');
      await frame.locator('#report').filter({ hasText: /420,?000/ }).waitFor({ timeout: 30_000 });
    });

    await step('the PDF opens in the Tally PDF viewer with the finding highlighted', 'pdf-viewer.png', async () => {
      await openFromExplorer(page, 'examples', 'black-spatula.pdf');
      const frame = await webviewFrame(page, '#viewerContainer');
      await frame.locator('.page canvas').first().waitFor({ timeout: 60_000 });
      // Wait until the check is in (the toolbar's summary counts it), then go to the finding as a
      // reader would, with the viewer's "next finding" button: pdf.js draws only the pages in view.
      await frame.locator('#summary').filter({ hasText: /[1-9]\d* error/ }).waitFor({ timeout: 90_000 });
      await frame.locator('#nextFinding').click();
      const highlight = frame.locator('.tally-hl').first();
      await highlight.waitFor({ state: 'visible', timeout: 30_000 }).catch(async (err) => {
        const found = await frame.locator('.tally-hl').evaluateAll((els) => els.map((e) => `${e.className} ${e.getAttribute('style')}`));
        throw new Error(`no highlight on screen (${found.length} in the DOM: ${found.join('; ') || 'none'}): ${err.message.split('\n')[0]}`);
      });
      // Zoom in twice for a readable screenshot, then back to the finding (pdf.js redraws the pages).
      await frame.locator('#zoomIn').click();
      await frame.locator('#zoomIn').click();
      await frame.locator('#nextFinding').click();
      await highlight.waitFor({ state: 'visible', timeout: 30_000 });
      await page.waitForTimeout(500); // let pdf.js finish painting around the highlight
    });

    await step('clicking a PDF problem’s “show in the Tally PDF viewer” row in the Problems panel moves the viewer to its page', 'pdf-problem.png', async () => {
      const frame = await webviewFrame(page, '#viewerContainer');
      const pageBox = frame.locator('#pageBox');
      await pageBox.fill('1');
      await pageBox.press('Enter');
      for (let i = 0; (await pageBox.inputValue()) !== '1'; i++) {
        if (i > 40) throw new Error(`the viewer did not go to page 1 (it shows ${await pageBox.inputValue()})`);
        await page.waitForTimeout(250);
      }
      const row = page.locator('.markers-panel .monaco-list-row').filter({ hasText: 'show in the Tally PDF viewer' }).first();
      if (!(await row.isVisible())) await runCommand(page, 'Toggle Problems');
      await row.waitFor({ timeout: 30_000 });
      await row.click();
      // The viewer may be a new one: a preview editor (opened by a click in the Explorer) is replaced
      // by the next editor opened in its group, so look for the page in every viewer frame.
      const deadline = Date.now() + 60_000;
      for (;;) {
        let pages = [];
        for (const f of page.frames()) pages.push(await f.locator('#viewerContainer').count().then((n) => (n ? f.locator('#pageBox').inputValue() : undefined)).catch(() => undefined));
        pages = pages.filter((p) => p !== undefined);
        if (pages.includes('2')) break;
        if (Date.now() > deadline) throw new Error(`no viewer on page 2 (viewers on pages: ${pages.join(', ') || 'none'})`);
        await page.waitForTimeout(250);
      }
      const tabs = await page.locator('.tabs-container .tab').filter({ hasText: 'black-spatula.pdf' }).count();
      if (tabs !== 1) throw new Error(`${tabs} tabs show black-spatula.pdf, expected the viewer alone`);
    });

    await step('the arrow keys walking the Problems panel past a PDF problem’s hide row only ask; Enter on it hides the problem, and Undo brings it back', null, async () => {
      const rows = page.locator('.markers-panel .monaco-list-row');
      const problem = rows.filter({ hasText: /page 2, line \d+: .*420,?000/ });
      await rows.filter({ hasText: 'show in the Tally PDF viewer' }).first().click();
      await page.keyboard.press('ArrowDown');
      await rows.filter({ hasText: 'hide this finding (Tally)' }).and(page.locator('.focused')).first().waitFor({ timeout: 10_000 });
      const toasts = page.locator('.notifications-toasts .notification-toast');
      await toasts.filter({ hasText: /Hide .*\(page 2\)\?/ }).first().waitFor({ timeout: 30_000 }).catch(async (err) => {
        const shown = await toasts.allInnerTexts();
        throw new Error(`no "Hide …?" question (toasts: ${JSON.stringify(shown)}): ${err.message.split('\n')[0]}`);
      });
      if (await toasts.filter({ hasText: 'Hidden:' }).count()) throw new Error('walking past the hide row hid the problem');
      if ((await problem.count()) !== 1) throw new Error('the problem left the Problems panel while only asked about');
      await page.keyboard.press('Enter');
      const hidden = toasts.filter({ hasText: /Hidden: .*42,?000/ }).first();
      await hidden.waitFor({ timeout: 30_000 });
      await problem.first().waitFor({ state: 'detached', timeout: 60_000 });
      await page.screenshot({ path: join(SHOTS, 'pdf-hide.png') });
      await hidden.getByRole('button', { name: 'Undo' }).click();
      await hidden.waitFor({ state: 'detached', timeout: 30_000 });
      await problem.first().waitFor({ timeout: 60_000 });
      await runCommand(page, 'Notifications: Clear All Notifications');
    });

    await step('Tally: Check Workspace shows its progress, then a toast counting papers', null, async () => {
      await runCommand(page, 'Tally: Check Workspace');
      const toasts = page.locator('.notifications-toasts');
      // The progress notification names the paper being checked; the real paper takes a few seconds.
      await toasts.filter({ hasText: 'Tally: checking the workspace' }).first().waitFor({ timeout: 30_000 });
      const done = toasts.locator('.notification-toast').filter({ hasText: /Tally checked \d+ papers?/ }).first();
      await done.waitFor({ timeout: 240_000 });
      await page.screenshot({ path: join(SHOTS, 'check-workspace.png') });
      const text = await done.innerText();
      const papers = Number(/Tally checked (\d+)/.exec(text)?.[1]);
      // examples (its .tex with its PDF), multi-file, editing/fix, editing/hide, and the real paper's two roots.
      const expected = realPaper ? 6 : 4;
      if (papers !== expected) throw new Error(`the toast counts ${papers} papers, expected ${expected}: ${text}`);
      await done.getByRole('button', { name: 'Open Report' }).click();
      const frame = await webviewFrame(page, '#report');
      await frame.locator('#report section.paper').first().waitFor({ timeout: 30_000 });
    });

    if (realPaper) {
      await step('a real multi-file paper: its findings in the Problems panel', 'real-paper.png', async () => {
        await runCommand(page, 'View: Close All Editors');
        await openFromExplorer(page, 'real-paper', 'manuscript.tex');
        await page.locator('.monaco-editor .view-lines').filter({ hasText: 'documentclass' }).first().waitFor({ timeout: 60_000 });
        await page.keyboard.press('Control+Shift+M');
        await page.locator('.markers-panel .monaco-list-row').first().waitFor({ timeout: 60_000 });
      });

      await step('the report of the real paper: what was read, its compiled PDF under it, each sentence with its number marked', 'real-paper-report.png', async () => {
        await runCommand(page, 'Tally: Generate Verification Report');
        const frame = await webviewFrame(page, '#report');
        const section = frame.locator('#report section.paper').first();
        await section.waitFor({ timeout: 30_000 });
        const text = await section.innerText();
        for (const needed of [/What was read\./, /claims? read/, /Model review\./, /Hidden\./, /Compiled PDF: manuscript\.pdf/]) {
          if (!needed.test(text)) throw new Error(`the report lacks ${needed}: ${text.slice(0, 300)}`);
        }
        await frame.locator('#report mark').first().waitFor({ timeout: 10_000 });
      });
    }
  } catch (err) {
    results.push({ name: 'start code-server and the workbench', ok: false });
    log(`✘ ${err instanceof Error ? err.message : err}`);
    if (page) await page.screenshot({ path: join(SHOTS, 'ui-failure.png') }).catch(() => {});
  } finally {
    clearTimeout(overall);
    await browser?.close();
    await server?.stop();
    removeSandbox(sandbox, { keepLogsIn: join(OUTPUT, 'e2e/vscode-logs-ui') });
  }
  const passed = results.filter((r) => r.ok).length;
  const failed = results.length - passed;
  return { code: failed ? 1 : 0, passed, failed, seconds: (Date.now() - started) / 1000 };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const r = await runUiTest();
  log(`finished in ${r.seconds.toFixed(1)} s; screenshots in test-output/screenshots/`);
  process.stdout.write(`${r.passed} passed, ${r.failed} failed\n`);
  process.exit(r.code);
}
