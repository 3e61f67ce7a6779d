// Tally: Check Workspace over the whole fixture workspace (the example paper and its PDF, and the
// multi-file project): every paper is checked and the known errors are counted.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateTally, fixtureUri, waitForDiagnostics } from './helpers.ts';

interface CheckFilesResult {
  checked: number;
  counts: { error: number; warning: number; info: number };
  failed: { uri: string; message: string }[];
}

describe('Tally: Check Workspace', function () {
  this.timeout(180_000);

  it('checks every paper in the workspace and publishes their diagnostics', async () => {
    await activateTally();
    const result = await vscode.commands.executeCommand<CheckFilesResult>('tally.checkWorkspace');
    assert.ok(result, 'tally.checkWorkspace returned nothing');
    assert.deepEqual(result.failed, [], `papers that could not be checked: ${JSON.stringify(result.failed)}`);
    assert.ok(result.checked >= 3, `checked ${result.checked} papers`);
    // black-spatula.tex, black-spatula.pdf and multi-file (in sections/results.tex): one error each.
    assert.ok(result.counts.error >= 3, `counts: ${JSON.stringify(result.counts)}`);
    await waitForDiagnostics(fixtureUri('multi-file/sections/results.tex'));
    await waitForDiagnostics(fixtureUri('examples/black-spatula.pdf'));
  });
});
