// The harness itself: a real VS Code is running the suite and the extension under development is loaded.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID } from './helpers.ts';

describe('harness', () => {
  it('runs inside a real VS Code', () => {
    assert.match(vscode.version, /^1\.\d+\.\d+/);
    console.log(`VS Code ${vscode.version}, ${vscode.env.appName}, ${vscode.env.uiKind === vscode.UIKind.Web ? 'web' : 'desktop'} UI`);
  });

  it('has the Tally extension under development', () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `extension ${EXTENSION_ID} is not loaded`);
    assert.equal(ext.packageJSON.name, 'tally');
  });

  it('opened the fixture workspace', async () => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'no workspace folder is open');
    const tex = await vscode.workspace.findFiles('examples/black-spatula.tex');
    assert.equal(tex.length, 1, 'examples/black-spatula.tex is not in the workspace');
  });
});
