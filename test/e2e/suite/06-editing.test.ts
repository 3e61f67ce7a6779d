// Edits Tally makes keep the paper valid, and hiding hides one thing: the percentage quick fix on
// an escaped percentage (no new comment: the other error of the line is still found), hiding one
// of two findings on one line, and the readable ignore-list entry beside the paper's root.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateTally, describeDiagnostics, fixtureUri, lineOf, waitForDiagnostics, waitForDocument } from './helpers.ts';

function codeOf(d: vscode.Diagnostic): string {
  return String(typeof d.code === 'object' ? d.code.value : d.code ?? '');
}

async function open(relative: string): Promise<vscode.TextDocument> {
  const document = await vscode.workspace.openTextDocument(fixtureUri(relative));
  await vscode.window.showTextDocument(document);
  return document;
}

async function actionsFor(uri: vscode.Uri, d: vscode.Diagnostic, kind: string): Promise<vscode.CodeAction[]> {
  const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, d.range, kind);
  return actions.filter((a) => a.kind?.value === kind);
}

describe('edits that keep the paper valid, hiding that hides one thing', function () {
  this.timeout(120_000);
  before(activateTally);

  it('the percentage quick fix on an escaped percentage keeps the escape; the rest of the line is still checked', async () => {
    const document = await open('editing/fix/paper.tex');
    const uri = document.uri;
    const line = lineOf(document, '(35\\%)');
    const ds = await waitForDiagnostics(uri, (x) => ['percentage', 'arithmetic'].every((k) => x.some((d) => d.range.start.line === line && codeOf(d) === k)));
    const percentage = ds.find((d) => codeOf(d) === 'percentage')!;
    const [fix] = await actionsFor(uri, percentage, 'quickfix.tally.replace');
    assert.ok(fix?.edit, 'no replace fix for the percentage');
    assert.match(fix.title, /^Tally: replace/);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    await waitForDocument(document, (t) => t.includes('(30\\%)'));
    const text = document.lineAt(line).text;
    assert.ok(!/(?<!\\)%/.test(text), `the fix wrote a comment: ${text}`);
    // The finding is gone, and the arithmetic error after it on the same line is still found.
    const after = await waitForDiagnostics(uri, (x) => !x.some((d) => codeOf(d) === 'percentage') && x.some((d) => codeOf(d) === 'arithmetic'), 30_000);
    assert.equal(after.filter((d) => codeOf(d) === 'arithmetic').length, 1, describeDiagnostics(after));
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('hiding one of two findings on one line hides only that one', async () => {
    const document = await open('editing/hide/sections/counts.tex');
    const uri = document.uri;
    const line = lineOf(document, '(35\\%)');
    const ds = await waitForDiagnostics(uri, (x) => x.filter((d) => d.range.start.line === line).length === 2);
    const percentage = ds.find((d) => d.range.start.line === line && codeOf(d) === 'percentage')!;
    const [hide] = await actionsFor(uri, percentage, 'quickfix.tally.ignoreLine');
    assert.ok(hide?.edit, 'no ignore-line action');
    assert.match(hide.title, /^Tally: hide this/);
    assert.ok(await vscode.workspace.applyEdit(hide.edit));
    await waitForDocument(document, (t) => t.includes('% tally-ignore-next-line percentage'));
    const after = await waitForDiagnostics(uri, (x) => x.filter((d) => d.range.start.line === line + 1).length === 1, 30_000);
    assert.deepEqual(after.filter((d) => d.range.start.line === line + 1).map(codeOf), ['arithmetic']);
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await waitForDiagnostics(uri, (x) => x.filter((d) => d.range.start.line === line).length === 2, 30_000);
  });

  it('hiding a finding everywhere writes a readable entry to .tally-ignore.json beside the paper root', async () => {
    const document = await open('editing/hide/sections/counts.tex');
    const uri = document.uri;
    const line = lineOf(document, '(25\\%)');
    const ds = await waitForDiagnostics(uri, (x) => x.some((d) => d.range.start.line === line));
    const first = ds.filter((d) => d.range.start.line === line).sort((a, b) => a.range.start.character - b.range.start.character)[0];
    const [hide] = await actionsFor(uri, first, 'quickfix.tally.ignoreId');
    assert.ok(hide?.command, 'no hide-everywhere action');
    await vscode.commands.executeCommand(hide.command.command, ...(hide.command.arguments ?? []));
    const after = await waitForDiagnostics(uri, (x) => x.filter((d) => d.range.start.line === line).length === 1, 30_000);
    assert.ok(after.some((d) => d.range.start.line === line && !d.range.isEqual(first.range)), 'the other finding of the line went too');
    const file = fixtureUri('editing/hide/.tally-ignore.json');
    const data = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(file))) as { ignore: Record<string, unknown>[] };
    assert.equal(data.ignore.length, 1);
    const entry = data.ignore[0];
    assert.equal(entry.kind, codeOf(first));
    assert.equal(entry.file, 'sections/counts.tex');
    assert.equal(entry.line, line + 1);
    assert.match(String(entry.claim), /10/);
    assert.match(String(entry.id), /^[0-9a-f]{12}$/);
    assert.equal(entry.hidden, new Date().toISOString().slice(0, 10));
    await vscode.workspace.fs.delete(file);
    await waitForDiagnostics(uri, (x) => x.filter((d) => d.range.start.line === line).length === 2, 30_000);
  });
});
