// The PDF viewer in a build loop: the PDF rewritten on disk while open reloads with no error and on
// the same page; a PDF problem's command link and its "show in the viewer" row (what the Problems
// list runs and opens) move the viewer to its page; its "hide this finding" row hides it until Undo
// when opened pinned (Enter), and only asks when opened as a preview (a click, the arrow keys);
// a PDF finding hidden from the viewer or from the report disappears and leaves a readable
// .tally-ignore.json entry.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateTally, fixtureUri, tallyDiagnostics, until, waitForDiagnostics } from './helpers.ts';

interface ViewerState {
  uri: string;
  findings: number;
  pages: number;
  ready: boolean;
  page: number;
  scale: string;
  reloads: number;
  errors: string[];
}

async function viewer(uri: vscode.Uri): Promise<ViewerState | undefined> {
  const s = (await vscode.commands.executeCommand('tally._test.getState')) as { pdfViewers: ViewerState[] };
  return s.pdfViewers.find((p) => p.uri === uri.toString());
}

/** The PDF's problem about the wrong reference dose (the paper has other problems too). */
async function theWrongDose(pdf: vscode.Uri): Promise<vscode.Diagnostic> {
  const ds = await waitForDiagnostics(pdf, (all) => all.some((x) => /420,?000/.test(x.message)), 60_000);
  return ds.find((x) => /420,?000/.test(x.message))!;
}

/** The tabs showing this PDF in a custom editor (the viewer, and any extra editor a row opened). */
function pdfTabs(pdf: vscode.Uri): vscode.Tab[] {
  return vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputCustom && t.input.uri.path === pdf.path);
}

/** Waits until the only tab of the PDF is its viewer (no fragment: not an editor a row opened). */
function untilViewerAlone(pdf: vscode.Uri): Promise<vscode.Tab[]> {
  return until('the extra editor to close, the viewer staying', () => {
    const tabs = pdfTabs(pdf);
    return tabs.length === 1 && (tabs[0].input as vscode.TabInputCustom).uri.fragment === '' ? tabs : undefined;
  });
}

/**
 * Opens a problem's row as the Problems list does and waits for the editor VS Code made for it to
 * close: pinned is what Enter and a double-click do, a preview what a click and the arrow keys do.
 */
async function openRow(row: vscode.Uri, how: { pinned: boolean }, selection?: vscode.Range): Promise<void> {
  let closed = false;
  const watch = vscode.window.tabGroups.onDidChangeTabs((e) => {
    if (e.closed.some((t) => t.input instanceof vscode.TabInputCustom && t.input.uri.fragment === row.fragment)) closed = true;
  });
  try {
    await vscode.commands.executeCommand('vscode.open', row, { selection, preserveFocus: true, preview: !how.pinned });
    await until('the editor the row opened to close', () => closed || undefined);
  } finally {
    watch.dispose();
  }
}

async function ignoreEntries(file: vscode.Uri): Promise<Array<Record<string, unknown>>> {
  return (JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(file))) as { ignore: Array<Record<string, unknown>> }).ignore;
}

function waitForPage(uri: vscode.Uri, page: number, what: string): Promise<ViewerState> {
  return until(what, async () => {
    const v = await viewer(uri);
    return v && v.page === page ? v : undefined;
  }, 30_000);
}

