// A PDF in Tally's viewer: the custom editor opens, pdf.js renders the pages, and the finding shows
// both as a diagnostic on the PDF's URI and as a highlight in the viewer.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateTally, describeDiagnostics, fixtureUri, testState, until, waitForDiagnostics } from './helpers.ts';

describe('PDF paper in the Tally PDF viewer (examples/black-spatula.pdf)', function () {
  this.timeout(150_000);
  const uri = () => fixtureUri('examples/black-spatula.pdf');

  before(async () => {
    await vscode.workspace.fs.stat(uri()).then(undefined, () => {
      throw new Error('examples/black-spatula.pdf is not in the workspace (the runner compiles it with pdflatex when the repo has none)');
    });
    await activateTally();
  });

  it('opens with vscode.openWith tally.pdfViewer and reports the error on the PDF URI', async () => {
    await vscode.commands.executeCommand('vscode.openWith', uri(), 'tally.pdfViewer');
    const diagnostics = await waitForDiagnostics(uri(), (ds) => ds.some((d) => /420,?000/.test(d.message)), 60_000);
    const error = diagnostics.find((d) => /420,?000/.test(d.message))!;
    assert.equal(error.severity, vscode.DiagnosticSeverity.Error, describeDiagnostics([error]));
    assert.match(error.message, /^page \d+, line \d+/, describeDiagnostics([error]));
  });

  it('renders the pages and hands the findings to the viewer (the highlights themselves: ui.mjs)', async () => {
    const state = await until('the PDF viewer to render with findings', async () => {
      const s = await testState();
      const v = s.pdfViewers.find((p) => p.uri === uri().toString());
      return v && v.ready && v.pages > 0 && v.findings > 0 ? v : undefined;
    }, 60_000);
    assert.ok(state.pages >= 1);
    assert.ok(state.findings >= 1);
  });
});
