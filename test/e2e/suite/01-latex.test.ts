// A LaTeX paper in the editor: diagnostics, hover with the working, the replace quick fix,
// and a finding in an \input file of a multi-file project.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  activateTally, describeDiagnostics, fixtureUri, hoverText, lineOf, tallyDiagnostics, waitForDiagnostics, waitForDocument,
} from './helpers.ts';

const WRONG = '42{,}000';

function codeOf(d: vscode.Diagnostic): string {
  return String(typeof d.code === 'object' ? d.code.value : d.code ?? '');
}

describe('LaTeX paper (examples/black-spatula.tex)', function () {
  this.timeout(120_000);
  const uri = () => fixtureUri('examples/black-spatula.tex');
  let document: vscode.TextDocument;
  let error: vscode.Diagnostic;

  before(async () => {
    document = await vscode.workspace.openTextDocument(uri());
    await vscode.window.showTextDocument(document);
    await activateTally();
  });

  after(async () => {
    // Leave the file as it was for the tests after this one.
    if (document.isDirty) {
      await vscode.window.showTextDocument(document);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
  });

  it('reports the BDE-209 reference-dose error at the line of 42{,}000', async () => {
    const line = lineOf(document, WRONG);
    const diagnostics = await waitForDiagnostics(uri(), (ds) => ds.some((d) => d.range.start.line === line));
    error = diagnostics.find((d) => d.range.start.line === line)!;
    assert.equal(error.severity, vscode.DiagnosticSeverity.Error, describeDiagnostics([error]));
    assert.equal(codeOf(error), 'unit-conversion', describeDiagnostics([error]));
    assert.match(error.message, /420,?000/);
    assert.match(document.getText(error.range), /42/, `the diagnostic covers "${document.getText(error.range)}"`);
    // The correct calculations in the paper are not flagged.
    const others = diagnostics.filter((d) => d !== error && d.severity === vscode.DiagnosticSeverity.Error);
    assert.deepEqual(others, [], `unexpected errors: ${describeDiagnostics(others)}`);
  });

  it('shows the working on hover', async () => {
    assert.ok(error, 'no diagnostic from the previous test');
    const at = error.range.start.translate(0, 1);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri(), at);
    const text = hoverText(hovers);
    assert.match(text, /Tally/, `hover: ${text}`);
    assert.match(text, /Recomputed/i, `hover: ${text}`);
    assert.match(text, /420,?000/, `hover: ${text}`);
    assert.match(text, /Working/i, `hover: ${text}`);
    assert.match(text, /7000/, `hover: ${text}`);
  });

  it('offers a quick fix that replaces the wrong number, and the error goes away', async () => {
    assert.ok(error, 'no diagnostic from the previous test');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri(), error.range);
    const replace = actions.find((a) => a.kind?.value.startsWith('quickfix.tally.replace') || /^Replace/.test(a.title));
    assert.ok(replace?.edit, `no replace fix among: ${actions.map((a) => a.title).join(' | ')}`);
    assert.ok(actions.some((a) => /ignore|hide/i.test(a.title)), 'no ignore fix offered');
    assert.ok(await vscode.workspace.applyEdit(replace.edit));
    await waitForDocument(document, (t) => t.includes('420{,}000') || t.includes('420,000'));
    const line = lineOf(document, '7000 \\times');
    await waitForDiagnostics(uri(), (ds) => !ds.some((d) => d.range.start.line === line && codeOf(d) === 'unit-conversion'), 30_000).catch(
      (e: Error) => assert.fail(`the fixed number is still flagged: ${e.message}`),
    );
  });
});

describe('multi-file LaTeX project (multi-file/main.tex with \\input{sections/results})', function () {
  this.timeout(120_000);

  it('reports a finding in the \\input file when the main file is opened', async () => {
    const main = await vscode.workspace.openTextDocument(fixtureUri('multi-file/main.tex'));
    await vscode.window.showTextDocument(main);
    const results = fixtureUri('multi-file/sections/results.tex');
    const diagnostics = await waitForDiagnostics(results, (ds) => ds.some((d) => codeOf(d) === 'percentage'));
    const d = diagnostics.find((x) => codeOf(x) === 'percentage')!;
    assert.equal(d.range.start.line, 1, describeDiagnostics([d]));
    assert.match(d.message, /30\s*%/);
    assert.deepEqual(tallyDiagnostics(main.uri).filter((x) => x.severity === vscode.DiagnosticSeverity.Error), []);
  });
});