describe('PDF viewer: rebuilds, problems and hiding (a copy of examples/black-spatula.pdf in a folder of its own, so hiding its finding hides nothing else)', function () {
  this.timeout(180_000);
  const source = () => fixtureUri('examples/black-spatula.pdf');
  const uri = () => fixtureUri('viewer-e2e/viewer-loop.pdf');

  before(async () => {
    await activateTally();
    await vscode.workspace.fs.copy(source(), uri(), { overwrite: true });
    await vscode.commands.executeCommand('vscode.openWith', uri(), 'tally.pdfViewer');
    let last: ViewerState | undefined;
    await until('the viewer to render with its findings', async () => {
      const v = (last = await viewer(uri()));
      return v && v.ready && v.pages >= 2 && v.findings > 0 ? v : undefined;
    }, 90_000).catch((e: Error) => {
      throw new Error(`${e.message}; the viewer: ${JSON.stringify(last)}`);
    });
  });

  it('moves the viewer to a problem’s page through the problem’s command link', async () => {
    await vscode.commands.executeCommand('tally._test.pdfViewer', { uri: uri().toString(), goToPage: 1 });
    await waitForPage(uri(), 1, 'the viewer on page 1');
    const d = await theWrongDose(uri());
    const code = d.code as { value: string; target: vscode.Uri };
    assert.equal(code.target.scheme, 'command', `the code links to ${code.target.toString()}`);
    assert.equal(code.target.path, 'tally.revealFinding');
    // What the Problems list does with the link: run the command with the link's arguments.
    const args = JSON.parse(decodeURIComponent(code.target.query)) as unknown[];
    await vscode.commands.executeCommand(code.target.path, ...args);
    const page = (args[0] as { range: { page: number } }).range.page;
    assert.equal(page, 2);
    await waitForPage(uri(), page, `the viewer to move to page ${page}`);
  });

  it('moves the viewer to a problem’s page when its “show in the Tally PDF viewer” row is opened (what the Problems list does on click and Enter)', async () => {
    await vscode.commands.executeCommand('tally._test.pdfViewer', { uri: uri().toString(), goToPage: 1 });
    await waitForPage(uri(), 1, 'the viewer on page 1');
    const d = await theWrongDose(uri());
    const place = d.relatedInformation?.[0];
    assert.ok(place, 'the PDF problem has a related row for the viewer');
    assert.match(place.message, /^page 2: show in the Tally PDF viewer/);
    assert.equal(place.location.uri.with({ fragment: '' }).toString(), uri().toString());
    assert.match(place.location.uri.fragment, /^tally-page=2&/);
    // The Problems list opens a row with editorService.openEditor({ resource, options: { selection } });
    // vscode.open takes the same path.
    await vscode.commands.executeCommand('vscode.open', place.location.uri, { selection: place.location.range, preserveFocus: true });
    await waitForPage(uri(), 2, 'the viewer to move to page 2');
    // The editor VS Code made for the row's URI closes; the PDF's own viewer stays, alone.
    await until('the extra editor to close', () => {
      const tabs = vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputCustom && t.input.uri.path === uri().path);
      return tabs.length === 1 && (tabs[0].input as vscode.TabInputCustom).uri.fragment === '' ? tabs : undefined;
    });
    const state = (await vscode.commands.executeCommand('tally._test.getState')) as { pdfViewers: ViewerState[] };
    assert.deepEqual(state.pdfViewers.filter((v) => v.uri.includes('viewer-loop.pdf')).map((v) => v.uri), [uri().toString()]);
  });

  it('hides a problem when its “hide this finding” row is opened pinned (what the Problems list does on Enter), and Undo brings it back', async () => {
    const d = await theWrongDose(uri());
    const row = d.relatedInformation?.find((r) => /hide this finding/.test(r.message));
    assert.ok(row, `the PDF problem has a hide row: ${JSON.stringify(d.relatedInformation?.map((r) => r.message))}`);
    assert.equal(row.message, 'page 2: hide this finding (Tally)');
    assert.equal(row.location.uri.with({ fragment: '' }).toString(), uri().toString());
    const id = new URLSearchParams(row.location.uri.fragment.replace(/^tally-/, '')).get('finding')!;
    assert.equal(new URLSearchParams(row.location.uri.fragment.replace(/^tally-/, '')).get('action'), 'hide');
    await openRow(row.location.uri, { pinned: true }, row.location.range);
    await waitForDiagnostics(uri(), (ds) => !ds.some((x) => /420,?000/.test(x.message)), 60_000);
    const entry = (await ignoreEntries(fixtureUri('viewer-e2e/.tally-ignore.json'))).find((e) => e.id === id);
    assert.ok(entry, `an entry for ${id}`);
    assert.equal(entry.kind, 'unit-conversion');
    assert.equal(entry.page, 2);
    assert.equal(entry.file, 'viewer-loop.pdf');
    assert.match(String(entry.sentence ?? ''), /42,000/);
    await untilViewerAlone(uri());
    const state = (await vscode.commands.executeCommand('tally._test.getState')) as { pdfViewers: ViewerState[] };
    assert.deepEqual(state.pdfViewers.filter((v) => v.uri.includes('viewer-loop.pdf')).map((v) => v.uri), [uri().toString()]);
    // What the Undo button of "Hidden: …" runs.
    assert.equal(await vscode.commands.executeCommand('tally.unhideFinding', { id, uri: uri().toString() }), true);
    await theWrongDose(uri());
    assert.ok(!(await ignoreEntries(fixtureUri('viewer-e2e/.tally-ignore.json'))).some((e) => e.id === id), 'the entry is gone');
  });

  it('a hide row opened as a preview (a click, or the arrow keys walking the list) only asks; the question’s Hide button hides', async () => {
    const d = await theWrongDose(uri());
    const row = d.relatedInformation!.find((r) => /hide this finding/.test(r.message))!;
    const id = new URLSearchParams(row.location.uri.fragment.replace(/^tally-/, '')).get('finding')!;
    const before = tallyDiagnostics(uri()).length;
    await openRow(row.location.uri, { pinned: false }, row.location.range);
    await untilViewerAlone(uri());
    // Hiding would write the entry at once and re-check; give a re-check time to land.
    await new Promise((r) => setTimeout(r, 1500));
    assert.ok(!(await ignoreEntries(fixtureUri('viewer-e2e/.tally-ignore.json'))).some((e) => e.id === id), 'nothing was written');
    assert.equal(tallyDiagnostics(uri()).length, before);
    // What the Hide button of "Hide …?" runs; then Undo.
    assert.equal(await vscode.commands.executeCommand('tally.hideFinding', { id, uri: uri().toString() }), true);
    await waitForDiagnostics(uri(), (ds) => !ds.some((x) => /420,?000/.test(x.message)), 60_000);
    assert.ok((await ignoreEntries(fixtureUri('viewer-e2e/.tally-ignore.json'))).some((e) => e.id === id && e.page === 2));
    assert.equal(await vscode.commands.executeCommand('tally.unhideFinding', { id, uri: uri().toString() }), true);
    await theWrongDose(uri());
  });

  it('a stale hide row (its finding no longer there) hides nothing', async () => {
    const d = await theWrongDose(uri());
    const row = d.relatedInformation!.find((r) => /hide this finding/.test(r.message))!;
    const before = tallyDiagnostics(uri()).length;
    const stale = row.location.uri.with({ fragment: row.location.uri.fragment.replace(/finding=[^&]+/, 'finding=0000stale') });
    await openRow(stale, { pinned: true });
    await untilViewerAlone(uri());
    assert.ok(!(await ignoreEntries(fixtureUri('viewer-e2e/.tally-ignore.json'))).some((e) => e.id === '0000stale'));
    // Hiding would re-check; give a re-check time to land, then the problems must be as they were.
    await new Promise((r) => setTimeout(r, 1500));
    assert.equal(tallyDiagnostics(uri()).length, before);
    assert.ok(tallyDiagnostics(uri()).some((x) => /420,?000/.test(x.message)));
  });

  it('reloads a PDF rewritten on disk without an error, on the same page', async () => {
    const before = (await viewer(uri()))!;
    assert.equal(before.page, 2);
    const bytes = await vscode.workspace.fs.readFile(source());
    await vscode.workspace.fs.writeFile(uri(), bytes);
    const after = await until('the viewer to reload', async () => {
      const v = await viewer(uri());
      return v && v.reloads > before.reloads && v.pages >= 2 ? v : undefined;
    }, 60_000);
    // Let the reloaded document settle, then it must still show page 2 with no error logged.
    await until('the viewer to report its page after the reload', async () => {
      const v = await viewer(uri());
      return v && v.page > 0 ? v : undefined;
    });
    await new Promise((r) => setTimeout(r, 1500));
    const settled = (await viewer(uri()))!;
    assert.deepEqual(settled.errors, [], 'the viewer logged errors');
    assert.equal(settled.page, 2, `page after reload (reloads ${after.reloads})`);
    assert.equal(settled.scale, before.scale);
  });

  it('hides a PDF finding from the viewer: gone from the problems, a readable entry beside the paper', async () => {
    const d = await theWrongDose(uri());
    const finding = d as vscode.Diagnostic & { data?: unknown };
    const args = JSON.parse(decodeURIComponent((d.code as { target: vscode.Uri }).target.query)) as Array<{ id: string }>;
    const id = args[0].id;
    assert.ok(await vscode.commands.executeCommand('tally._test.pdfViewer', { uri: uri().toString(), hide: id }), `finding ${id} is in the viewer`);
    await waitForDiagnostics(uri(), (ds) => !ds.some((x) => /420,?000/.test(x.message)), 60_000);
    assert.ok(!tallyDiagnostics(uri()).some((x) => x.message === finding.message));
    const file = fixtureUri('viewer-e2e/.tally-ignore.json');
    const entries = (JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(file))) as { ignore: Array<Record<string, unknown>> }).ignore;
    const entry = entries.find((e) => e.id === id);
    assert.ok(entry, JSON.stringify(entries));
    assert.equal(entry.kind, 'unit-conversion');
    assert.equal(entry.page, 2);
    assert.equal(entry.file, 'viewer-loop.pdf');
    assert.match(String(entry.claim ?? ''), /42/);
    assert.match(String(entry.sentence ?? ''), /reference dose .*42,000/);
    assert.match(String(entry.hidden), /^\d{4}-\d{2}-\d{2}$/);
  });

  it('hides a PDF finding from the report’s Hide button: gone from the problems and the report, a readable entry beside the paper', async () => {
    const copy = fixtureUri('report-hide-e2e/report-hide.pdf');
    await vscode.workspace.fs.copy(source(), copy, { overwrite: true });
    await vscode.commands.executeCommand('tally.checkDocument', copy);
    const d = await theWrongDose(copy);
    const id = (JSON.parse(decodeURIComponent((d.code as { target: vscode.Uri }).target.query)) as Array<{ id: string }>)[0].id;
    await vscode.commands.executeCommand('tally.generateReport', copy);
    assert.ok(await vscode.commands.executeCommand('tally._test.reportHide', id), `finding ${id} is in the report`);
    await waitForDiagnostics(copy, (ds) => !ds.some((x) => /420,?000/.test(x.message)), 60_000);
    const file = fixtureUri('report-hide-e2e/.tally-ignore.json');
    const entries = (JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(file))) as { ignore: Array<Record<string, unknown>> }).ignore;
    assert.deepEqual(Object.keys(entries.find((e) => e.id === id) ?? {}).sort(), ['claim', 'file', 'hidden', 'id', 'kind', 'page', 'sentence']);
    const entry = entries.find((e) => e.id === id)!;
    assert.equal(entry.page, 2);
    assert.equal(entry.file, 'report-hide.pdf');
    assert.match(String(entry.sentence), /42,000/);
    // The report refreshes without it.
    await until('the report to drop the hidden finding', async () => {
      const s = (await vscode.commands.executeCommand('tally._test.getState')) as { reportOpen: boolean; reportFindingIds: string[] };
      return s.reportOpen && !s.reportFindingIds.includes(id) ? true : undefined;
    });
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
});
